/**
 * The round-trip matrix of the HTTP layer (issue 8, item 10): for each encoder/decoder pair, over
 * the shared biased arbitraries, the pair gives back exactly what went in, or the encoder refuses
 * with a RestliError. Never a silent change, never text the decoder cannot read.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import {
  applyPatch,
  buildUrl,
  createPatch,
  decodeBatchKeys,
  decodeIdHeader,
  encodeBatchKeys,
  encodeIdHeader,
  type HttpRequest,
  httpMethod,
  parseUrl,
  type RestliRequest,
  requestHeaders,
  tunnelRequest,
  untunnelRequest,
} from '../../src/http/index.ts';
import { restliValue, trickyString } from '../helpers/arbitraries.ts';

/** Runs `encode`; a RestliError is a refusal (undefined), anything else propagates. */
function refusedOr<T>(encode: () => T): T | undefined {
  try {
    return encode();
  } catch (error) {
    if (error instanceof RestliError) return undefined;
    throw error;
  }
}

const version = fc.constantFrom('1.0.0' as const, '2.0.0' as const);
const name = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}$/);

/** Query names that carry the request's method or keys (spec i.1, i.2). */
const RESERVED = ['q', 'bq', 'action', 'ids'];
const MASKS = ['fields', 'metadataFields', 'pagingFields'];

describe('buildUrl / parseUrl', () => {
  const request = fc.record({
    method: fc.constantFrom('get', 'get_all', 'batch_get', 'finder', 'delete', 'update', 'action'),
    parent: trickyString,
    id: trickyString,
    ids: fc.uniqueArray(trickyString, { minLength: 1, maxLength: 3 }),
    finder: name,
    // Reserved names (spec i.2) drawn often: buildUrl must refuse them in params.
    params: fc.dictionary(fc.oneof(name, fc.constantFrom(...RESERVED)), trickyString, {
      maxKeys: 3,
    }),
  });

  test.prop([request, version], { numRuns: 400 })(
    'the request read back is the request built, or buildUrl refuses',
    (r, v) => {
      const req: RestliRequest = {
        method: r.method,
        resource: 'p/{k}/r',
        pathKeys: { k: r.parent },
        pathKeyKinds: { k: 'primitive' },
        keyKind: 'primitive',
      };
      // Masks are values of their own (mask.test.ts); here a parameter is a plain value.
      const params: Record<string, string> = {};
      for (const [k, value] of Object.entries(r.params)) if (!MASKS.includes(k)) params[k] = value;
      if (['get', 'delete', 'update', 'action'].includes(r.method)) req.id = r.id;
      if (r.method === 'batch_get') req.ids = r.ids;
      if (r.method === 'finder') req.finder = r.finder;
      if (r.method === 'action') req.action = r.finder;
      else req.params = params;
      // Empty keys are issue 9's open class, reported to their owners, not asserted here: Java
      // writes an empty v1 entity key as no segment (vector derived:request-uri-edge, `test`),
      // which reads back as no key, and decodeKey reads a 2.0 primitive `''` as the text `''`.
      if (r.parent === '' || req.id === '' || req.ids?.includes('')) return;
      // A method-carrying name is accepted only as the name of the request's own finder (what
      // parseUrl reports); any other use would read back as another request.
      const refused =
        req.params !== undefined &&
        Object.keys(params).some(
          (k) =>
            RESERVED.includes(k) && !(k === 'q' && r.method === 'finder' && params.q === r.finder),
        );
      if (refused) {
        expect(() => buildUrl(req, { version: v })).toThrow(
          expect.objectContaining({ code: 'RESERVED_PARAMETER' }),
        );
        return;
      }
      const url = refusedOr(() => buildUrl(req, { version: v }));
      if (url === undefined) return;
      const header = requestHeaders(req)['X-RestLi-Method'];
      const parsed = parseUrl(url, {
        version: v,
        resource: { path: 'p/{k}/r', keyKind: 'primitive', pathKeyKinds: { k: 'primitive' } },
        httpMethod: httpMethod(req.method),
        ...(header ? { restliMethod: header } : {}),
      });
      expect(parsed.method).toBe(r.method);
      expect(parsed.pathKeys).toEqual({ k: r.parent });
      if (req.id !== undefined) expect(parsed.id).toBe(r.id);
      // 1.0 writes repeated ids sorted, as the Java client does: compare them as a set there.
      const order = (ids: unknown[] | undefined) => (v === '1.0.0' ? [...(ids ?? [])].sort() : ids);
      if (req.ids !== undefined) expect(order(parsed.ids)).toEqual(order([...r.ids]));
      const expected: Record<string, unknown> = { ...(req.params ?? {}) };
      if (req.finder !== undefined) expected.q = req.finder;
      if (req.action !== undefined) expected.action = req.action;
      expect(parsed.params).toEqual(expected);
    },
  );
});

