/**
 * Issue 8 and 9 reproducers for the HTTP layer, each as a class of input: names looked up from
 * Object.prototype, wrong-typed arguments, depth under a raised maxDepth, folded headers,
 * injection through untunnelRequest, simple resources, action URLs, the tunneling threshold.
 */
import { describe, expect, test } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import {
  applyPatch,
  buildUrl,
  createPatch,
  DEFAULT_TUNNEL_THRESHOLD,
  decodeBatchKeys,
  encodeBatchKeys,
  httpMethod,
  parseContentType,
  parseUrl,
  readMultipart,
  requestHeaders,
  tunnelRequest,
  untunnelRequest,
  writeMultipart,
} from '../../src/http/index.ts';

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(RestliError);
    return (error as RestliError).code;
  }
  throw new Error('no error');
}

const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'CONSTRUCTOR',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

describe('names from Object.prototype are not Rest.li methods', () => {
  test.each(PROTOTYPE_NAMES)('%s', (name) => {
    expect(codeOf(() => httpMethod(name as never))).toBe('INVALID_METHOD');
    expect(codeOf(() => parseUrl('/a/b', { restliMethod: name }))).toBe('INVALID_METHOD');
    expect(codeOf(() => buildUrl({ method: name as never, resource: 'a' }))).toBe('INVALID_METHOD');
    expect(codeOf(() => requestHeaders({ method: name as never }))).toBe('INVALID_METHOD');
  });

  test('a path placeholder named like an Object.prototype member needs its own key', () => {
    expect(codeOf(() => buildUrl({ method: 'get_all', resource: 'a/{constructor}/b' }))).toBe(
      'MISSING_PATH_KEY',
    );
    expect(codeOf(() => buildUrl({ method: 'get_all', resource: 'a/{__proto__}/b' }))).toBe(
      'MISSING_PATH_KEY',
    );
  });

  test('URL-level projections with __proto__ paths leave Object.prototype alone', () => {
    for (const fields of [
      ['__proto__.polluted'],
      ['__proto__.toString'],
      ['constructor.prototype.x'],
    ]) {
      try {
        buildUrl({ method: 'get_all', resource: 'a', fields });
      } catch (error) {
        expect(error).toBeInstanceOf(RestliError);
      }
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
      expect(String({})).toBe('[object Object]');
    }
  });
});

const WRONG = [
  ['an array', []],
  ['a Date', new Date(0)],
  ['a Map', new Map()],
  ['null', null],
  ['a number', 7],
] as const;

describe.each(WRONG)(
  '%s where an object or a string is expected is INVALID_ARGUMENT',
  (_n, bad) => {
    const calls: [string, () => unknown][] = [
      ['httpMethod', () => httpMethod(bad as never)],
      ['buildUrl request', () => buildUrl(bad as never)],
      ['buildUrl options', () => buildUrl({ method: 'get_all', resource: 'a' }, bad as never)],
      ['buildUrl resource', () => buildUrl({ method: 'get_all', resource: bad as never })],
      ['parseUrl url', () => parseUrl(bad as never)],
      ['parseUrl options', () => parseUrl('/a', bad as never)],
      ['parseUrl resource', () => parseUrl('/a', { resource: bad as never })],
      ['requestHeaders', () => requestHeaders(bad as never)],
      ['tunnelRequest', () => tunnelRequest(bad as never)],
      ['untunnelRequest', () => untunnelRequest(bad as never)],
      [
        'untunnelRequest headers',
        () => untunnelRequest({ method: 'GET', url: '/', headers: bad as never }),
      ],
      ['readMultipart body', () => readMultipart(bad as never, 'b')],
      ['readMultipart boundary', () => readMultipart(new Uint8Array(), bad as never)],
      ['writeMultipart', () => writeMultipart(bad as never, 'b')],
      ['parseContentType', () => parseContentType(bad as never)],
      ['applyPatch options', () => applyPatch({}, { patch: {} }, bad as never)],
      ['createPatch options', () => createPatch({}, {}, bad as never)],
      ['encodeBatchKeys', () => encodeBatchKeys(bad as never)],
      ['decodeBatchKeys', () => decodeBatchKeys(bad as never)],
    ];
    // Where the argument is valid: an array of parts, an iterable of entries (arrays and Maps).
    const valid: Record<string, readonly string[]> = {
      'an array': ['writeMultipart', 'encodeBatchKeys'],
      'a Map': ['encodeBatchKeys'],
    };
    test.each(calls.filter(([name]) => !valid[_n]?.includes(name)))('%s', (_name, call) => {
      expect(codeOf(call)).toBe('INVALID_ARGUMENT');
    });
  },
);

