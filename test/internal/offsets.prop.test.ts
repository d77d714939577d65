/**
 * Error offsets point at the failing character of the whole input: a malformed escape (`%Z`: a
 * `%` and a character that is not a hex digit, invalid in every decoder) injected at a random
 * position of a valid URL or query is reported where it was injected, at its `%` or at the bad
 * digit after it (the Java reference's column), never where an `indexOf` would find the same
 * text again.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { RestliError } from '../../src/errors.ts';
import { parseUrl } from '../../src/http/url.ts';
import type { ProtocolVersionText } from '../../src/internal/version-text.ts';
import { convertUrl } from '../../src/migrate/convert.ts';
import { encodeKey } from '../../src/wire/keys.ts';
import { decodeQuery, encodeQuery } from '../../src/wire/query.ts';
import { trickyString } from '../helpers/arbitraries.ts';

const BAD = '%Z';

const version = fc.constantFrom<ProtocolVersionText>('1.0.0', '2.0.0');
/** Plain names (no projection parameter, whose mask text is not percent-decoded in 2.0). */
const name = fc.stringMatching(/^[a-z]{1,4}$/).filter((n) => !n.endsWith('ields'));
const params = fc.dictionary(
  name,
  fc.oneof(trickyString, fc.array(trickyString, { maxLength: 3 })),
  {
    minKeys: 1,
    maxKeys: 4,
  },
);
const compoundKey = fc.dictionary(
  name,
  trickyString.filter((s) => s !== ''),
  {
    minKeys: 1,
    maxKeys: 3,
  },
);

/** The error `f` throws; the property fails when it returns. */
function error(f: () => unknown): RestliError {
  try {
    f();
  } catch (e) {
    return e as RestliError;
  }
  return expect.unreachable('no error');
}

/** `text` with {@link BAD} at `at`, and what the error must say. */
function inject(text: string, at: number): string {
  return text.slice(0, at) + BAD + text.slice(at);
}

function expectAt(e: RestliError, input: string, at: number): void {
  expect(e.code).toBe('MALFORMED_ESCAPE');
  expect(e.input).toBe(input);
  // At the injected `%`, or at the bad digit after it; an escape that the injection cut in two
  // (`%2` `%Z` `0`) fails at the injected `%`, its bad digit.
  expect([at, at + 1]).toContain(e.offset);
}

/** A valid query in `v` (the encoder's output, checked to decode). */
function validQuery(p: Record<string, unknown>, v: ProtocolVersionText): string | undefined {
  try {
    const query = encodeQuery(p as never, { version: v });
    decodeQuery(query, { version: v });
    return query;
  } catch {
    return undefined;
  }
}

describe('a malformed escape is reported where it is', () => {
  test.prop([params, version, fc.nat()])('decodeQuery, both versions', (p, v, n) => {
    const query = validQuery(p, v);
    fc.pre(query !== undefined && query.length > 0);
    const at = n % (query!.length + 1);
    const bad = inject(query!, at);
    expectAt(
      error(() => decodeQuery(bad, { version: v })),
      bad,
      at,
    );
  });

  test.prop([compoundKey, params, version, fc.nat()])(
    'parseUrl: in the key segment or the query',
    (key, p, v, n) => {
      const query = validQuery(p, v);
      fc.pre(query !== undefined);
      const segment = encodeKey(key, { kind: 'compound', version: v, context: 'path' });
      const url = `https://h.example/v2/things/${segment}?${query}`;
      const keyStart = url.indexOf('/things/') + '/things/'.length;
      // Anywhere in the key segment or the query, but not on the `?` (an escape there would
      // be a part of the key segment, still a valid place) — every position from the key on.
      const at = keyStart + (n % (url.length + 1 - keyStart));
      const bad = inject(url, at);
      expectAt(
        error(() =>
          parseUrl(bad, { version: v, resource: { path: 'things', keyKind: 'compound' } }),
        ),
        bad,
        at,
      );
    },
  );

  test.prop([compoundKey, params, version, fc.nat()])(
    'convertUrl: in the key segment or the query',
    (key, p, v, n) => {
      const query = validQuery(p, v);
      fc.pre(query !== undefined);
      const segment = encodeKey(key, { kind: 'compound', version: v, context: 'path' });
      const url = `/v2/things/${segment}?${query}`;
      const keyStart = url.indexOf('/things/') + '/things/'.length;
      const at = keyStart + (n % (url.length + 1 - keyStart));
      const bad = inject(url, at);
      const to = v === '1.0.0' ? '2.0.0' : '1.0.0';
      expectAt(
        error(() => convertUrl(bad, { from: v, to })),
        bad,
        at,
      );
    },
  );

  test('the examples of the issue: the second of two equal texts, a v1 mask', () => {
    // The query repeats the path's text: the error is in the query, at 10, not at 4.
    expect(error(() => parseUrl('/q=(/r?q=(')).offset).toBe(10);
    // A 1.0 mask error, rebased through the escapes of its raw value into the query.
    const query = 'a=1&fields=b%2Cc:(';
    const e = error(() => decodeQuery(query, { version: '1.0.0' }));
    expect(e.input).toBe(query);
    expect(e.offset).toBe(query.length);
  });
});
