/**
 * The folders are the layers (docs/architecture.md): every import of a file in src/ or grammar/
 * points to its own layer or a lower one, never up; the files import each other without a cycle;
 * and src/ reaches the chevrotain grammars at run time only through src/codec/grammars.ts.
 * Read from the files themselves, so a new import that breaks the picture fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
// @ts-expect-error a build script in plain JavaScript, without declarations
import { entriesFromExports } from '../../scripts/entries.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const ENTRIES = new Set<string>(
  entriesFromExports(pkg.exports).map((e: { source: string }) => e.source),
);

/** The layers from the ground up, as docs/architecture.md draws them. */
const LAYERS: [name: string, owns: (file: string) => boolean][] = [
  ['kernel', (f) => ['src/errors.ts', 'src/types.ts', 'src/public-errors.ts'].includes(f)],
  ['internal', (f) => f.startsWith('src/internal/')],
  ['grammar', (f) => f.startsWith('grammar/')],
  ['codec', (f) => f.startsWith('src/codec/')],
  ['wire', (f) => f.startsWith('src/wire/')],
  ['schema', (f) => f.startsWith('src/schema/')],
  ['http', (f) => f.startsWith('src/http/')],
  ['migrate', (f) => f.startsWith('src/migrate/')],
  ['cli', (f) => f.startsWith('src/cli/')],
];

/** An entry file (package.json `exports`) re-exports from any layer: it stands above them all. */
function layerOf(file: string): number {
  if (ENTRIES.has(file)) return LAYERS.length;
  const at = LAYERS.findIndex(([, owns]) => owns(file));
  if (at < 0) throw new Error(`${file} is in no layer: add its folder to LAYERS and the picture`);
  return at;
}

const layerName = (n: number): string => (n === LAYERS.length ? 'entries' : LAYERS[n]![0]);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => relative(ROOT, join(d.parentPath, d.name)).split('\\').join('/'))
    .sort();
}

interface Import {
  target: string;
  typeOnly: boolean;
}

/**
 * The relative imports of `file`: `import … from`, `export … from`, bare `import '…'` and
 * `import('…')`. Comments are removed first so that an example in a comment is not an import.
 */
function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const out: Import[] = [];
  const statement = /^(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'(\.{1,2}\/[^']+)'/gm;
  for (const m of text.matchAll(statement)) {
    out.push({ target: m[3]!, typeOnly: m[2] !== undefined });
  }
  for (const m of text.matchAll(/\bimport\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)) {
    out.push({ target: m[1]!, typeOnly: false });
  }
  return out.map(({ target, typeOnly }) => ({
    target: relative(ROOT, resolve(ROOT, dirname(file), target))
      .split('\\')
      .join('/'),
    typeOnly,
  }));
}

const FILES = [...sources('src'), ...sources('grammar')];
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));

describe('the layers of src/ and grammar/', () => {
  test('the import reader sees the imports (a file known to import three layers)', () => {
    const targets = GRAPH.get('src/codec/grammars.ts')!.map((i) => i.target);
    expect(targets).toEqual(
      expect.arrayContaining([
        'grammar/mask-parser.ts',
        'grammar/parser.ts',
        'grammar/pdl-parser.ts',
      ]),
    );
    expect(FILES.length).toBeGreaterThan(60);
  });

  test('every import resolves to a file of the tree', () => {
    const missing: string[] = [];
    for (const [file, imports] of GRAPH) {
      for (const { target } of imports) {
        // Data files (the CLI reads package.json for its version) are not layers.
        if (target.endsWith('.ts') && !GRAPH.has(target)) missing.push(`${file} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('no arrow runs up: a file imports from its own layer or a lower one', () => {
    const up: string[] = [];
    for (const [file, imports] of GRAPH) {
      const from = layerOf(file);
      for (const { target } of imports) {
        if (!GRAPH.has(target)) continue;
        const to = layerOf(target);
        if (to > from) up.push(`${file} (${layerName(from)}) → ${target} (${layerName(to)})`);
      }
    }
    expect(up).toEqual([]);
  });

  test('src/ loads the grammars at run time only through src/codec/grammars.ts', () => {
    const doors: string[] = [];
    for (const [file, imports] of GRAPH) {
      if (!file.startsWith('src/') || file === 'src/codec/grammars.ts') continue;
      for (const { target, typeOnly } of imports) {
        if (target.startsWith('grammar/') && !typeOnly) doors.push(`${file} → ${target}`);
      }
    }
    expect(doors).toEqual([]);
  });

  test('no import cycle', () => {
    // Depth-first search; a grey file met again closes a cycle.
    const state = new Map<string, 'grey' | 'black'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      state.set(file, 'grey');
      for (const { target } of GRAPH.get(file) ?? []) {
        if (!GRAPH.has(target)) continue;
        const s = state.get(target);
        if (s === 'grey') {
          const at = path.indexOf(target);
          cycles.push([...(at < 0 ? [] : path.slice(at)), file, target].join(' → '));
        } else if (s === undefined) {
          visit(target, [...path, file]);
        }
      }
      state.set(file, 'black');
    };
    for (const file of FILES) if (!state.has(file)) visit(file, []);
    expect(cycles).toEqual([]);
  });

  test('the layer rule orders the folders as the picture does', () => {
    expect(layerOf('grammar/parser.ts')).toBeLessThan(layerOf('src/codec/decode.ts'));
    expect(layerOf('src/internal/json.ts')).toBeLessThan(layerOf('grammar/parser.ts'));
    expect(layerOf('src/index.ts')).toBe(LAYERS.length);
    expect(() => layerOf('src/nowhere/x.ts')).toThrow(/in no layer/);
  });
});
