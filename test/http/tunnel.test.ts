import { describe, expect, test } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import {
  bytesToDataMap,
  codecForContentType,
  parseContentType,
} from '../../src/http/content-type.ts';
import { parseMultipart, partHeader, writeMultipart } from '../../src/http/multipart.ts';
import {
  DEFAULT_TUNNEL_THRESHOLD,
  type HttpRequest,
  tunnelRequest,
  untunnelRequest,
} from '../../src/http/tunnel.ts';
import { thrown } from '../helpers/errors.ts';
import { type Vector, vectorsOf } from '../helpers/vectors.ts';

const thrownAny = (f: () => unknown) => thrown(f, RestliError);

const utf8 = new TextEncoder();
const text = new TextDecoder();
const bytesOf = (body: string | Uint8Array | undefined): Uint8Array =>
  typeof body === 'string' ? utf8.encode(body) : (body ?? new Uint8Array(0));
const textOf = (body: string | Uint8Array | undefined): string =>
  typeof body === 'string' ? body : text.decode(body ?? new Uint8Array(0));

/** The value of a header, any case. */
function headerOf(request: HttpRequest, name: string): string | undefined {
  const key = Object.keys(request.headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : request.headers[key];
}

// The tunnel vectors were transcribed from Java assertions, so some inputs are descriptions of a
// value the Java test built in code. These build the same values.

/** TestQueryTunnel's long query: `q=queryString&a=0&a=1...&a=9999`. */
const LONG_QUERY = `q=queryString${Array.from({ length: 10000 }, (_, i) => `&a=${i}`).join('')}`;

/** TestQueryTunnel#testNestedMultiPartBody: a multipart body with a form part and a JSON part. */
const NESTED_BOUNDARY = 'nested-boundary';
const NESTED_BODY = text.decode(
  writeMultipart(
    [
      { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'x=y&z=w&q=10' },
      { headers: { 'Content-Type': 'application/json' }, body: '{"name":"value"}' },
    ],
    NESTED_BOUNDARY,
  ),
);

interface TunnelInput {
  op: 'encode' | 'decode' | 'roundtrip' | 'decode-twice';
  method: string;
  uri: string;
  headers?: Record<string, string>;
  body?: string;
  threshold?: number;
  forceQueryTunnel?: boolean;
  queryLength?: number;
}

function requestOf(input: TunnelInput): HttpRequest {
  const url = input.uri
    .replace('?<q=queryString&a=0&a=1...&a=9999>', `?${LONG_QUERY}`)
    .replace('?<long query>', `?${LONG_QUERY}`);
  const headers = { ...input.headers };
  let body = input.body;
  if (body?.startsWith('<multipart/mixed body')) {
    body = NESTED_BODY;
    headers['Content-Type'] = `multipart/mixed; boundary=${NESTED_BOUNDARY}`;
  }
  const request: HttpRequest = { method: input.method, url, headers };
  if (body !== undefined) request.body = body;
  if (input.queryLength !== undefined)
    expect(url.length - url.indexOf('?') - 1).toBe(input.queryLength);
  return request;
}

const optionsOf = (input: TunnelInput) => ({
  threshold: input.threshold ?? DEFAULT_TUNNEL_THRESHOLD,
  force: input.forceQueryTunnel ?? false,
});

/** Our error code for each error the vectors describe. */
const ERROR_CODES: Record<string, string> = {
  'Invalid HTTP method override header.': 'INVALID_METHOD_OVERRIDE',
  'exception (a body without Content-Type cannot be wrapped in multipart)': 'MISSING_CONTENT_TYPE',
};

function expectError(f: () => unknown, error: string): void {
  const e = thrownAny(f);
  expect(e.code).toBe(ERROR_CODES[error]);
  // Where Java gives a message, it is our reason.
  if (!error.includes('(')) expect(e.reason).toBe(error);
}

/** Checks a multipart/mixed tunneled body: the raw query, then the original entity. */
function expectTunneledMultipart(tunneled: HttpRequest, original: HttpRequest): void {
  const contentType = headerOf(tunneled, 'Content-Type')!;
  expect(contentType).toMatch(/^multipart\/mixed; boundary=/);
  const parts = parseMultipart(parseContentType(contentType), bytesOf(tunneled.body));
  expect(parts).toHaveLength(2);
  expect(partHeader(parts[0]!.headers, 'Content-Type')).toBe('application/x-www-form-urlencoded');
  expect(text.decode(parts[0]!.body)).toBe(original.url.slice(original.url.indexOf('?') + 1));
  expect(partHeader(parts[1]!.headers, 'Content-Type')).toBe(headerOf(original, 'Content-Type'));
  expect(parts[1]!.body).toEqual(bytesOf(original.body));
}

function checkEncode(v: Vector, input: TunnelInput): void {
  const request = requestOf(input);
  const expected = v.expected as Record<string, unknown>;
  if (typeof expected.error === 'string') {
    expectError(() => tunnelRequest(request, optionsOf(input)), expected.error);
    return;
  }
  const result = tunnelRequest(request, optionsOf(input));
  if (expected.tunneled === false) {
    expect(result).toBe(request);
    if (expected.uri !== undefined) expect(result.url).toBe(expected.uri);
    if (expected.method !== undefined) expect(result.method).toBe(expected.method);
    return;
  }
  expect(result.method).toBe(expected.method);
  if (expected.uri !== undefined) expect(result.url).toBe(expected.uri);
  if (expected.rawPath !== undefined) {
    expect(result.url.replace(/^[a-z]+:\/\/[^/]*/, '')).toBe(expected.rawPath);
  }
  const headers = (expected.headers ?? {}) as Record<string, string>;
  for (const [name, value] of Object.entries(headers)) {
    if (value === '<length of body>') {
      expect(headerOf(result, name)).toBe(String(bytesOf(result.body).length));
    } else if (value.endsWith('<generated>')) {
      expect(headerOf(result, name)?.startsWith(value.replace('<generated>', ''))).toBe(true);
    } else {
      expect(headerOf(result, name)).toBe(value);
    }
  }
  expect(headerOf(result, 'Content-Length')).toBe(String(bytesOf(result.body).length));
  if (headerOf(result, 'Content-Type')?.startsWith('multipart/')) {
    // The expected body describes the parts; the boundary is random.
    expectTunneledMultipart(result, request);
  } else if (expected.body !== undefined) {
    expect(result.body).toBe(expected.body);
  }
  if (expected.bodyLength !== undefined)
    expect(bytesOf(result.body).length).toBe(expected.bodyLength);
}

function checkDecode(v: Vector, input: TunnelInput): void {
  const request = requestOf(input);
  const expected = v.expected as Record<string, unknown>;
  if (typeof expected.error === 'string') {
    expectError(() => untunnelRequest(request), expected.error);
    return;
  }
  const result = untunnelRequest(request);
  if (expected.method !== undefined) expect(result.method).toBe(expected.method);
  if (expected.uri !== undefined) expect(result.url).toBe(expected.uri);
  if (expected.body !== undefined) expect(result.body).toBe(expected.body);
  for (const name of (expected.headersRemoved ?? []) as string[]) {
    expect(headerOf(result, name)).toBeUndefined();
  }
  // The override header never survives a decode.
  expect(headerOf(result, 'X-HTTP-Method-Override')).toBeUndefined();
}

/** The parts of a request a Java `equalToOriginal` list names. */
const ASPECTS: Record<string, (r: HttpRequest) => unknown> = {
  uri: (r) => r.url,
  method: (r) => r.method,
  entity: (r) => textOf(r.body),
  'Content-Type': (r) => headerOf(r, 'Content-Type'),
};

function checkRoundTrip(v: Vector, input: TunnelInput): void {
  const request = requestOf(input);
  const expected = v.expected as Record<string, unknown>;
  const encoded = tunnelRequest(request, optionsOf(input));
  const decoded = untunnelRequest(encoded);
  expect(encoded.method).toBe('POST');
  if (expected.equalToOriginal === true) {
    expect(decoded.method).toBe(request.method);
    expect(decoded.url).toBe(request.url);
    expect(textOf(decoded.body)).toBe(textOf(request.body));
    expect(decoded.headers).toEqual(request.headers);
  } else if (Array.isArray(expected.equalToOriginal)) {
    for (const aspect of expected.equalToOriginal as string[]) {
      expect(ASPECTS[aspect]!(decoded)).toBe(ASPECTS[aspect]!(request));
    }
  }
  if (expected.encodedContentLength !== undefined) {
    expect(headerOf(encoded, 'Content-Length')).toBe(String(bytesOf(encoded.body).length));
    expect(headerOf(encoded, 'Content-Length')).not.toBe(headerOf(request, 'Content-Length'));
  }
  if (typeof expected.decodedContentLength === 'string') {
    expect(headerOf(decoded, 'Content-Length')).toBe(expected.decodedContentLength);
  }
  if (expected.encoded !== undefined) {
    const e = expected.encoded as { method: string; uri: string; contentTypePrefix: string };
    expect(encoded.method).toBe(e.method);
    expect(encoded.url).toBe(e.uri);
    expect(headerOf(encoded, 'Content-Type')?.startsWith(e.contentTypePrefix)).toBe(true);
    expectTunneledMultipart(encoded, request);
  }
  if (expected.decoded !== undefined) {
    const d = expected.decoded as { method: string; uri: string };
    expect(decoded.method).toBe(d.method);
    expect(decoded.url).toBe(d.uri);
    // "original multipart body (byte-identical)", "original entity length"
    expect(decoded.body).toBe(request.body);
    expect(headerOf(decoded, 'Content-Type')).toBe(headerOf(request, 'Content-Type'));
    expect(headerOf(decoded, 'Content-Length')).toBe(String(bytesOf(request.body).length));
  }
}

describe('tunnel vectors (QueryTunnelUtil)', () => {
  test.each(
    vectorsOf('tunnel').map((v) => [`${v.source} ${(v.input as TunnelInput).op}`, v] as const),
  )('%s', (_name, v) => {
    const input = v.input as TunnelInput;
    if (input.op === 'encode') checkEncode(v, input);
    else if (input.op === 'decode') checkDecode(v, input);
    else if (input.op === 'roundtrip') checkRoundTrip(v, input);
    else {
      const request = requestOf(input);
      const once = untunnelRequest(request);
      expect(untunnelRequest(once)).toEqual(once);
      expect(untunnelRequest(once)).toBe(once);
    }
  });
});

/** Our error code for each Java exception the content-type vectors name. */
const JAVA_EXCEPTIONS: Record<string, string> = {
  MimeTypeParseException: 'INVALID_CONTENT_TYPE',
  IOException: 'INVALID_JSON',
};

describe('content-type vectors (DataMapConverter)', () => {
  test.each(vectorsOf('content-type').map((v) => [v.source, v] as const))('%s', (_name, v) => {
    const input = v.input as { 'Content-Type': string; body?: string };
    const expected = v.expected as string | { error: string };
    if (typeof expected === 'string') {
      expect(codecForContentType(input['Content-Type']).name).toBe(expected);
      return;
    }
    const e = thrownAny(() =>
      input.body === undefined
        ? codecForContentType(input['Content-Type'])
        : bytesToDataMap(input['Content-Type'], input.body),
    );
    expect(e.code).toBe(JAVA_EXCEPTIONS[expected.error]);
  });
});

describe('content types', () => {
  test('type, subtype and parameter names are case-insensitive; quoted values unquoted', () => {
    expect(parseContentType(' Multipart/MIXED ; Boundary="a \\"b\\" c" ; charset=UTF-8;')).toEqual({
      type: 'multipart',
      subtype: 'mixed',
      mediaType: 'multipart/mixed',
      parameters: { boundary: 'a "b" c', charset: 'UTF-8' },
    });
    expect(codecForContentType('APPLICATION/X-PSON; charset=x').name).toBe('pson');
  });

  test('every codec of spec i.5, and JSON for a missing header', () => {
    expect(codecForContentType(undefined)).toMatchObject({ name: 'json', binary: false });
    expect(codecForContentType('application/licor')).toMatchObject({
      name: 'licor',
      binary: false,
    });
    expect(codecForContentType('application/x-licor')).toMatchObject({
      name: 'licor',
      binary: true,
    });
    expect(codecForContentType('application/x-smile').name).toBe('smile');
    expect(codecForContentType('application/x-protobuf')).toMatchObject({
      name: 'protobuf',
      deprecated: true,
    });
    expect(codecForContentType('application/x-protobuf2')).toMatchObject({
      name: 'protobuf',
      deprecated: false,
    });
  });

  test.each([
    ['foo=bar', 'Unable to find a sub type.', 7],
    ['text;a=b/c', 'Unable to find a sub type.', 4],
    ['application::json', 'Unable to find a sub type.', 17],
    ['application/:json', 'Sub type is invalid.', 12],
    ['/json', 'Primary type is invalid.', 0],
    ['a b/c', 'Primary type is invalid.', 1],
    ['a/b; c', "Couldn't find the '=' that separates a parameter name from its value.", 6],
    ['a/b; c=', "Couldn't find a value for parameter named c", 7],
    ['a/b; c="x', 'Encountered unterminated quoted parameter value.', 7],
    ['a/b; c=(', 'Unexpected character encountered at index 7', 7],
    ['a/b; c=d e', 'More characters encountered in input than expected.', 9],
    ['a/b; =d', 'Expected a parameter name.', 5],
  ])('%s is not a media type', (header, reason, offset) => {
    const e = thrownAny(() => parseContentType(header));
    expect(e).toMatchObject({ code: 'INVALID_CONTENT_TYPE', reason, offset });
    expect(e.message).toContain('^');
  });

  test('a __proto__ parameter is an ordinary own property', () => {
    const parsed = parseContentType('a/b; __proto__=x');
    expect(Object.getPrototypeOf(parsed.parameters)).toBe(Object.prototype);
    expect(Object.keys(parsed.parameters)).toEqual(['__proto__']);
  });

  test('JSON bodies: objects only, with the offset of the first error', () => {
    expect(
      bytesToDataMap('application/json', '{"a":[1,-2.5e3,true,null,"\\u00e9"],"__proto__":{}}'),
    ).toEqual(JSON.parse('{"a":[1,-2.5e3,true,null,"é"],"__proto__":{}}'));
    expect(bytesToDataMap(undefined, utf8.encode(' {"é":{}} '))).toEqual({ é: {} });
    for (const [body, offset] of [
      ['', 0],
      ['helloWorld', 0],
      ['[1]', 0],
      ['{"a":1,}', 7],
      ['{"a" 1}', 5],
      ['{"a":01}', 6],
      ['{"a":"\u0001"}', 6],
      ['{"a":"x}', 8],
      ['{} x', 3],
      ['{"a":[1 2]}', 8],
    ] as const) {
      expect(thrownAny(() => bytesToDataMap('application/json', body))).toMatchObject({
        code: 'INVALID_JSON',
        offset,
      });
    }
    expect(
      thrownAny(() => bytesToDataMap('application/json', new Uint8Array([0x7b, 0xff]))).code,
    ).toBe('INVALID_JSON');
  });

  test('deep JSON is refused before JSON.parse sees it; other codecs are named', () => {
    const deep = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(thrownAny(() => bytesToDataMap('application/json', deep)).code).toBe('DEPTH_EXCEEDED');
    expect(bytesToDataMap('application/json', '{"a":[[[]]]}', { maxDepth: 4 })).toEqual({
      a: [[[]]],
    });
    expect(thrownAny(() => bytesToDataMap('application/x-pson', '{}')).code).toBe(
      'UNSUPPORTED_CODEC',
    );
  });
});

describe('tunneling', () => {
  const get = (url: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({
    method: 'GET',
    url,
    headers: {},
    ...extra,
  });

  test('the raw path is kept byte for byte', () => {
    const result = tunnelRequest(get('/a%2Fb/(k:v%2C1)?q=x'), { force: true });
    expect(result).toEqual({
      method: 'POST',
      url: '/a%2Fb/(k:v%2C1)',
      headers: {
        'X-HTTP-Method-Override': 'GET',
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': '3',
      },
      body: 'q=x',
    });
    expect(untunnelRequest(result).url).toBe('/a%2Fb/(k:v%2C1)?q=x');
  });

  test('the query ends at the fragment, which is not sent; a ? inside the fragment is no query', () => {
    const result = tunnelRequest(get('http://h/p?q=1&r=%23#frag?x'), { force: true });
    expect(result.url).toBe('http://h/p');
    expect(result.body).toBe('q=1&r=%23');
    expect(tunnelRequest(get('http://h/p#frag?x=1'), { force: true }).url).toBe(
      'http://h/p#frag?x=1',
    );
    // The server side keeps a fragment after the rebuilt query.
    const tunneled = { ...result, url: 'http://h/p#f' };
    expect(untunnelRequest(tunneled).url).toBe('http://h/p?q=1&r=%23#f');
  });

  // The official LinkedIn clients tunnel a query longer than 4000 characters
  // (linkedin-api-client: `query.length > MAX_QUERY_STRING_LENGTH`, 4000).
  test('by default a query longer than 4000 characters is tunneled, as the official clients do', () => {
    expect(DEFAULT_TUNNEL_THRESHOLD).toBe(4001);
    const query = (n: number) => `q=${'x'.repeat(n - 2)}`;
    const short = get(`/r?${query(4000)}`);
    expect(tunnelRequest(short)).toBe(short);
    expect(tunnelRequest(get(`/r?${query(4001)}`)).method).toBe('POST');
    expect(tunnelRequest(get(`/r?${query(4095)}`)).method).toBe('POST');
    expect(tunnelRequest(get(`/r?${query(10)}`), { threshold: 10 }).method).toBe('POST');
    expect(tunnelRequest(get(`/r?${query(10)}`), { threshold: Infinity }).method).toBe('GET');
  });

  test.each(['PATCH', 'HEAD', 'CUSTOM', 'get', 'Get'])('%s cannot be tunneled', (method) => {
    const request = get('/r?q=1', { method });
    const e = thrownAny(() => tunnelRequest(request, { force: true }));
    expect(e).toMatchObject({
      code: 'INVALID_METHOD_OVERRIDE',
      reason: 'Invalid HTTP method override header.',
    });
    // Below the threshold the request is not touched, whatever its method.
    expect(tunnelRequest(request)).toBe(request);
    const override = {
      method: 'POST',
      url: '/r',
      headers: {
        'x-http-method-override': method,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'q=1',
    };
    expect(thrownAny(() => untunnelRequest(override)).code).toBe('INVALID_METHOD_OVERRIDE');
  });

  test.each(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'])('%s can be tunneled', (method) => {
    const request = get('/r?q=1', { method });
    expect(untunnelRequest(tunnelRequest(request, { force: true }))).toEqual({
      ...request,
      body: '',
    });
  });

  test('content headers in any case are replaced; other headers are kept, __proto__ included', () => {
    const headers: Record<string, string> = { accept: 'application/json', 'content-length': '99' };
    Object.defineProperty(headers, '__proto__', { value: 'x', enumerable: true });
    const result = tunnelRequest(get('/r?q=é', { headers }), { force: true });
    expect(Object.keys(result.headers)).toEqual([
      'accept',
      '__proto__',
      'X-HTTP-Method-Override',
      'Content-Type',
      'Content-Length',
    ]);
    expect(result.headers['Content-Length']).toBe('4');
    expect(Object.getPrototypeOf(result.headers)).toBe(Object.prototype);
    expect(headers['content-length']).toBe('99');
  });

  test('a byte body stays bytes; a string body stays a string', () => {
    const bytes = new Uint8Array([0, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);
    const binary = get('/r?q=1', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/x-pson' },
      body: bytes,
    });
    const tunneled = tunnelRequest(binary, { force: true });
    expect(tunneled.body).toBeInstanceOf(Uint8Array);
    const back = untunnelRequest(tunneled);
    expect(back.body).toEqual(bytes);
    expect(back.headers).toEqual({ 'Content-Type': 'application/x-pson', 'Content-Length': '6' });
    const noBody = tunnelRequest(get('/r?q=1', { body: new Uint8Array(0) }), { force: true });
    expect(noBody.body).toEqual(utf8.encode('q=1'));
    expect(untunnelRequest(noBody).body).toEqual(new Uint8Array(0));
  });

  test('an injected boundary generator is retried while its boundary occurs in the content', () => {
    const boundaries = ['aa', 'bb'];
    const request = get('/r?q=1', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x\r\n--aa\r\n',
    });
    const result = tunnelRequest(request, {
      force: true,
      generateBoundary: () => boundaries.shift()!,
    });
    expect(result.headers['Content-Type']).toBe('multipart/mixed; boundary=bb');
    expect(result.body).toBe(
      '--bb\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nq=1\r\n' +
        '--bb\r\nContent-Type: text/plain\r\n\r\nx\r\n--aa\r\n\r\n--bb--\r\n',
    );
    expect(untunnelRequest(result).body).toBe(request.body);
    const stuck = () => tunnelRequest(request, { force: true, generateBoundary: () => 'aa' });
    expect(thrownAny(stuck).code).toBe('COLLIDING_BOUNDARY');
  });

  test('lone surrogates and bad thresholds are errors', () => {
    expect(thrownAny(() => tunnelRequest(get('/r?q=\ud800'), { force: true })).code).toBe(
      'LONE_SURROGATE',
    );
    for (const threshold of [Number.NaN, -1]) {
      expect(thrownAny(() => tunnelRequest(get('/r?q=1'), { threshold })).code).toBe(
        'INVALID_OPTION',
      );
    }
  });
});

describe('untunneling', () => {
  const tunneled = (contentType: string | undefined, body: string, url = '/r'): HttpRequest => ({
    method: 'POST',
    url,
    headers: {
      'X-HTTP-Method-Override': 'PUT',
      ...(contentType === undefined ? {} : { 'Content-Type': contentType }),
      'X-Other': 'kept',
    },
    body,
  });

  test('URI rebuild: no query, empty query, existing query', () => {
    const form = 'application/x-www-form-urlencoded';
    expect(untunnelRequest(tunneled(form, 'q=1', '/r')).url).toBe('/r?q=1');
    expect(untunnelRequest(tunneled(form, 'q=1', '/r?')).url).toBe('/r?q=1');
    expect(untunnelRequest(tunneled(form, 'q=1', '/r?a=b')).url).toBe('/r?a=b&q=1');
    expect(untunnelRequest(tunneled(form, '', '/r?a=b')).url).toBe('/r?a=b');
    expect(untunnelRequest(tunneled(`${form}; charset=UTF-8`, 'q=1')).headers).toEqual({
      'X-Other': 'kept',
    });
  });

  test('multipart: the first form part is the query, the first other part the entity', () => {
    const body = writeMultipart(
      [
        { headers: { 'Content-ID': '1' }, body: 'no content type: text/plain' },
        { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'q=1' },
        { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'q=2' },
        { headers: { 'Content-Type': 'application/json' }, body: '{}' },
      ],
      'b',
    );
    const result = untunnelRequest(tunneled('multipart/mixed; boundary="b"', text.decode(body)));
    expect(result).toEqual({
      method: 'PUT',
      url: '/r?q=1',
      headers: { 'X-Other': 'kept', 'Content-Type': 'text/plain', 'Content-Length': '27' },
      body: 'no content type: text/plain',
    });
    const queryOnly = writeMultipart(
      [{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'q=1' }],
      'b',
    );
    expect(
      untunnelRequest(tunneled('multipart/mixed; boundary=b', text.decode(queryOnly))),
    ).toEqual({
      method: 'PUT',
      url: '/r?q=1',
      headers: { 'X-Other': 'kept' },
      body: '',
    });
  });

  test('other content types only change the method', () => {
    expect(untunnelRequest(tunneled('application/json', '{"a":1}'))).toEqual({
      method: 'PUT',
      url: '/r',
      headers: { 'Content-Type': 'application/json', 'X-Other': 'kept' },
      body: '{"a":1}',
    });
  });

  test('errors: no Content-Type, a bad one, a malformed multipart body, a non-UTF-8 query', () => {
    expect(thrownAny(() => untunnelRequest(tunneled(undefined, 'q=1'))).code).toBe(
      'MISSING_CONTENT_TYPE',
    );
    expect(thrownAny(() => untunnelRequest(tunneled('form', 'q=1'))).code).toBe(
      'INVALID_CONTENT_TYPE',
    );
    expect(thrownAny(() => untunnelRequest(tunneled('multipart/mixed', 'q=1'))).code).toBe(
      'MALFORMED_MULTIPART',
    );
    expect(
      thrownAny(() => untunnelRequest(tunneled('multipart/mixed; boundary=b', '--b\r\n\r\nx')))
        .code,
    ).toBe('MALFORMED_MULTIPART');
    const bytes = {
      ...tunneled('application/x-www-form-urlencoded', ''),
      body: new Uint8Array([0xff]),
    };
    expect(thrownAny(() => untunnelRequest(bytes)).code).toBe('INVALID_UTF8');
  });

  test('requests without the override header are returned as they are', () => {
    const request = {
      method: 'POST',
      url: '/r',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    };
    expect(untunnelRequest(request)).toBe(request);
  });
});
