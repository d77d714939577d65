/**
 * Keys outside the URI (spec d.6, i.4): the created entity's id header and the map keys of batch
 * request and response bodies.
 *
 * @module
 */

import type { DecodeOptions } from '../codec/decode.ts';
import { argumentError, expectOptions, expectRecord } from '../internal/args.ts';
import { setOwn } from '../internal/own.ts';
import { type ProtocolVersionText, V1, V2 } from '../internal/version-text.ts';
import type { RestliData } from '../types.ts';
import { decodeKey, encodeKey, inferKeyKind, type Key, type KeyKind } from '../wire/keys.ts';
import {
  compareVersions,
  type HeadersLike,
  headerValue,
  idHeaderName,
  PROTOCOL_VERSION_HEADER,
  parseVersion,
} from './version.ts';

/** Options of the id header and batch key functions. */
export interface IdOptions {
  /** The resource's key kind; default inferred from the key (encoding) or `'primitive'`. */
  kind?: KeyKind;
  /** The exchange's protocol version; default `'2.0.0'`. */
  version?: ProtocolVersionText;
}

/** The value parser's limits among `options`, for the keys' decoder. */
function limitsOf(options: DecodeOptions | undefined): DecodeOptions {
  return {
    maxDepth: options?.maxDepth,
    maxLength: options?.maxLength,
    invalidUtf8: options?.invalidUtf8,
  };
}

/**
 * The header that carries a created entity's id, and its value: `X-RestLi-Id` (2.0) or
 * `X-LinkedIn-Id` (1.x). Primitive keys are sent raw (not even `''`); compound and complex keys
 * get rest.li escaping only, and complex keys lose `$params` (spec d.6).
 *
 * @example
 * ```ts
 * encodeIdHeader({ a: 'x,y', d: 'x y' }); // { name: 'X-RestLi-Id', value: '(a:x%2Cy,d:x y)' }
 * encodeIdHeader(7, { version: '1.0.0' }); // { name: 'X-LinkedIn-Id', value: '7' }
 * ```
 */
export function encodeIdHeader(key: Key, options?: IdOptions): { name: string; value: string } {
  expectOptions(options);
  const version = options?.version ?? V2;
  const value = encodeKey(key, {
    kind: options?.kind ?? inferKeyKind(key),
    version,
    context: 'header',
  });
  return { name: idHeaderName(version), value };
}

/**
 * Reads the created entity's id from response headers: the header name and the decoding follow
 * the response's `X-RestLi-Protocol-Version` (missing means 1.0.0, so `X-LinkedIn-Id`), unless
 * `options.version` says otherwise. `undefined` when the response has no id header.
 *
 * @throws {@link RestliSyntaxError} for a malformed value (never a hang: `(a,b)` is a clean
 * `EXPECTED_TOKEN` error).
 * @example
 * ```ts
 * decodeIdHeader({ 'X-RestLi-Protocol-Version': '2.0.0', 'X-RestLi-Id': '(a:1,b:x)' }, { kind: 'compound' });
 * // { a: '1', b: 'x' }
 * decodeIdHeader({ 'X-LinkedIn-Id': '42' }); // '42' (no version header: 1.0.0)
 * ```
 */
export function decodeIdHeader(
  headers: HeadersLike,
  options?: IdOptions & DecodeOptions,
): RestliData | undefined {
  expectOptions(options);
  const version = options?.version ?? exchangeVersion(headers);
  const value = headerValue(headers, idHeaderName(version));
  if (value === undefined) return undefined;
  return decodeKey(value, {
    ...limitsOf(options),
    kind: options?.kind ?? 'primitive',
    version,
    context: 'header',
  });
}

/** The wire format of an exchange: 2.0 from 2.0.0 on, else 1.0 (a missing header is 1.0.0). */
function exchangeVersion(headers: HeadersLike): ProtocolVersionText {
  const text = headerValue(headers, PROTOCOL_VERSION_HEADER);
  if (text === undefined) return V1;
  return compareVersions(parseVersion(text), '2.0.0') >= 0 ? V2 : V1;
}

/** Options of {@link encodeBatchKeys} and {@link decodeBatchKeys}. */
export interface BatchKeyOptions extends IdOptions {
  /**
   * `true` (default) for request bodies (`entities` of BATCH_UPDATE and BATCH_PARTIAL_UPDATE),
   * which keep a complex key's `$params`; `false` for response bodies (`results`, `errors`,
   * `statuses`) and the batch-create `id` field, which drop it.
   */
  full?: boolean;
}

/**
 * A batch body map from keys to values: `{ [keyText]: value }` with every key written as the body
 * of `version` writes it (spec d.6).
 *
 * @example
 * ```ts
 * encodeBatchKeys([[{ part1: 1, part2: 2 }, { name: 'x' }]]); // { '(part1:1,part2:2)': { name: 'x' } }
 * ```
 */
export function encodeBatchKeys<T>(
  entries: Iterable<readonly [Key, T]>,
  options?: BatchKeyOptions,
): Record<string, T> {
  expectOptions(options);
  if (
    typeof (entries as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] !== 'function'
  ) {
    throw argumentError('entries', 'an iterable of [key, value] pairs', entries);
  }
  const out: Record<string, T> = {};
  for (const pair of entries) {
    if (!Array.isArray(pair)) throw argumentError('an entry', 'a [key, value] pair', pair);
    const [key, value] = pair as readonly [Key, T];
    const text = encodeKey(key, {
      kind: options?.kind ?? inferKeyKind(key),
      version: options?.version ?? V2,
      context: 'body',
      full: options?.full ?? true,
    });
    setOwn(out, text, value);
  }
  return out;
}

/**
 * Reads a batch body map's keys back: `[key, value]` pairs, keys decoded by kind.
 *
 * @example
 * ```ts
 * decodeBatchKeys({ '(a:1)': 'x' }, { kind: 'compound', version: '2.0.0' }); // [[{ a: '1' }, 'x']]
 * ```
 */
export function decodeBatchKeys<T>(
  map: { readonly [keyText: string]: T },
  options?: BatchKeyOptions & DecodeOptions,
): [RestliData, T][] {
  expectRecord(map, 'map');
  expectOptions(options);
  return Object.keys(map).map((text) => [
    decodeKey(text, {
      ...limitsOf(options),
      kind: options?.kind ?? 'primitive',
      version: options?.version ?? V2,
      context: 'body',
      full: options?.full ?? true,
    }),
    map[text]!,
  ]);
}
