// Builds dist/ (see docs/packaging.md for the why of each part):
//   dist/esm/   one readable ES module per source module (tsc), with source maps and .d.ts files
//               whose relative imports end in .js (TypeScript 4.7+ resolves them). Bundlers keep
//               only the modules an import reaches, so `{ encode }` never pulls in the parser.
//               src/codec/grammars.js is the exception: one esbuild bundle of grammar/ and
//               chevrotain, wrapped in lazy initializers so that importing the package evaluates
//               neither until the first decode.
//   dist/cjs/   the CommonJS build for `require`: one esbuild bundle of every entry from the same
//               sources, plus one small file per entry and the same .d.ts files.
//   dist/cli.js the restli command: one file with the library code it runs (start-up), lazy
//               command chunks beside it (cli-chunk-*.js), the parser chunk shared with dist/esm.
//   dist/THIRD-PARTY-NOTICES.txt  the licences of the bundled packages, read from node_modules.
//   dist/.build-stamp  a hash of every input; a build whose inputs have not changed is skipped
//               (`npm ci` builds in `prepare` and `npm test` asks again), `--force` rebuilds.
// The public entries are read from package.json `exports`: the one place they are listed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { entriesFromExports } from './entries.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const SRC = join(root, 'src');
const GRAMMARS = join(SRC, 'codec', 'grammars.ts');

/** Fails the build with one clear line. */
function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

let entries;
try {
  entries = entriesFromExports(pkg.exports);
} catch (e) {
  fail(e.message);
}
const missing = entries.filter((e) => !existsSync(e.source));
if (missing.length > 0) {
  fail(
    `entry source missing: ${missing.map((e) => `${e.subpath} -> ${e.source}`).join(', ')} (package.json exports lists them)`,
  );
}

// The stamp hashes the content (not the times: a fresh clone gives every file a new mtime) of
// everything the build reads, plus the Node version that ran it.
const STAMP = join('dist', '.build-stamp');
function inputsHash() {
  const hash = createHash('sha256').update(process.version);
  const walk = (path) => {
    if (!existsSync(path)) return;
    const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    );
    for (const entry of entries) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else
        hash
          .update(`${relative(root, child)}\0`)
          .update(readFileSync(child))
          .update('\0');
    }
  };
  for (const dir of ['src', 'grammar', 'scripts']) walk(dir);
  for (const file of [
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'tsconfig.build.json',
  ]) {
    if (existsSync(file)) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
const stamp = inputsHash();
if (
  !process.argv.includes('--force') &&
  existsSync(STAMP) &&
  readFileSync(STAMP, 'utf8') === stamp &&
  existsSync(join('dist', 'cli.js'))
) {
  console.error('build: dist/ is up to date (inputs unchanged; --force rebuilds)');
  process.exit(0);
}

rmSync('dist', { recursive: true, force: true });

// 1. ES modules and declarations, one per source module.
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
// grammar/ ships only inside the lazy bundle below (its emitted modules import chevrotain), and
// grammars.d.ts would name grammar/ types: no public declaration reaches either (checked below).
rmSync('dist/esm/grammar', { recursive: true, force: true });
rmSync('dist/esm/src/codec/grammars.d.ts');

/** Every file under `dir`, recursively. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

// tsc keeps the source's `.ts` specifiers in declarations; TypeScript before 5.0 resolves only `.js`.
const SPECIFIER = /((?:\bfrom|\bimport\s*\()\s*)(['"])(\.\.?\/[^'"]*?)\.ts\2/g;
for (const file of walk('dist/esm')) {
  if (!file.endsWith('.d.ts')) continue;
  const text = readFileSync(file, 'utf8').replace(SPECIFIER, '$1$2$3.js$2');
  if (/(['"])\.\.?\/[^'"]*\.ts\1/.test(text)) fail(`${file}: a relative .ts specifier is left`);
  if (/grammars\.js|grammar\/|chevrotain['"]/.test(text)) fail(`${file}: names the parser's types`);
  writeFileSync(file, text);
}

/** The grammar modules src/codec/grammars.ts imports (`import * as name from 'path'`). */
function grammarImports() {
  const source = readFileSync(GRAMMARS, 'utf8');
  const imports = [...source.matchAll(/^import \* as (\w+) from '([^']+)';$/gm)];
  if (imports.length === 0) fail('src/codec/grammars.ts: no grammar imports found');
  return imports.map(([, name, path]) => ({ name, path }));
}

/**
 * src/codec/grammars.ts imports the grammars statically (for tests and types). In the build it
 * becomes a module that `require`s them inside the function: esbuild then wraps the grammars and
 * chevrotain in lazy initializers, so importing the package evaluates neither and the first
 * decode pays for it. The cache only saves rebuilding the CommonJS view of the modules; the
 * parsers' own caches hold no user data (see docs/packaging.md on the dual-package hazard).
 */
const lazyGrammars = {
  name: 'lazy-grammars',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]codec[\\/]grammars\.ts$/ }, () => {
      // One getter per grammar: a decode loads the value grammar, not the PDL and mask ones.
      const fields = grammarImports().map(
        ({ name, path }) => `get ${name}() { return (loaded.${name} ??= require('${path}')); }`,
      );
      return {
        contents: `const loaded = {}; const lazy = { ${fields.join(', ')} }; export function grammars() { return lazy; }`,
        loader: 'ts',
        resolveDir: dirname(GRAMMARS),
      };
    });
  },
};

