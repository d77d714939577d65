// Builds dist/: the library and the CLI as ESM bundles (chevrotain bundled in, so importing it
// does not pay for hundreds of lodash-es files), plus the .d.ts files from tsc.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });

/**
 * src/codec/grammars.ts imports the chevrotain grammars statically (for tests and types). In the build
 * it becomes a module that `require`s them inside the function: esbuild then wraps the grammars
 * and chevrotain in lazy initializers, so importing the package root does not evaluate chevrotain
 * and only the first decode pays for it.
 */
const lazyGrammars = {
  name: 'lazy-grammars',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]codec[\\/]grammars\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const imports = [...source.matchAll(/^import \* as (\w+) from '([^']+)';$/gm)];
      if (imports.length === 0) throw new Error('src/codec/grammars.ts: no grammar imports found');
      const fields = imports.map(([, name, path]) => `${name}: require('${path}')`);
      return {
        // Cached: each require of an ESM module builds a fresh CommonJS view of it.
        contents: `let loaded; export function grammars() { return (loaded ??= { ${fields.join(', ')} }); }`,
        loader: 'ts',
        resolveDir: dirname(args.path),
      };
    });
  },
};

const common = {
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  // chevrotain's lodash-es dependency has no `exports` map.
  mainFields: ['module', 'main'],
  plugins: [lazyGrammars],
  target: 'es2022',
  // Smaller text parses faster: import time is part of what we promise.
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

// The library: one file per public entry, the code they share in chunks (so that an error class
// is the same class whichever entry it comes from).
await build({
  ...common,
  entryPoints: {
    index: 'src/index.ts',
    v1: 'src/wire/v1/index.ts',
    http: 'src/http/index.ts',
    migrate: 'src/migrate/index.ts',
    java: 'src/java.ts',
  },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// The CLI: split, so that `restli --version` and `encode` never load the parser's chunk.
await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'cli-chunks/[name]-[hash]',
  // Node builtins are for the CLI only; the library entry never reaches them.
  external: ['node:*'],
});
chmodSync('dist/cli.js', 0o755);

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
