// npm run bench: our codecs against JSON and linkedin-api-client, measured in one run, on the
// built package. Prints per-fixture times, ratios, geometric means and the targets.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { do_not_optimize, measure } from 'mitata';
import { batchIds, finderParams, v1Urls, values } from './fixtures.mjs';

// Imported as a whole, so that a function the build does not export yet skips its group (with a
// note) instead of failing the whole run at link time.
const restli = await import('../dist/node/index.js');

const require = createRequire(import.meta.url);
const peerEncoder = require('linkedin-api-client/dist/lib/utils/encoder.js');
const peerDecoder = require('linkedin-api-client/dist/lib/utils/decoder.js');
const peerRestli = require('linkedin-api-client/dist/lib/utils/restli-utils.js');
const root = fileURLToPath(new URL('..', import.meta.url));
const filter = process.argv.includes('--filter')
  ? process.argv[process.argv.indexOf('--filter') + 1]
  : '';

/**
 * Average ns per call. mitata's own warm-up is a few samples; the first benchmark of a process
 * still ran up to 2x slow while V8 finished tiering it up, so each function first runs for
 * 150 ms of wall time.
 */
async function ns(fn) {
  for (const end = performance.now() + 150; performance.now() < end; ) do_not_optimize(fn());
  const stats = await measure(() => do_not_optimize(fn()), { min_cpu_time: 300e6 });
  return stats.avg;
}

const geomean = (xs) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
const fmt = (n) =>
  n >= 1e6
    ? `${(n / 1e6).toFixed(2)} ms`
    : n >= 1e3
      ? `${(n / 1e3).toFixed(2)} µs`
      : `${n.toFixed(0)} ns`;

/**
 * A group compares `ours` with `json` (the JSON baseline) and `peer` (linkedin-api-client) on
 * each fixture. Adding a row is adding an entry here.
 */
const groups = [
  {
    name: 'encode',
    fixtures: values,
    needs: 'encode',
    ours: (v) => () => restli.encode(v),
    json: (v) => () => JSON.stringify(v),
    peer: (v) => () => peerEncoder.encode(v),
  },
  {
    name: 'decode',
    // The encoded text of the same fixtures; JSON.parse gets their JSON text.
    fixtures: Object.fromEntries(
      Object.entries(values).map(([k, v]) => [
        k,
        { text: restli.encode(v), json: JSON.stringify(v) },
      ]),
    ),
    needs: 'decode',
    ours: (f) => () => restli.decode(f.text),
    json: (f) => () => JSON.parse(f.json),
    peer: (f) => () => peerDecoder.decode(f.text),
  },
  {
    // The whole query of a request. The peer has no protocol 1.0, so both rows compare with its
    // 2.0 writer; JSON is the baseline as elsewhere.
    name: 'query',
    fixtures: {
      'finder, 10 params, 2.0': { params: finderParams, version: '2.0.0' },
      'finder, 10 params, 1.0': { params: finderParams, version: '1.0.0' },
    },
    needs: 'encodeQuery',
    ours: (f) => () => restli.encodeQuery(f.params, { version: f.version }),
    json: (f) => () => JSON.stringify(f.params),
    peer: (f) => () => peerEncoder.paramEncode(f.params),
  },
  {
    name: 'url',
    needs: 'buildUrl',
    fixtures: {
      'batch get, 100 ids, 2.0': { ids: batchIds, version: '2.0.0' },
      'batch get, 100 ids, 1.0': { ids: batchIds, version: '1.0.0' },
    },
    ours: (f) => () =>
      restli.buildUrl(
        { method: 'batch_get', resource: 'people', ids: f.ids, fields: ['id', 'firstName'] },
        { version: f.version, base: 'https://api.linkedin.com/v2/' },
      ),
    json: (f) => () => JSON.stringify(f.ids),
    peer: (f) => () =>
      `https://api.linkedin.com/v2/people?${peerRestli.encodeQueryParamsForGetRequests({ ids: f.ids, fields: 'id,firstName' })}`,
  },
];

/** Runs one group in this process and returns its rows. */
async function runGroup(group) {
  const rows = [];
  for (const [name, fixture] of Object.entries(group.fixtures)) {
    const ours = await ns(group.ours(fixture));
    const json = await ns(group.json(fixture));
    const peer = await ns(group.peer(fixture));
    rows.push({ name, ours, json, peer });
  }
  return rows;
}

// Each group runs in a fresh process: the JIT feedback one group leaves behind (megamorphic call
// sites, heap growth) otherwise skews the next group by up to 2x, which says nothing about
// either codec.
const only = process.argv.includes('--group')
  ? process.argv[process.argv.indexOf('--group') + 1]
  : undefined;
