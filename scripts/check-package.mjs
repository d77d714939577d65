// Checks the package as users get it, from the tarball `npm pack` makes of the built dist/:
//   publint --strict and attw (every resolution mode, CommonJS included);
//   a TypeScript 4.9 consumer (node10 CommonJS, node16 CommonJS and ESM, bundler) type-checks
//   against the shipped .d.ts files with skipLibCheck off, and no export is `any`;
//   require() of every entry from a CommonJS script and import() from an ES module, on this Node.
// Prints one line per check and exits 1 if any failed. Run after the build (npm test does).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { packageEntries } from './entries.mjs';

const root = resolve(import.meta.dirname, '..');
const entries = packageEntries();
const work = mkdtempSync(join(tmpdir(), 'restli-pack-'));
let failed = 0;

function check(name, fn) {
  try {
    const detail = fn();
    console.log(`ok   ${name}${detail ? `: ${detail}` : ''}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n${String(e.stdout ?? '')}${String(e.stderr ?? '')}${e.message}`);
  }
}

function run(cmd, args, cwd = work) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) {
    throw Object.assign(new Error(`${cmd} ${args.join(' ')} exited ${r.status}`), r);
  }
  return r.stdout;
}

// The tarball, without running `prepare` again (dist/ is already built).
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
    cwd: root,
    encoding: 'utf8',
  }),
)[0];
const tarball = join(work, packed.filename);
console.log(
  `package: ${(packed.size / 1000).toFixed(1)} kB packed, ${(packed.unpackedSize / 1000).toFixed(1)} kB unpacked, ${packed.files.length} files`,
);

const bin = (name) => join(root, 'node_modules', '.bin', name);
check('publint --strict', () =>
  run(bin('publint'), ['--strict', tarball]).trim().split('\n').at(-1),
);
check('attw (node10, node16 CJS and ESM, bundler)', () => {
  run(bin('attw'), [tarball, '--format', 'table-flipped']);
  return 'no problems';
});

// A consumer project with the package installed from the tarball.
const consumer = join(work, 'consumer');
const installed = join(consumer, 'node_modules', 'restli-protocol');
mkdirSync(installed, { recursive: true });
run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);

const specifiers = entries.map((e) => `restli-protocol${e.subpath.slice(1)}`);
const typeTest = (importLines) => `${importLines}
type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny: [IsAny<typeof root.encode>, IsAny<typeof root.decode>, IsAny<typeof root.RestliError>] = [false, false, false];
const text: string = root.encode({ a: [1, 2] });
// @ts-expect-error encode takes no symbol
root.encode(Symbol('x'));
export { notAny, text, ${entries.map((e) => e.name).join(', ')} };
`;
const esmImports = entries
  .map((e, i) => `import * as ${e.name} from '${specifiers[i]}';`)
  .join('\n');
const cjsImports = entries
  .map((e, i) => `import ${e.name} = require('${specifiers[i]}');`)
  .join('\n');
// TypeScript 4.9 from the registry through npx (cached after the first run), in its own folder: as
// a devDependency its `tsc` bin would clash with the project's TypeScript.
const tsc49 = (dir) => run('npx', ['--yes', '-p', 'typescript@4.9.5', 'tsc', '-p', dir], dir);
const projects = {
  // The LinkedIn JS client's setting: CommonJS with TypeScript 4.9's default resolution.
  'cjs-node10': { module: 'commonjs', moduleResolution: 'node', file: 'test.ts', body: cjsImports },
  'cjs-node16': {
    module: 'node16',
    moduleResolution: 'node16',
    file: 'test.cts',
    body: cjsImports,
  },
  'esm-node16': {
    module: 'node16',
    moduleResolution: 'node16',
    file: 'test.mts',
    body: esmImports,
  },
  'esm-bundler': { module: 'esnext', moduleResolution: 'node', file: 'test.ts', body: esmImports },
};
for (const [name, p] of Object.entries(projects)) {
  check(`TypeScript 4.9 consumer, ${name}`, () => {
    const dir = join(consumer, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, p.file), typeTest(p.body));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: p.module,
          moduleResolution: p.moduleResolution,
          target: 'es2022',
          lib: ['es2022'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
          esModuleInterop: true,
        },
        files: [p.file],
      }),
    );
    tsc49(dir);
  });
}

const smoke = (load) => `
${load}
const root = mods[0];
const out = root.encode({ ids: [1, 2], q: 'x y' });
if (out !== '(ids:List(1,2),q:x%20y)') throw new Error('encode gave ' + out);
if (JSON.stringify(root.decode('(a:List(1,2))')) !== '{"a":["1","2"]}') throw new Error('decode');
let caught;
try { root.decode('(a:b:c)'); } catch (e) { caught = e; }
if (!(caught instanceof root.RestliSyntaxError) || !(caught instanceof root.RestliError)) throw new Error('error class');
console.log(mods.map((m) => Object.keys(m).length).join(' '));
`;
check(`require() of every entry (CommonJS, Node ${process.versions.node})`, () => {
  writeFileSync(
    join(consumer, 'smoke.cjs'),
    smoke(`const mods = ${JSON.stringify(specifiers)}.map((s) => require(s));`),
  );
  return `exports per entry: ${run(process.execPath, ['smoke.cjs'], consumer).trim()}`;
});
check(`import of every entry (ESM, Node ${process.versions.node})`, () => {
  writeFileSync(
    join(consumer, 'smoke.mjs'),
    smoke(`const mods = await Promise.all(${JSON.stringify(specifiers)}.map((s) => import(s)));`),
  );
  return `exports per entry: ${run(process.execPath, ['smoke.mjs'], consumer).trim()}`;
});
check('restli CLI from the tarball', () => {
  const out = run(
    process.execPath,
    [join(installed, 'dist', 'cli.js'), 'convert', '--to', '2.0.0', '/people?ids=1&ids=2'],
    consumer,
  ).trim();
  if (out !== '/people?ids=List(1,2)') throw new Error(`restli convert gave ${out}`);
  return out;
});

rmSync(work, { recursive: true, force: true });
console.log(failed === 0 ? 'package checks passed' : `${failed} package check(s) failed`);
process.exit(failed === 0 ? 0 : 1);
