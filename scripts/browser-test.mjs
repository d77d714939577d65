// The browser test (run by .ci/run after npm test, on the built dist/): the library and the
// converter page in a real headless Chromium, driven by playwright-core through executablePath.
// Chromium exits 0 whatever a page does, so the verdict is read from the page: every check is a
// line here, and the last line is `browser: N passed, N failed` (exit 1 if any failed).
//   node scripts/browser-test.mjs [--screenshot]   (--screenshot rewrites docs/converter/screenshot.png)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
};

/** A tiny static server for the repository, on loopback only; nothing outside `root`. */
function serve() {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const executablePath =
  process.env.CHROMIUM_PATH ??
  [
    '/usr/bin/chromium-headless-shell',
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium',
  ].find(existsSync);
if (!executablePath) {
  console.log(
    'FAIL no Chromium found (set CHROMIUM_PATH, or apt-get install chromium-headless-shell)',
  );
  console.log('browser: 0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;
function record(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath,
  // As root (CI containers) Chromium refuses to start without it.
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});

try {
  // Nothing may come from the network: every page is served from loopback.
  const offsite = [];
  const local = async (page) => {
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith('data:')) return route.continue();
      offsite.push(url);
      return route.abort();
    });
    return page;
  };

  // 1. The library's checks, run in the page.
  const page = await local(await browser.newPage());
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${base}/test/browser/index.html`);
  const verdict = await page
    .waitForFunction(() => window.__restliVerdict, undefined, { timeout: 30_000 })
    .then((h) => h.jsonValue())
    .catch((e) => ({
      results: [{ name: 'the page gave a verdict', ok: false, detail: String(e) }],
    }));
  for (const r of verdict.results) record(`page: ${r.name}`, r.ok, r.detail);
  record('page: no uncaught error', pageErrors.length === 0, pageErrors.join('; '));
  await page.close();

  // 2. The converter page: type into it, read the result.
  const conv = await local(await browser.newPage({ viewport: { width: 1100, height: 900 } }));
  const convErrors = [];
  conv.on('pageerror', (e) => convErrors.push(String(e)));
  await conv.goto(`${base}/docs/converter/index.html`);
  await conv.waitForSelector('body[data-rendered]');
  const v1 =
    '/v2/members?q=search&keywords=x&industries=4&titles=cto&facets.geo=us&filter.field=a&filter.values=b';
  await conv.fill('#urls', `${v1}\n/people?ids=List(1,2)&f=(a:b)\n/people?q=%zz`);
  await conv.waitForFunction(() => document.body.dataset.rendered === '3');
  const read = () =>
    conv.$$eval('#results > li', (items) =>
      items.map((li) => ({
        out: li.querySelector('.out')?.textContent ?? null,
        from: li.querySelector('[data-from]')?.dataset.from ?? null,
        detected: li.querySelector('.detected')?.textContent ?? null,
        warnings: [...li.querySelectorAll('.warnings [data-code]')].map((w) => w.dataset.code),
        params: li.querySelector('.params')?.textContent ?? null,
        error: li.querySelector('.error')?.dataset.code ?? null,
        errorText: li.querySelector('.error pre')?.textContent ?? null,
      })),
    );
  let rows = await read();
  const expectNoIdl =
    '/v2/members?facets=(geo:us)&filter=(field:a,values:b)&industries=4&keywords=x&q=search&titles=cto';
  record('converter: 1.0 URL translated without IDL', rows[0]?.out === expectNoIdl, rows[0]?.out);
  record(
    'converter: detected version shown',
    rows[0]?.from === '1.0.0' && /detected 1\.0\.0/.test(rows[0]?.detected),
    `${rows[0]?.from} ${rows[0]?.detected}`,
  );
  record(
    'converter: guesses carry warnings',
    rows[0]?.warnings.includes('SINGLE_VALUE_ASSUMED_SCALAR'),
    rows[0]?.warnings.join(','),
  );
  record(
    'converter: decoded parameter tree',
    /industries:\s*"4"/.test(rows[0]?.params ?? ''),
    rows[0]?.params,
  );
  record(
    'converter: 2.0 URL read as 2.0',
    rows[1]?.from === '2.0.0' && rows[1]?.out === '/people?f=(a:b)&ids=List(1,2)',
    `${rows[1]?.from} ${rows[1]?.out}`,
  );
  record(
    'converter: error shown with its caret',
    rows[2]?.error !== null &&
      rows[2]?.error !== 'INTERNAL' &&
      /\n\s*\^$/.test(rows[2]?.errorText ?? ''),
    `${rows[2]?.error} ${JSON.stringify(rows[2]?.errorText)}`,
  );

  await conv.setInputFiles(
    '#idl',
    join(root, 'test/fixtures/idl/com.example.members.snapshot.json'),
  );
  await conv.waitForFunction(() =>
    document.getElementById('idl-status').textContent.includes('snapshot'),
  );
  rows = await read();
  record(
    'converter: a dropped snapshot settles the ambiguities',
    rows[0]?.out ===
      '/v2/members?facets=(geo:us)&filter=(field:a,values:List(b))&industries=List(4)&keywords=x&q=search&titles=List(cto)' &&
      !rows[0].warnings.includes('SINGLE_VALUE_ASSUMED_SCALAR'),
    `${rows[0]?.out} ${rows[0]?.warnings.join(',')}`,
  );
  await conv.selectOption('#to', '1.0.0');
  rows = await read();
  record(
    'converter: translating to 1.0',
    rows[1]?.out === '/people?f.a=b&ids=1&ids=2',
    rows[1]?.out,
  );
  record('converter: no uncaught error', convErrors.length === 0, convErrors.join('; '));
  if (process.argv.includes('--screenshot')) {
    await conv.selectOption('#to', '2.0.0');
    await conv.screenshot({ path: join(root, 'docs/converter/screenshot.png'), fullPage: true });
    console.log('wrote docs/converter/screenshot.png');
  }

  // 3. The grammar diagrams, generated as `npm run docs` does, with chevrotain's scripts local.
  const diagrams = 'node_modules/.cache/restli-diagrams';
  execFileSync(process.execPath, ['scripts/diagrams.mjs', diagrams], {
    cwd: root,
    stdio: 'ignore',
  });
  for (const file of readdirSync(join(root, diagrams)).filter(
    (f) => f.endsWith('.html') && f !== 'index.html',
  )) {
    const d = await local(await browser.newPage());
    const errors = [];
    d.on('pageerror', (e) => errors.push(String(e)));
    await d.goto(`${base}/${diagrams}/${file}`);
    const svgs = await d
      .waitForFunction(() => document.querySelectorAll('#diagrams svg').length, undefined, {
        timeout: 10_000,
      })
      .then((h) => h.jsonValue())
      .catch(() => 0);
    record(
      `diagrams: ${file} draws its rules`,
      svgs > 0 && errors.length === 0,
      `${svgs} diagrams ${errors.join('; ')}`,
    );
    await d.close();
  }
  record('no request left loopback', offsite.length === 0, offsite.join(' '));
} catch (e) {
  record('the browser test ran to the end', false, String(e?.stack ?? e));
} finally {
  await browser.close();
  server.close();
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