describe('encodeIdHeader / decodeIdHeader', () => {
  test.prop([fc.oneof(trickyString, fc.integer()), version], { numRuns: 500 })(
    'a primitive id comes back as its text',
    (key, v) => {
      const encoded = refusedOr(() => encodeIdHeader(key, { version: v, kind: 'primitive' }));
      if (encoded === undefined) return;
      const headers = { [encoded.name]: encoded.value, 'X-RestLi-Protocol-Version': v };
      expect(decodeIdHeader(headers, { kind: 'primitive' })).toBe(String(key));
    },
  );

  // Empty parts are left out: a v1 compound key with an empty part (`a=`) is written but refused
  // by decodeKey (INVALID_KEY_FORMAT), a wire-layer finding reported to its owner (issue 9).
  const part = trickyString.filter((s) => s !== '');
  test.prop([fc.dictionary(name, part, { minKeys: 1, maxKeys: 3 }), version], {
    numRuns: 300,
  })('a compound id comes back field for field', (key, v) => {
    const encoded = refusedOr(() => encodeIdHeader(key, { version: v, kind: 'compound' }));
    if (encoded === undefined) return;
    const headers = { [encoded.name]: encoded.value, 'X-RestLi-Protocol-Version': v };
    expect(decodeIdHeader(headers, { kind: 'compound' })).toEqual(key);
  });
});

describe('encodeBatchKeys / decodeBatchKeys', () => {
  test.prop([fc.uniqueArray(trickyString, { maxLength: 5 }), version], { numRuns: 500 })(
    'primitive keys and their values come back in order',
    (keys, v) => {
      const entries = keys.map((k, i) => [k, i] as const);
      const map = refusedOr(() => encodeBatchKeys(entries, { version: v, kind: 'primitive' }));
      if (map === undefined) return;
      // A JS object lists integer-like keys first, so the order of a batch map is not kept.
      expect(new Map(decodeBatchKeys(map, { version: v, kind: 'primitive' }))).toEqual(
        new Map(entries),
      );
    },
  );
});

describe('createPatch / applyPatch', () => {
  const record = fc.dictionary(
    fc.oneof(trickyString, fc.constantFrom('__proto__', 'constructor', '$set', '$$x', 'patch')),
    restliValue,
    { maxKeys: 4 },
  );
  test.prop([record, record], { numRuns: 500 })(
    'applying the patch of before → after to before gives after',
    (before, after) => {
      const patch = refusedOr(() => createPatch(before as never, after as never));
      if (patch === undefined) return;
      expect(applyPatch(before as never, patch)).toEqual(after);
    },
  );
});

describe('tunnelRequest / untunnelRequest', () => {
  test.prop(
    [
      fc.constantFrom('GET', 'PUT', 'DELETE', 'POST', 'OPTIONS'),
      trickyString,
      fc.option(trickyString, { nil: undefined }),
    ],
    { numRuns: 500 },
  )('any raw query round-trips or is refused by tunnelRequest', (method, query, body) => {
    const request: HttpRequest = {
      method,
      url: `/r?${query.replace(/#/g, '')}x`,
      headers: body === undefined ? {} : { 'Content-Type': 'text/plain' },
      ...(body === undefined ? {} : { body }),
    };
    const tunneled = refusedOr(() => tunnelRequest(request, { force: true }));
    if (tunneled === undefined) return;
    const back = untunnelRequest(tunneled);
    expect(back.method).toBe(method);
    expect(back.url).toBe(request.url);
    expect(back.body).toBe(body ?? '');
  });
});
