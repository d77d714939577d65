/** The typed layer's refusals and edge cases (the suite's exchanges are in typed-conformance). */
import { describe, expect, test } from 'vitest';
import { RestliError, RestliSchemaError } from '../../src/errors.ts';
import { RestliResponseError } from '../../src/http/envelope.ts';
import { fromFetchResponse, toFetchRequest, toFetchResponse } from '../../src/http/fetch.ts';
import { loadTypedResources } from '../../src/http/resource.ts';
import { buildRequest, parseResponse } from '../../src/http/typed.ts';
import type { Snapshot } from '../../src/migrate/idl.ts';
import { thrown } from '../helpers/errors.ts';
import { snapshots } from '../helpers/recordings.ts';

const resources = loadTypedResources(snapshots() as Snapshot[]);
const anyError = (f: () => unknown) => thrown(f, RestliError);

describe('building requests', () => {
  test('refusals name what is wrong', () => {
    expect(anyError(() => buildRequest({ resource: 'nope', method: 'get' }, resources)).code).toBe(
      'UNKNOWN_RESOURCE',
    );
    expect(
      anyError(() =>
        buildRequest(
          { resource: 'collection', method: 'finder', finder: 'search', params: { x: 1 } },
          resources,
        ),
      ).code,
    ).toBe('UNKNOWN_PARAMETER');
    expect(
      anyError(() =>
        buildRequest({ resource: 'collection', method: 'finder', finder: 'search' }, resources),
      ).code,
    ).toBe('MISSING_PARAMETER');
    expect(
      anyError(() =>
        buildRequest({ resource: 'collection', method: 'finder', finder: 'nope' }, resources),
      ).code,
    ).toBe('UNKNOWN_OPERATION');
    const e = thrown(
      () =>
        buildRequest(
          {
            resource: 'collection',
            method: 'batch_create',
            elements: [{ message: 'a' }, { message: 1 }],
          },
          resources,
        ),
      RestliSchemaError,
    );
    expect(e).toMatchObject({ code: 'INVALID_VALUE', path: '$.elements[1].message' });
    expect(
      thrown(
        () => buildRequest({ resource: 'collection', method: 'get', id: 1.5 }, resources),
        RestliSchemaError,
      ).path,
    ).toBe('$.id');
    // A record missing a required field is refused unless the caller asks to send it as Java does.
    const missing = thrown(
      () =>
        buildRequest({ resource: 'collection', method: 'update', id: 1n, entity: {} }, resources),
      RestliSchemaError,
    );
    // The reason names the problem; the path (and the message) where it is.
    expect([missing.reason, missing.path]).toEqual(['missing required field message', '$.entity']);
    expect(missing.message).toBe('missing required field message at $.entity');
  });

  test('X-RestLi-Method only on POST; action parameters never in the query; bodies bigint-exact', () => {
    const get = buildRequest(
      { resource: 'collection', method: 'get', id: 2n ** 63n - 1n },
      resources,
    );
    expect(get).toEqual({
      method: 'GET',
      url: '/collection/9223372036854775807',
      headers: { Accept: 'application/json', 'X-RestLi-Protocol-Version': '2.0.0' },
    });
    const action = buildRequest(
      { resource: 'actionSet', method: 'action', action: 'echo', params: { input: 'a&b=c' } },
      resources,
      { version: '1.0.0', base: 'https://h/' },
    );
    expect(action.url).toBe('https://h/actionSet?action=echo');
    expect(action.headers['X-RestLi-Method']).toBe('action');
    expect(action.body).toBe('{"input":"a&b=c"}');
    const update = buildRequest(
      { resource: 'collection', method: 'update', id: 1n, entity: { id: 2n ** 60n, message: 'm' } },
      resources,
      { pretty: true },
    );
    expect(update.headers['X-RestLi-Method']).toBeUndefined();
    expect(update.body).toBe('{\n  "id" : 1152921504606846976,\n  "message" : "m"\n}');
  });

  test('fetch adapters carry method, URL, headers and body', async () => {
    const http = buildRequest(
      { resource: 'collection', method: 'create', entity: { message: 'x' } },
      resources,
      {
        base: '',
      },
    );
    const request = toFetchRequest(http, 'http://example.com/api/');
    expect(request.url).toBe('http://example.com/api/collection');
    expect(request.headers.get('x-restli-method')).toBe('create');
    expect(await request.text()).toBe('{"message":"x"}');
    expect(anyError(() => toFetchRequest(http)).code).toBe('INVALID_ARGUMENT');
    const back = await fromFetchResponse(toFetchResponse({ status: 204, headers: { a: 'b' } }));
    expect(back.status).toBe(204);
    expect(back.body).toEqual(new Uint8Array());
  });
});

describe('reading responses', () => {
  const get = { resource: 'collection', method: 'get', id: 1n } as const;

  test('an error response is a RestliResponseError with its fields', () => {
    const body = '{"status":403,"serviceErrorCode":65600,"message":"no","errorDetails":{"a":1}}';
    const e = thrown(
      () =>
        parseResponse(get, resources, {
          status: 403,
          headers: { 'X-RestLi-Error-Response': 'true' },
          body,
        }),
      RestliResponseError,
    );
    expect(e).toMatchObject({
      code: 'ERROR_RESPONSE',
      status: 403,
      serviceErrorCode: 65600,
      serverMessage: 'no',
      errorDetails: { a: 1 },
    });
    expect(e).toBeInstanceOf(RestliError);
  });

  test('an error body that is not JSON keeps the status and its text', () => {
    const e = thrown(
      () =>
        parseResponse(get, resources, {
          status: 502,
          headers: {},
          body: '<html>bad gateway</html>',
        }),
      RestliResponseError,
    );
    expect(e).toMatchObject({ status: 502, serverMessage: '<html>bad gateway</html>' });
  });

  test('a body that does not match the IDL fails with its path; a bad body with its offset', () => {
    const headers = { 'X-RestLi-Protocol-Version': '2.0.0', 'Content-Type': 'application/json' };
    const e = thrown(
      () =>
        parseResponse(get, resources, { status: 200, headers, body: '{"id":"x","message":"m"}' }),
      RestliSchemaError,
    );
    expect(e.path).toBe('$.id');
    expect(
      anyError(() => parseResponse(get, resources, { status: 200, headers, body: '{"id":1,}' })),
    ).toMatchObject({
      code: 'INVALID_JSON',
      offset: 8,
    });
    expect(
      anyError(() =>
        parseResponse(get, resources, {
          status: 200,
          headers: { ...headers, 'Content-Type': 'application/x-pson' },
          body: 'x',
        }),
      ).code,
    ).toBe('UNSUPPORTED_CODEC');
  });

  test('longs beyond 2^53 keep every digit', () => {
    const response = parseResponse(get, resources, {
      status: 200,
      headers: {},
      body: '{"id":9223372036854775807,"message":"m"}',
    });
    expect(response).toMatchObject({
      version: '1.0.0',
      entity: { id: 9223372036854775807n, message: 'm' },
    });
  });
});
