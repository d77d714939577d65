/** The public entries: listed once, in package.json `exports`, in the one shape the build reads. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
// @ts-expect-error a build script in plain JavaScript, without declarations
import { entriesFromExports } from '../../scripts/entries.mjs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

const record = (base: string, node: string) => ({
  import: {
    types: `./dist/esm/${base}.d.ts`,
    node: `./dist/node/${node}.js`,
    default: `./dist/esm/${base}.js`,
  },
  require: { types: `./dist/cjs/${base}.d.ts`, default: `./dist/cjs/${base}.js` },
});

describe('package.json exports', () => {
  test('the pinned entries, each with its source file', () => {
    const entries = entriesFromExports(pkg.exports);
    expect(entries.map((e: { subpath: string; source: string }) => [e.subpath, e.source])).toEqual([
      ['.', 'src/index.ts'],
      ['./v1', 'src/wire/v1/index.ts'],
      ['./http', 'src/http/index.ts'],
      ['./migrate', 'src/migrate/index.ts'],
      ['./schema', 'src/schema/index.ts'],
      ['./java', 'src/java.ts'],
    ]);
    for (const e of entries) {
      expect(existsSync(new URL(`../../${e.source}`, import.meta.url)), e.source).toBe(true);
    }
  });

  test('main, types and typesVersions agree with exports', () => {
    expect(pkg.main).toBe(pkg.exports['.'].require.default);
    expect(pkg.types).toBe(pkg.exports['.'].require.types);
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (subpath === '.' || subpath === './package.json') continue;
      const types = (target as { require: { types: string } }).require.types;
      expect(pkg.typesVersions['*'][subpath.slice(2)]).toEqual([types]);
    }
  });

  test('no runtime dependency: chevrotain is bundled', () => {
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.files).toEqual(['dist', 'README.md', 'LICENSE']);
  });

  test.each([
    [
      'a missing require condition',
      { '.': { import: record('src/index', 'index').import } },
      /exports\["\."\] must be/,
    ],
    [
      'a target outside dist/esm/src',
      { './x': { import: { default: './lib/x.js' } } },
      /must be \.\/dist\/esm\/src/,
    ],
    [
      'types that do not match',
      {
        './x': {
          ...record('src/x', 'x'),
          import: { types: './x.d.ts', default: './dist/esm/src/x.js' },
        },
      },
      /exports\["\.\/x"\] must be/,
    ],
  ])('rejects %s', (_name, exportsField, message) => {
    expect(() => entriesFromExports(exportsField)).toThrow(message);
  });

  test('accepts the shape and names the entries', () => {
    expect(
      entriesFromExports({ './a/b': record('src/a/b', 'a-b'), './package.json': './package.json' }),
    ).toEqual([
      { subpath: './a/b', source: 'src/a/b.ts', base: 'src/a/b', name: 'a_b', node: 'a-b' },
    ]);
  });
});