/**
 * Keeps imports of library modules (src/, outside src/cli/ and the module being bundled) out of
 * a bundle: they become imports of the per-module files in dist/esm, so that there is one copy of
 * each class (RestliError …) in a process.
 */
function externalLibrary(outFile, keep) {
  return {
    name: 'external-library',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const abs = resolve(args.resolveDir, args.path);
        if (!abs.startsWith(SRC + sep) || abs.startsWith(join(SRC, 'cli') + sep) || keep(abs)) {
          return undefined;
        }
        const target = join(root, 'dist', 'esm', relative(root, abs)).replace(/\.ts$/, '.js');
        let path = relative(dirname(join(root, outFile)), target)
          .split(sep)
          .join('/');
        if (!path.startsWith('.')) path = `./${path}`;
        return { path, external: true };
      });
    },
  };
}

/**
 * chevrotain's Lexer, replaced by the one member the grammars use. grammar/ scans with its own
 * hand-written scanners and gives every token type the pattern `Lexer.NA` (never matched by a
 * chevrotain Lexer); chevrotain itself reads only `Lexer.NA` too outside the Lexer (its EOF and
 * recording tokens). The real class pulls in the lexer's analysis and a regular-expression parser
 * (regexp-to-ast): ~35 kB of the ~136 kB blob, evaluated and compiled by the first decode of
 * every process. The stand-in throws if anything ever constructs it.
 */
const LEXER_PUBLIC = /[\\/]chevrotain[\\/]lib[\\/]src[\\/]scan[\\/]lexer_public\.js$/;
const withoutLexer = {
  name: 'chevrotain-without-lexer',
  setup(b) {
    b.onLoad({ filter: LEXER_PUBLIC }, () => ({
      contents: `export class Lexer {
  constructor() {
    throw new Error('restli-protocol bundles chevrotain without its Lexer (scripts/build.mjs)');
  }
}
Lexer.NA = /NOT_APPLICABLE/;
Lexer.SKIPPED = 'This marks a skipped Token pattern.';
export const LexerDefinitionErrorType = {};
`,
      loader: 'js',
    }));
  },
};

/**
 * chevrotain, pre-bundled once as one minified CommonJS module that exports what grammar/ imports
 * from it. Both parser bundles (ESM and CJS) then hold readable grammar code plus this one blob
 * (instead of 400 kB of readable chevrotain and its source map, twice).
 */
