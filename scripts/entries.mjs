// The public entries, read from package.json `exports`: the one place they are listed. Used by
// the build, the size budget, the browser test and the docs.
import { readFileSync } from 'node:fs';

/**
 * Each subpath of `exports` (but ./package.json) must have the shape below, whose source is
 * `src/<path>.ts`. Returns [{ subpath, source, base, name, node }]; throws on any other shape.
 */
export function entriesFromExports(exportsField) {
  const entries = [];
  for (const [subpath, target] of Object.entries(exportsField)) {
    if (subpath === './package.json') continue;
    const esm = target?.import?.default;
    const match = typeof esm === 'string' && /^\.\/dist\/esm\/(src\/[\w/-]+)\.js$/.exec(esm);
    if (!match)
      throw new Error(`exports["${subpath}"].import.default must be ./dist/esm/src/<path>.js`);
    const base = match[1];
    // dist/node is flat: `index` for the root, the subpath's name otherwise.
    const node = subpath === '.' ? 'index' : subpath.slice(2).replace(/\//g, '-');
    const expected = {
      import: {
        types: `./dist/esm/${base}.d.ts`,
        node: `./dist/node/${node}.js`,
        default: `./dist/esm/${base}.js`,
      },
      require: { types: `./dist/cjs/${base}.d.ts`, default: `./dist/cjs/${base}.js` },
    };
    if (JSON.stringify(target) !== JSON.stringify(expected)) {
      throw new Error(`exports["${subpath}"] must be ${JSON.stringify(expected)}`);
    }
    const name = subpath === '.' ? 'root' : subpath.slice(2).replace(/\W/g, '_');
    entries.push({ subpath, source: `${base}.ts`, base, name, node });
  }
  return entries;
}

/** The entries of this package's package.json. */
export function packageEntries(pkgPath = new URL('../package.json', import.meta.url)) {
  return entriesFromExports(JSON.parse(readFileSync(pkgPath, 'utf8')).exports);
}