describe('patches deeper than the call stack are DEPTH_EXCEEDED under a raised maxDepth', () => {
  const nested = (depth: number) => {
    const root: Record<string, unknown> = {};
    let at = root;
    for (let i = 0; i < depth; i++) {
      const next: Record<string, unknown> = {};
      at.a = next;
      at = next;
    }
    return root;
  };
  test.each([20_000, 100_000])('%d levels', (depth) => {
    expect(codeOf(() => applyPatch({}, nested(depth) as never, { maxDepth: 1e9 }))).toBe(
      'DEPTH_EXCEEDED',
    );
    expect(codeOf(() => createPatch({}, nested(depth) as never, { maxDepth: 1e9 }))).toBe(
      'DEPTH_EXCEEDED',
    );
  });
});

describe('multipart headers: folding is linear, maxLength applies first', () => {
  const folded = (lines: number) =>
    new TextEncoder().encode(`--b\r\nX-A: x${'\r\n y'.repeat(lines)}\r\n\r\nhi\r\n--b--\r\n`);

  test('a header with many continuation lines unfolds to one value', () => {
    const [part] = readMultipart(folded(3), 'b');
    expect(part!.headers).toEqual([['X-A', 'x y y y']]);
  });

  test('250 000 continuation lines (1 MB) read in linear time', () => {
    const small = folded(25_000);
    const large = folded(250_000);
    readMultipart(small, 'b');
    let t = performance.now();
    readMultipart(small, 'b');
    const tSmall = performance.now() - t;
    t = performance.now();
    expect(readMultipart(large, 'b')[0]!.headers[0]![1].length).toBe(1 + 2 * 250_000);
    const tLarge = performance.now() - t;
    expect(tLarge / Math.max(tSmall, 5)).toBeLessThan(30);
  });

  test('a body over maxLength is refused before any per-part work', () => {
    expect(codeOf(() => readMultipart(folded(10), 'b', { maxLength: 10 }))).toBe(
      'MAX_LENGTH_EXCEEDED',
    );
  });
});