if (only !== undefined) {
  const group = groups.find((g) => g.name === only);
  process.stdout.write(JSON.stringify(await runGroup(group)));
  process.exit(0);
}

const summary = {};
for (const group of groups) {
  if (filter && !group.name.includes(filter)) continue;
  if (typeof restli[group.needs] !== 'function') {
    console.log(
      `\n## ${group.name}\n\nskipped: dist/node/index.js does not export ${group.needs} yet`,
    );
    continue;
  }
  let rows;
  try {
    // linkedin-api-client loops forever on some inputs (`(a,b)`); the fixtures avoid them, and
    // the time limit keeps a new fixture that does not from hanging the run.
    rows = JSON.parse(
      execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--group', group.name], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
        timeout: 120_000,
      }),
    );
  } catch (error) {
    console.log(
      `\n## ${group.name}\n\nskipped: ${error.signal === 'SIGTERM' ? 'timed out' : error.message}`,
    );
    continue;
  }
  console.log(`\n## ${group.name}\n`);
  console.log('| fixture | ours | JSON | linkedin-api-client | ours / JSON | peer / ours |');
  console.log('|---|---|---|---|---|---|');
  for (const { name, ours, json, peer } of rows) {
    console.log(
      `| ${name} | ${fmt(ours)} | ${fmt(json)} | ${fmt(peer)} | ${(ours / json).toFixed(2)}x | ${(peer / ours).toFixed(1)}x |`,
    );
  }
  summary[group.name] = {
    toJson: geomean(rows.map((r) => r.ours / r.json)),
    peerToOurs: geomean(rows.map((r) => r.peer / r.ours)),
  };
  console.log(
    `\n${group.name}, geometric mean: ${summary[group.name].toJson.toFixed(2)}x JSON, ${summary[group.name].peerToOurs.toFixed(1)}x faster than linkedin-api-client`,
  );
}

/** Median wall time of a fresh process, in ms. */
function startup(args, runs = 15) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    execFileSync(process.execPath, args, { cwd: root, stdio: 'pipe' });
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[runs >> 1];
}

function importTime(runs = 15) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const t = performance.now(); await import('./dist/node/index.js'); console.log(performance.now() - t);",
      ],
      { cwd: root, encoding: 'utf8' },
    );
    times.push(Number(out));
  }
  return times.sort((a, b) => a - b)[runs >> 1];
}

/** URLs per second of convertUrl over a mix of v1 finder and batch URLs, best of 5 rounds. */
function throughput() {
  let best = 0;
  for (let round = 0; round < 5; round++) {
    const t = performance.now();
    for (const url of v1Urls) restli.convertUrl(url, { to: '2.0.0' });
    best = Math.max(best, v1Urls.length / ((performance.now() - t) / 1000));
  }
  return best;
}
let convertRate;
if ((!filter || 'convert'.includes(filter)) && typeof restli.convertUrl === 'function') {
  convertRate = throughput();
  console.log('\n## convert\n');
  console.log(
    `convertUrl, 1.0 → 2.0, typical finder and batch URLs: ${Math.round(convertRate).toLocaleString('en')} URLs/s on one core`,
  );
}

let rootImport;
let version;
if (!filter || 'start-up'.includes(filter)) {
  console.log('\n## start-up\n');
  rootImport = importTime();
  version = startup(['dist/cli.js', '--version']);
  console.log(
    `import of the package root: ${rootImport.toFixed(1)} ms (median of 15 fresh processes)`,
  );
  console.log(`restli --version: ${version.toFixed(0)} ms wall (median of 15)`);
}

const targets = [
  ['encode ≥ 5x faster than linkedin-api-client', summary.encode && summary.encode.peerToOurs >= 5],
  ['encode within 1.5x of JSON.stringify', summary.encode && summary.encode.toJson <= 1.5],
  ['decode faster than linkedin-api-client', summary.decode && summary.decode.peerToOurs > 1],
  ['root import < 15 ms', rootImport === undefined ? undefined : rootImport < 15],
  ['restli --version < 150 ms', version === undefined ? undefined : version < 150],
  [
    'convert ≥ 50 000 URLs/s per core',
    convertRate === undefined ? undefined : convertRate >= 50_000,
  ],
];
// The typed layer's rows (bench/typed.mjs, kept apart so that this file stays perf's).
if (!filter || 'typed'.includes(filter)) await (await import('./typed.mjs')).runTypedBench();

console.log('\n## targets\n');
for (const [name, ok] of targets)
  console.log(`${ok === undefined ? 'SKIP' : ok ? 'PASS' : 'MISS'}  ${name}`);
console.log(`\nNode ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
