// Runs in the page: the built package (dist/esm, one module per file, as a bundler-less browser
// loads it). Expected values are literals from the README and the spec. The verdict goes to
// window.__restliVerdict, which scripts/browser-test.mjs reads (Chromium exits 0 whatever happens).
const results = [];
const log = document.getElementById('log');

function record(name, ok, detail = '') {
  results.push({ name, ok, detail });
  log.textContent += `${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}\n`;
}

function equal(name, actual, expected) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  record(name, a === e, a === e ? '' : `got ${a}, expected ${e}`);
}

function throws(name, fn, check) {
  try {
    fn();
    record(name, false, 'did not throw');
  } catch (e) {
    const problem = check(e);
    record(name, problem === '', problem);
  }
}

async function run() {
  const entries = {
    '.': '/dist/esm/src/index.js',
    './v1': '/dist/esm/src/wire/v1/index.js',
    './http': '/dist/esm/src/http/index.js',
    './migrate': '/dist/esm/src/migrate/index.js',
    './schema': '/dist/esm/src/schema/index.js',
    './java': '/dist/esm/src/java.js',
  };
  const mods = {};
  for (const [subpath, url] of Object.entries(entries)) {
    try {
      mods[subpath] = await import(url);
      record(
        `import restli-protocol${subpath.slice(1)}`,
        true,
        `${Object.keys(mods[subpath]).length} exports`,
      );
    } catch (e) {
      record(`import restli-protocol${subpath.slice(1)}`, false, String(e));
    }
  }
  const r = mods['.'];
  if (!r) return;

  equal('encode a map', r.encode({ q: 'search', ids: [1, 2] }), '(ids:List(1,2),q:search)');
  equal('encode empties', r.encode({ b: '', a: [], c: {} }), "(a:List(),b:'',c:())");
  equal(
    'encode in a path',
    r.encode('urn:li:person:(a,b)', { context: 'path' }),
    'urn%3Ali%3Aperson%3A%28a%2Cb%29',
  );
  equal('encode a bigint', r.encode(12345678901234567890n), '12345678901234567890');
  equal('decode a map', r.decode('(ids:List(1,2),q:search)'), { ids: ['1', '2'], q: 'search' });
  equal('decode escapes after tokenizing', r.decode('(x:%28a%3Ab%29)'), { x: '(a:b)' });
  equal('decode UTF-8', r.decode('caf%C3%A9'), 'café');
  equal('encodeKey path 2.0', r.encodeKey('a b/c+d', { context: 'path' }), 'a%20b%2Fc+d');
  equal(
    'encodeKey path 1.0',
    r.encodeKey('a b/c+d', { context: 'path', version: '1.0.0' }),
    'a+b%2Fc%2Bd',
  );
  equal(
    'encodeKey compound',
    r.encodeKey({ memberId: 1, groupId: 'g 1' }),
    '(groupId:g%201,memberId:1)',
  );
  equal(
    'encodeKey compound 1.0',
    r.encodeKey({ memberId: 1, groupId: 'g 1' }, { version: '1.0.0' }),
    'groupId=g+1&memberId=1',
  );
  equal(
    'decodeKey compound 1.0',
    r.decodeKey('a=x+y&b=2', { kind: 'compound', version: '1.0.0' }),
    { a: 'x y', b: '2' },
  );
  equal(
    'encodeMask',
    r.encodeMask(['id', 'name.first', 'positions.$*.title']),
    'name:(first),positions:($*:(title)),id',
  );
  equal('decodeMask', r.decodeMask('a,b:($*:(c),$start:0,$count:10)'), {
    a: 1,
    b: { '$*': { c: 1 }, $start: 0, $count: 10 },
  });
  equal(
    'encodeQuery 2.0',
    r.encodeQuery({ q: 'search', keywords: 'a b', ids: [1, 2], fields: ['id', 'name.first'] }),
    'fields=name:(first),id&ids=List(1,2)&keywords=a%20b&q=search',
  );
  equal(
    'convertUrl 1.0 to 2.0',
    r.convertUrl('/people?ids=1&ids=2', { to: '2.0.0' }).url,
    '/people?ids=List(1,2)',
  );
  equal(
    'convertUrl 2.0 to 1.0',
    r.convertUrl('/people?ids=List(1,2)&f=(a:b)', { to: '1.0.0' }).url,
    '/people?f.a=b&ids=1&ids=2',
  );
  equal('detectVersion', r.detectVersion('/people?ids=1&ids=2').version, '1.0.0');
  equal(
    'buildUrl',
    r.buildUrl(
      {
        method: 'partial_update',
        resource: 'people/{personId}/certifications',
        pathKeys: { personId: { id: 'ABC123' } },
        id: 42,
      },
      { base: 'https://api.linkedin.com/v2/' },
    ),
    'https://api.linkedin.com/v2/people/(id:ABC123)/certifications/42',
  );

  throws(
    'decode error class, code, offset and caret',
    () => r.decode('(a:b:c)'),
    (e) => {
      if (!(e instanceof r.RestliSyntaxError)) return `not a RestliSyntaxError: ${e}`;
      if (!(e instanceof r.RestliError) || !(e instanceof Error))
        return 'not a RestliError and an Error';
      if (e.code !== 'EXPECTED_TOKEN') return `code ${e.code}`;
      if (e.offset !== 4) return `offset ${e.offset}`;
      if (!e.message.endsWith('(a:b:c)\n      ^')) return `message ${JSON.stringify(e.message)}`;
      return '';
    },
  );
  throws(
    'encode error class',
    () => r.encode({ a: null }),
    (e) =>
      e instanceof r.RestliEncodeError &&
      e instanceof r.RestliError &&
      e.code === 'UNSUPPORTED_VALUE'
        ? ''
        : `${e?.name} ${e?.code}`,
  );
  throws(
    'depth bomb is a clean error',
    () => r.decode('('.repeat(100000)),
    (e) =>
      e instanceof r.RestliSyntaxError && e.code === 'DEPTH_EXCEEDED'
        ? ''
        : `${e?.name} ${e?.code}`,
  );
  throws(
    'mask error class',
    () => r.decodeMask('a:(b'),
    (e) => (e instanceof r.RestliSyntaxError ? '' : `${e?.name}`),
  );
  const proto = r.decode('(__proto__:(polluted:yes))');
  record(
    '__proto__ stays an own property',
    Object.hasOwn(proto, '__proto__') && {}.polluted === undefined,
  );
}

run()
  .catch((e) => record('the checks ran to the end', false, String(e?.stack ?? e)))
  .finally(() => {
    window.__restliVerdict = {
      passed: results.filter((x) => x.ok).length,
      failed: results.filter((x) => !x.ok).length,
      results,
    };
  });