describe('untunnelRequest moves only what is valid where it lands', () => {
  const form = (body: string) => ({
    method: 'POST',
    url: '/a',
    headers: {
      'X-HTTP-Method-Override': 'GET',
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body,
  });
  test.each([
    ['request line injection', 'a=1 HTTP/1.1\r\nHost: evil\r\n\r\n#x'],
    ['CR', 'a=1\rb'],
    ['LF', 'a=1\nb'],
    ['space', 'a=1 b'],
    ['#', 'a=1#b'],
    ['NUL', 'a=\u0000'],
    ['a bad % escape', 'a=%zz'],
    ['a lone %', 'a=%'],
    ['<', 'a=<'],
    ['U+2028', 'a=\u2028'],
  ])('a form body with %s is refused', (_name, body) => {
    expect(codeOf(() => untunnelRequest(form(body)))).toBe('INVALID_TUNNELED_QUERY');
  });

  test.each([
    ['RFC 3986 query characters', "a=1&b=(x:List(1,2))&c=%20~!$'*+,;:@/?"],
    ['non-ASCII text, as java.net.URI accepts it', 'e=é&k=亀'],
  ])('%s pass', (_name, body) => {
    expect(untunnelRequest(form(body)).url).toBe(`/a?${body}`);
  });

  test('a part header with a bare CR inside a quoted parameter never reaches the headers', () => {
    const body =
      '--b\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nq=1\r\n' +
      '--b\r\nContent-Type: application/json; x="a\rInjected: 1"\r\n\r\n{}\r\n--b--\r\n';
    const request = {
      method: 'POST',
      url: '/a',
      headers: { 'X-HTTP-Method-Override': 'PUT', 'Content-Type': 'multipart/mixed; boundary=b' },
      body,
    };
    expect(codeOf(() => untunnelRequest(request))).toBe('INVALID_HEADER');
  });
});

describe('simple resources', () => {
  test.each([
    ['GET', 'get'],
    ['PUT', 'update'],
    ['DELETE', 'delete'],
    ['POST', 'partial_update'],
  ])('%s on a simple resource is %s', (verb, method) => {
    expect(
      parseUrl('/simple', { resource: { path: 'simple', simple: true }, httpMethod: verb }).method,
    ).toBe(method);
    expect(
      parseUrl('/p/(k:1)/simple', {
        resource: { path: 'p/{k}/simple', simple: true },
        httpMethod: verb,
      }).method,
    ).toBe(method);
  });

  test('a collection without a key is still get_all / create', () => {
    expect(parseUrl('/simple', { resource: 'simple' }).method).toBe('get_all');
    expect(parseUrl('/simple', { resource: 'simple', httpMethod: 'POST' }).method).toBe('create');
  });

  test('an action on a simple resource, and no key segment after it', () => {
    expect(
      parseUrl('/s?action=go', { resource: { path: 's', simple: true }, httpMethod: 'POST' })
        .method,
    ).toBe('action');
    expect(codeOf(() => parseUrl('/s/1', { resource: { path: 's', simple: true } }))).toBe(
      'MISMATCHED_RESOURCE',
    );
  });
});

describe('action URLs carry only the action name', () => {
  test.each([
    [{ params: { message: 'hi' } }],
    [{ params: { message: {} } }],
    [{ fields: ['a'] }],
    [{ ids: [1, 2] }],
  ])('buildUrl refuses %j beside the action', (extra) => {
    for (const version of ['1.0.0', '2.0.0'] as const) {
      expect(
        codeOf(() =>
          buildUrl({ method: 'action', resource: 'a', action: 'echo', ...extra }, { version }),
        ),
      ).toBe('UNEXPECTED_ACTION_PARAMETER');
    }
  });

  test('buildUrl writes only action', () => {
    expect(buildUrl({ method: 'action', resource: 'actionSet', action: 'echoMessage' })).toBe(
      'actionSet?action=echoMessage',
    );
    expect(
      buildUrl({ method: 'action', resource: 'a', id: 1, action: 'x' }, { version: '1.0.0' }),
    ).toBe('a/1?action=x');
    expect(codeOf(() => buildUrl({ method: 'action', resource: 'a' }))).toBe('MISSING_ACTION');
  });

  test.each([
    '/actionSet?action=echoMessage&message=()',
    '/a?action=x&p=1',
    '/a?action=x&ids=List(1)',
    '/a?action=x&fields=a',
  ])('parseUrl refuses %s', (url) => {
    expect(codeOf(() => parseUrl(url, { httpMethod: 'POST' }))).toBe('UNEXPECTED_ACTION_PARAMETER');
  });

  test('parseUrl reads an action URL', () => {
    const parsed = parseUrl('/actionSet?action=echoMessage', { httpMethod: 'POST' });
    expect(parsed.method).toBe('action');
    expect(parsed.params).toEqual({ action: 'echoMessage' });
  });
});

describe('tunneling threshold: the official clients tunnel a query longer than 4000 characters', () => {
  const get = (length: number) => ({
    method: 'GET',
    url: `/r?q=${'x'.repeat(length - 2)}`,
    headers: {},
  });
  test.each([
    [3999, 'GET'],
    [4000, 'GET'],
    [4001, 'POST'],
    [4096, 'POST'],
  ])('a query of %d characters: %s', (length, method) => {
    expect(DEFAULT_TUNNEL_THRESHOLD).toBe(4001);
    expect(tunnelRequest(get(length)).method).toBe(method);
  });
});
