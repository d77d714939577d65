/**
 * The README's examples and every JSDoc `@example`, run as written: each `expr; // result` line
 * must give that result and each `// Error CODE` line must throw it, so documentation cannot
 * drift from the code. Also: every function a public entry exports has an example.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { RestliError } from '../src/errors.ts';
import {
  type ExampleBlock,
  type Expected,
  jsdocBlocks,
  markdownBlocks,
  statements,
} from './helpers/examples.ts';

const root = join(import.meta.dirname, '..');

/** The package's public entries: subpath → source file. */
const ENTRIES: Record<string, string> = {
  'restli-protocol': 'src/index.ts',
  'restli-protocol/v1': 'src/wire/v1/index.ts',
  'restli-protocol/http': 'src/http/index.ts',
  'restli-protocol/migrate': 'src/migrate/index.ts',
  'restli-protocol/java': 'src/java.ts',
};

const entryModules: Record<string, Record<string, unknown>> = {};
for (const [name, file] of Object.entries(ENTRIES)) {
  entryModules[name] = await import(join(root, file));
}
/** Everything the public entries export, the names examples may use without an import. */
const publicScope: Record<string, unknown> = Object.assign({}, ...Object.values(entryModules));

/** A `fetch` for the README's end-to-end example: no network, a 2.0 response with an id. */
const fetchStub = async () =>
  new Response(null, { headers: { 'X-RestLi-Protocol-Version': '2.0.0', 'X-RestLi-Id': '42' } });

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.startsWith('cli'))
    .map((f) => join(dir, f));
}

const IMPORT = /^import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'([^']+)';?$/s;

/** The block as one async function body: example statements become checks. */
function program(block: ExampleBlock): string {
  const out: string[] = [];
  for (const statement of statements(block)) {
    const code = statement.code.trim();
    const imported = IMPORT.exec(code);
    if (imported) {
      const entry = entryModules[imported[2]!];
      if (entry === undefined) throw new Error(`${imported[2]} is not a public entry`);
      for (const name of imported[1]!.split(',').map((n) => n.trim().replace(/^type\s+/, ''))) {
        if (name !== '' && !code.startsWith('import type') && !(name in entry)) {
          throw new Error(`${imported[2]} does not export ${name}`);
        }
      }
      continue;
    }
    if (statement.expected === undefined) {
      out.push(code);
      continue;
    }
    const at = JSON.stringify(`${relative(root, block.file)}:${statement.line}`);
    const declared = /^(?:const|let)\s+(\w+)\s*(?::[^=]+)?=/.exec(code);
    const expected = expectedCode(statement.expected);
    if (declared) {
      out.push(code, `await __check(() => ${declared[1]}, ${expected}, ${at});`);
    } else {
      out.push(`await __check(async () => (${code.replace(/;$/, '')}), ${expected}, ${at});`);
    }
  }
  return out.join('\n');
}

function expectedCode(expected: Expected): string {
  if (expected.kind === 'throws') return JSON.stringify(expected);
  return `{ kind: 'value', partial: ${expected.partial}, value: (${expected.text}) }`;
}

type Check =
  | { kind: 'value'; partial: boolean; value: unknown }
  | { kind: 'throws'; code?: string; message?: string };

async function check(actual: () => Promise<unknown>, expected: Check, at: string): Promise<void> {
  if (expected.kind === 'throws') {
    let thrown: unknown;
    try {
      await actual();
    } catch (error) {
      thrown = error;
    }
    expect(thrown, `${at}: should throw`).toBeInstanceOf(RestliError);
    if (expected.code !== undefined) expect((thrown as RestliError).code, at).toBe(expected.code);
    if (expected.message !== undefined) {
      expect((thrown as RestliError).message, at).toContain(expected.message);
    }
    return;
  }
  const value = await actual();
  if (expected.partial) expect(value, at).toMatchObject(expected.value as object);
  else expect(value, at).toEqual(expected.value);
}

const AsyncFunction = (async () => {}).constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<void>;

async function run(block: ExampleBlock): Promise<void> {
  const scope: Record<string, unknown> = { ...publicScope };
  if (block.module) Object.assign(scope, await import(block.module));
  Object.assign(scope, { __check: check, fetch: fetchStub });
  const js = transformSync(program(block), { loader: 'ts', format: 'esm' }).code;
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  await new AsyncFunction(...names, js)(...names.map((n) => scope[n]));
}

describe('README examples', () => {
  for (const block of markdownBlocks(join(root, 'README.md'))) {
    test(`README.md:${block.line}`, () => run(block));
  }
});

describe('JSDoc examples', () => {
  for (const file of [...sourceFiles('src'), ...sourceFiles('grammar')]) {
    for (const block of jsdocBlocks(join(root, file))) {
      test(`${file}:${block.line}`, () => run(block));
    }
  }
});

/**
 * The JSDoc comment of the function `name` as `file` defines it, following re-exports
 * (`export { name } from './x.ts'`); undefined when it is not found.
 */
function docOf(file: string, name: string): string | undefined {
  const source = readFileSync(file, 'utf8');
  const at = source.search(new RegExp(`^export (?:async )?function ${name}\\b`, 'm'));
  if (at !== -1) {
    const before = source.slice(0, at);
    return before.slice(before.lastIndexOf('/**'));
  }
  for (const [, names, from] of source.matchAll(/^export \{([^}]*)\} from '([^']+)';$/gm)) {
    if (names!.split(',').some((n) => n.trim() === name))
      return docOf(join(file, '..', from!), name);
  }
  for (const [, from] of source.matchAll(/^export \* from '([^']+)';$/gm)) {
    const doc = docOf(join(file, '..', from!), name);
    if (doc !== undefined) return doc;
  }
  return undefined;
}

describe('every function a public entry exports has an example', () => {
  for (const [entry, file] of Object.entries(ENTRIES)) {
    test(entry, () => {
      const missing = Object.keys(entryModules[entry]!).filter(
        (name) =>
          typeof entryModules[entry]![name] === 'function' &&
          // Classes (the errors) are documented by their module.
          !/^[A-Z]/.test(name) &&
          !docOf(join(root, file), name)?.includes('@example'),
      );
      expect(missing).toEqual([]);
    });
  }
});