async function vendorChevrotain() {
  const names = new Set();
  for (const file of readdirSync('grammar')) {
    const text = readFileSync(join('grammar', file), 'utf8');
    if (/\bnew\s+Lexer\b/.test(text)) fail(`grammar/${file}: the vendored chevrotain has no Lexer`);
    for (const m of text.matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+'chevrotain';/gms)) {
      if (m[1]) continue;
      const braces = /^\{([^}]*)\}$/.exec(m[2].trim());
      if (!braces) fail(`grammar/${file}: only named imports from chevrotain are supported`);
      for (const part of braces[1].split(',')) {
        const item = part.trim();
        if (item === '' || item.startsWith('type ')) continue;
        names.add(item.split(/\s+as\s+/)[0]);
      }
    }
  }
  const outfile = 'node_modules/.cache/restli-build/chevrotain.cjs';
  const result = await build({
    plugins: [withoutLexer],
    stdin: {
      contents: `export { ${[...names].sort().join(', ')} } from 'chevrotain';`,
      resolveDir: root,
    },
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'cjs',
    target: 'es2022',
    minify: true,
    outfile,
    metafile: true,
    logLevel: 'warning',
  });
  return { file: join(root, outfile), metafile: result.metafile };
}
const vendor = await vendorChevrotain();
const VENDOR_MARK = '__RESTLI_CHEVROTAIN_VENDOR__';
/** `chevrotain` becomes a placeholder module; injectVendor puts the blob in after the build. */
const useVendor = {
  name: 'vendor-chevrotain',
  setup(b) {
    b.onResolve({ filter: /^chevrotain$/ }, () => ({ path: 'chevrotain', namespace: 'vendor' }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, () => ({
      contents: `module.exports = ${VENDOR_MARK};`,
      loader: 'js',
    }));
  },
};

/**
 * Replaces the placeholder in a built file by the minified blob as it is (esbuild would re-print
 * it, at twice the size, with a map entry per token), and shifts its source map's lines to match.
 */
function injectVendor(jsFile) {
  const blob = readFileSync(vendor.file, 'utf8').trim();
  const replacement = `(() => {\nvar module = { exports: {} }, exports = module.exports;\n${blob}\nreturn module.exports;\n})()`;
  const js = readFileSync(jsFile, 'utf8');
  const at = js.indexOf(VENDOR_MARK);
  if (at < 0 || js.indexOf(VENDOR_MARK, at + 1) >= 0)
    fail(`${jsFile}: expected one vendor placeholder`);
  const line = js.slice(0, at).split('\n').length - 1;
  const added = replacement.split('\n').length - 1;
  writeFileSync(jsFile, js.slice(0, at) + replacement + js.slice(at + VENDOR_MARK.length));
  const map = JSON.parse(readFileSync(`${jsFile}.map`, 'utf8'));
  const groups = map.mappings.split(';');
  groups.splice(line + 1, 0, ...new Array(added).fill(''));
  map.mappings = groups.join(';');
  writeFileSync(`${jsFile}.map`, JSON.stringify(map));
}

const common = {
  bundle: true,
  platform: 'neutral',
  // chevrotain's lodash-es dependency has no `exports` map.
  mainFields: ['module', 'main'],
  target: 'es2022',
  sourcemap: true,
  // The maps name src/ and grammar/ lines for stack traces; the sources' text is not shipped
  // (the per-module files carry theirs), nor the vendored blob's.
  sourcesContent: false,
  logLevel: 'warning',
  metafile: true,
};

/** Packages from node_modules whose code went into a bundle. */
const bundledPackages = new Map();
function notePackages(metafile) {
  for (const input of Object.keys(metafile.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) bundledPackages.set(m[1], join('node_modules', m[1]));
  }
}
const NOTICE_BANNER =
  '/* Contains chevrotain (Apache-2.0) and its dependencies; their licences: THIRD-PARTY-NOTICES.txt at the package root. */';

// 2. The lazy parser bundle, replacing tsc's grammars.js.
const grammarsOut = 'dist/esm/src/codec/grammars.js';
await build({
  ...common,
  format: 'esm',
  entryPoints: [GRAMMARS],
  outfile: grammarsOut,
  banner: { js: NOTICE_BANNER },
  plugins: [useVendor, lazyGrammars, externalLibrary(grammarsOut, (abs) => abs === GRAMMARS)],
});
injectVendor(grammarsOut);
notePackages(vendor.metafile);
for (const file of walk('dist/esm')) {
  if (file.endsWith('.js') && file !== join('dist', 'esm', 'src', 'codec', 'grammars.js')) {
    if (
      /\bfrom ['"]chevrotain['"]|require\(['"]chevrotain['"]\)/.test(readFileSync(file, 'utf8'))
    ) {
      fail(`${file} imports chevrotain: only src/codec/grammars.ts may reach grammar/`);
    }
  }
}

// 3. CommonJS: one bundle for every entry (one copy of each class), one small file per entry.
const cjsBundle = 'dist/cjs/restli-protocol.js';
await build({
  ...common,
  format: 'cjs',
  stdin: {
    contents: entries.map((e) => `export * as ${e.name} from './${e.source}';`).join('\n'),
    resolveDir: root,
    sourcefile: 'cjs-entries.ts',
    loader: 'ts',
  },
  outfile: cjsBundle,
  banner: { js: NOTICE_BANNER },
  plugins: [useVendor, lazyGrammars],
});
injectVendor(cjsBundle);
writeFileSync('dist/cjs/package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
for (const e of entries) {
  const file = `dist/cjs/${e.base}.js`;
  mkdirSync(dirname(file), { recursive: true });
  const bundle = relative(dirname(file), cjsBundle).split(sep).join('/');
  writeFileSync(
    file,
    `'use strict';\n// restli-protocol${e.subpath.slice(1)} for require(): the shared CommonJS bundle's ${e.name} entry.\nmodule.exports = require('./${bundle}').${e.name};\n`,
  );
}
// The same declarations: under dist/cjs/package.json they are read as CommonJS.
for (const file of walk('dist/esm')) {
  if (file.endsWith('.d.ts')) cpSync(file, join('dist/cjs', relative('dist/esm', file)));
}

// 3b. Node's `import`: the same ES code as a few files (one per entry and shared chunks). Node pays
// a module job per file, so one file per source module (about 45 for the root) costs it about
// three times the import time of one file (docs/size.md); bundlers and browsers, which gain from
// the per-module files, get dist/esm (the `default` condition). The parser chunk and the modules
// it imports stay the dist/esm files: one copy of chevrotain in the package, and one RestliError
// class whichever of dist/esm and dist/node a program loads.
/** dist/esm files reachable from the parser chunk (itself included), as absolute src/ paths. */
function parserClosure() {
  const seen = new Set();
  const todo = [join(root, grammarsOut)];
  while (todo.length > 0) {
    const file = todo.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:\bfrom|\bimport)\s*['"](\.\.?\/[^'"]+)['"]/g)) {
      todo.push(resolve(dirname(file), spec));
    }
  }
  const esmRoot = join(root, 'dist', 'esm');
  return new Set([...seen].map((f) => join(root, relative(esmRoot, f)).replace(/\.js$/, '.ts')));
}
const shared = parserClosure();
const nodeBuild = await build({
  ...common,
  format: 'esm',
  // Flat: every output file sits in dist/node/, so one relative path to dist/esm fits them all.
  entryPoints: Object.fromEntries(entries.map((e) => [e.node, e.source])),
  outdir: 'dist/node',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  plugins: [externalLibrary('dist/node/x.js', (abs) => !shared.has(abs))],
});
const nodeChevrotain = Object.keys(nodeBuild.metafile.inputs).filter((i) =>
  i.includes('chevrotain'),
);
if (nodeChevrotain.length > 0) fail(`dist/node bundles chevrotain (${nodeChevrotain[0]})`);

