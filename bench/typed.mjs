// Bench rows for the typed layer: reading (typing) a 100-element batch_get response, against
// JSON.parse of the same body as the baseline. Run alone (`node bench/typed.mjs`) or from run.mjs.
// Uses dist/http.js when the build has that entry, else bundles src/http/index.ts with esbuild.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { do_not_optimize, measure } from 'mitata';

const root = fileURLToPath(new URL('..', import.meta.url));

async function load() {
  try {
    return await import('../dist/http.js');
  } catch {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [join(root, 'src/http/index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
      write: false,
    });
    const dir = mkdtempSync(join(tmpdir(), 'restli-bench-'));
    const file = join(dir, 'http.mjs');
    writeFileSync(file, out.outputFiles[0].text);
    return import(pathToFileURL(file).href);
  }
}

async function ns(fn) {
  for (const end = performance.now() + 150; performance.now() < end; ) do_not_optimize(fn());
  const stats = await measure(() => do_not_optimize(fn()), { min_cpu_time: 300e6 });
  return stats.avg;
}

const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} ms` : `${(n / 1e3).toFixed(2)} µs`);

export async function runTypedBench() {
  const http = await load();
  const snapshot = JSON.parse(
    readFileSync(
      join(root, 'test/fixtures/restli-test-suite/snapshots/testsuite.collection.snapshot.json'),
      'utf8',
    ),
  );
  const resources = http.loadTypedResources([snapshot]);
  const ids = Array.from({ length: 100 }, (_, i) => BigInt(i + 1) * 1_000_000_007n);
  const results = Object.fromEntries(
    ids.map((id) => [String(id), { id, message: `message number ${id} with some text` }]),
  );
  const body = http.stringifyJson({ statuses: {}, results, errors: {} });
  const request = { resource: 'collection', method: 'batch_get', ids };
  const headers = { 'Content-Type': 'application/json', 'X-RestLi-Protocol-Version': '2.0.0' };
  const typed = await ns(() =>
    http.parseResponse(request, resources, { status: 200, headers, body }),
  );
  const json = await ns(() => JSON.parse(body));
  const build = await ns(() => http.buildRequest(request, resources));
  console.log('\ntyped (collection, 100 Message entities, protocol 2.0)');
  console.log(
    `  batch_get response → typed   ${fmt(typed)}   (JSON.parse alone ${fmt(json)}, ×${(typed / json).toFixed(1)})`,
  );
  console.log(`  batch_get request (100 ids)  ${fmt(build)}`);
  return { typed, json, build };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runTypedBench();
