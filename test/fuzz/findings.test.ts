/**
 * What the full fuzz run (docs/fuzzing.md) found, one row per finding with its reproducer, so a
 * regression fails here with a name rather than somewhere in a random slice. Each call must end in
 * a RestliError with the code given (never a TypeError, never a silent result).
 */
import { describe, expect, test } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import * as http from '../../src/http/index.ts';
import * as root from '../../src/index.ts';
import * as java from '../../src/java.ts';
import * as schema from '../../src/schema/index.ts';
import * as v1 from '../../src/wire/v1/index.ts';

/** An object whose own `toString` is not a function: `String(it)` throws a TypeError. */
const hostile = JSON.parse('{"toString": [1], "valueOf": [2]}');

/** `{ type: { type: … 'int' } }`, `depth` deep, built without recursion. */
function nestedType(depth: number): unknown {
  let value: unknown = 'int';
  for (let i = 0; i < depth; i++) value = { type: value };
  return value;
}

function codeOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof RestliError) return error.code;
    return `not a RestliError: ${String(error)}`;
  }
  return 'no error';
}

describe('fuzz findings (full run, 2026-11-29)', () => {
  test.each([
    [
      'encodeUriComponent: a component object with its own toString',
      () => java.encodeUriComponent('a', hostile, false),
      'INVALID_ARGUMENT',
    ],
    [
      'maskToQueryValue: a version object with its own toString',
      () => root.maskToQueryValue('a', hostile),
      'INVALID_VERSION',
    ],
    [
      'convertUrl: a target version object with its own toString',
      () => root.convertUrl('/a', { to: hostile }),
      'INVALID_VERSION',
    ],
    [
      'encodeQuery: a version object with its own toString',
      () => root.encodeQuery({ a: 1 }, { version: hostile }),
      'INVALID_VERSION',
    ],
    [
      'decodeQuery: a version object with its own toString',
      () => root.decodeQuery('a=1', { version: hostile }),
      'INVALID_VERSION',
    ],
    [
      'encodeKey: a version object with its own toString',
      () => root.encodeKey('a', { version: hostile }),
      'INVALID_VERSION',
    ],
    [
      'encode: an unknown context',
      () => root.encode('a', { context: 'header' as never }),
      'INVALID_ARGUMENT',
    ],
    [
      'encode: an inherited name as context',
      () => root.encode({ a: 'b' }, { context: 'toString' as never }),
      'INVALID_ARGUMENT',
    ],
    [
      'buildRequest: resources that are not a Map',
      () => http.buildRequest({ resource: 'a', method: 'get' } as never, {} as never),
      'INVALID_ARGUMENT',
    ],
    [
      'buildRequest: a request without a resource name',
      () => http.buildRequest({ method: 'get' } as never, new Map()),
      'INVALID_ARGUMENT',
    ],
    [
      'createAsciiHexCodec: a reserved entry that is a one-element array',
      () => java.createAsciiHexCodec('~', [['.']] as never),
      'INVALID_ARGUMENT',
    ],
    [
      'parseResponse: resources that are not a Map',
      () => http.parseResponse({ resource: 'a', method: 'get' } as never, {} as never, {} as never),
      'INVALID_ARGUMENT',
    ],
    [
      'partHeader: entries that are not [name, value] pairs',
      () => http.partHeader([{ for: 1 }] as never, 'a'),
      'INVALID_ARGUMENT',
    ],
    [
      'pdscToSchema: a declaration nested 20 000 deep',
      () => schema.pdscToSchema(nestedType(20_000) as never),
      'DEPTH_EXCEEDED',
    ],
    [
      // The reader is iterative since the layout merge: the unterminated input is its syntax error.
      'readJson: 100 000 open brackets under a raised maxDepth (once a RangeError)',
      () => schema.readJson('['.repeat(100_000), { maxDepth: 1e9 }),
      'INVALID_JSON',
    ],
    [
      'encode: a bigint maxDepth (40 000-input pass)',
      () => root.encode({ a: 1 }, { maxDepth: (10n ** 30n) as never }),
      'INVALID_ARGUMENT',
    ],
    [
      'headerValue: a header whose value is a number (40 000-input pass)',
      () => http.headerValue({ 'x-a': -1 } as never, 'X-A'),
      'INVALID_ARGUMENT',
    ],
    [
      'decodeQueryV1: an object maxDepth (200 000-input run; once a TypeError in its message)',
      () => v1.decodeQueryV1('a=1', { maxDepth: {} } as never),
      'INVALID_ARGUMENT',
    ],
    [
      'decodeBatchKeys: an object maxLength (200 000-input run)',
      () => http.decodeBatchKeys({ a: {} } as never, { maxLength: {} } as never),
      'INVALID_ARGUMENT',
    ],
    [
      'parseMultipart: a content type without its media type (200 000-input run)',
      () =>
        http.parseMultipart(
          { type: 'text', subtype: 'plain', parameters: {} } as never,
          new Uint8Array(0),
        ),
      'INVALID_ARGUMENT',
    ],
    [
      'toFetchResponse: no status (200 000-input run; once a RangeError)',
      () => http.toFetchResponse({ headers: {} } as never),
      'INVALID_ARGUMENT',
    ],
    [
      'toFetchResponse: a null header value (200 000-input run; once a TypeError)',
      () => http.toFetchResponse({ status: 200, headers: { type: null } } as never),
      'INVALID_ARGUMENT',
    ],
    [
      'toFetchResponse: a header name that is no HTTP token',
      () => http.toFetchResponse({ status: 200, headers: { ' ': 'x' } }),
      'INVALID_HEADER',
    ],
    [
      'toFetchResponse: a header value with CR LF (response splitting)',
      () => http.toFetchResponse({ status: 200, headers: { a: 'x\r\nSet-Cookie: y' } }),
      'INVALID_HEADER',
    ],
    [
      'toFetchResponse: a body that is neither text nor bytes',
      () => http.toFetchResponse({ status: 200, headers: {}, body: 5 } as never),
      'INVALID_ARGUMENT',
    ],
  ])('%s', (_name, call, code) => {
    expect(codeOf(call)).toBe(code);
  });
});