// 4. The CLI: one file with the library code it runs, except the parser chunk and the modules
// that chunk imports, which stay the dist/esm files (one RestliError class in the process). Node
// pays a module job per file: importing ~45 dist/esm files cost the CLI's start-up more than
// evaluating the same code in one file (bench/README.md). Commands load lazily (import()), so
// esbuild splits them into chunks: `restli decode` never evaluates the translator.
const cli = await build({
  ...common,
  format: 'esm',
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  splitting: true,
  // Flat, like dist/node: one relative path to dist/esm fits every file.
  chunkNames: 'cli-chunk-[hash]',
  external: ['node:*'],
  plugins: [externalLibrary('dist/cli.js', (abs) => !shared.has(abs))],
});
if (Object.keys(cli.metafile.inputs).some((i) => i.includes('node_modules'))) {
  fail('dist/cli.js bundles a package from node_modules: list its licence or import it');
}
chmodSync('dist/cli.js', 0o755);

// 5. The converter page's copy of the library: a browser bundle of the built package.
await build({
  entryPoints: ['dist/esm/src/index.js'],
  outfile: 'docs/converter/restli-protocol.js',
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  sourcesContent: false,
  banner: {
    js: `/* restli-protocol ${pkg.version}, BSD-2-Clause; bundles chevrotain (Apache-2.0) and lodash-es (MIT). */`,
  },
  logLevel: 'warning',
});

// 6. The licences of what the bundles contain.
const notices = ['restli-protocol bundles the following packages. Their licences follow.', ''];
for (const [name, dir] of [...bundledPackages].sort()) {
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const licenceFile = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  if (!licenceFile) fail(`${name}: no licence file in ${dir}`);
  notices.push(
    '='.repeat(78),
    `${name}@${meta.version} (${meta.license})`,
    typeof meta.repository === 'string' ? meta.repository : (meta.repository?.url ?? ''),
    '='.repeat(78),
    readFileSync(join(dir, licenceFile), 'utf8').trim(),
    '',
  );
}
writeFileSync('dist/THIRD-PARTY-NOTICES.txt', `${notices.join('\n')}\n`);

// Last, so that a build that failed half-way is never taken for a finished one.
writeFileSync(STAMP, stamp);
