/**
 * Query strings in both protocol versions (spec c, e, f.4, i.2): parameters sorted by name, 2.0
 * values or 1.0 flattening, and projections in mask syntax.
 *
 * @module
 */

import { type DecodeOptions, decode, decodeLimits } from '../codec/decode.ts';
import { encode } from '../codec/encode.ts';
import { RestliEncodeError, RestliError, RestliSyntaxError } from '../errors.ts';
import {
  argumentError,
  expectOptions,
  expectRecord,
  expectString,
  expectVersion,
  isPlainRecord,
} from '../internal/args.ts';
import { checkLength } from '../internal/limits.ts';
import { rawOffset, rebased, rebaseError } from '../internal/offsets.ts';
import { setOwn } from '../internal/own.ts';
import { childPath } from '../internal/paths.ts';
import { isProjectionParam, PROJECTION_PARAMS } from '../internal/projections.ts';
import { splitQuery } from '../internal/query-pieces.ts';
import { type ProtocolVersionText, V1, V2 } from '../internal/version-text.ts';
import type { RestliData, RestliDataMap, RestliValue } from '../types.ts';
import { decodeMask, encodeMask, type MaskTree, maskToQueryValue } from './mask.ts';
import { encodeQueryV1 } from './v1/flatten.ts';
import { formDecode, formDecodeAt } from './v1/form.ts';
import { decodeQueryV1Detailed } from './v1/unflatten.ts';

export { PROJECTION_PARAMS };

/**
 * A projection as a caller may give it: a mask tree, a list of field paths
 * (`['id', 'name.first']`), or a mask string already in mask syntax (sent as it is).
 */
export type MaskInput = MaskTree | readonly string[] | string;

/**
 * Query parameters: 2.0 values, and {@link MaskInput}s for `fields`, `metadataFields` and
 * `pagingFields`. `undefined` parameters are omitted.
 */
export type QueryParams = { readonly [name: string]: RestliValue | MaskInput | undefined };

/** Decoded parameters: every value as a 2.0 decoder returns it, projections as mask trees. */
export type DecodedQuery = { [name: string]: RestliData | MaskTree };

/** Options of {@link encodeQuery} and {@link decodeQuery}. */
export interface QueryOptions {
  /** `'2.0.0'` (default) or `'1.0.0'`. */
  version?: ProtocolVersionText;
}

/**
 * Options of {@link decodeQuery}: the version, and the value parser's limits, which apply to the
 * whole query (`maxLength`) and to every value in it (`maxDepth`, `invalidUtf8`).
 */
export interface DecodeQueryOptions extends QueryOptions, DecodeOptions {}

/** Mask text of a projection parameter's value. */
export function maskText(value: MaskInput): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value) && !isPlainRecord(value)) {
    throw argumentError('maskText: value', 'a mask string, tree or list of paths', value);
  }
  return encodeMask(value as MaskTree | readonly string[]);
}

/**
 * The 2.0 query value of a projection. A 2.0 server hands the raw, still-escaped value to the
 * mask parser (Java's `URIParamUtils.parseUriParams`: "Don't decode it"), so a mask whose text
 * the query escaping would change (`é`, a space, `=`, `&`, `+`, `#`, a `%` not starting an
 * escape) would be read as other field names: refused instead of sent.
 */
function projectionValueV2(name: string, value: MaskInput): string {
  let text: string;
  try {
    text = maskText(value);
  } catch (error) {
    throw renamePath(error, name);
  }
  const escaped = maskToQueryValue(text, V2);
  if (escaped !== text) {
    let at = 0;
    while (at < text.length && text[at] === escaped[at]) at++;
    throw new RestliEncodeError(
      'INVALID_MASK',
      `a 2.0 server reads projections without percent-decoding, so ${JSON.stringify(text[at])} (written ${JSON.stringify(escaped.slice(at, at + 3))}) would change the field name; protocol 1.0 can send it`,
      childPath('$', name),
    );
  }
  return text;
}

/**
 * Writes query parameters, without the leading `?`, sorted by name: 2.0 values in query context
 * with the names escaped too (`''` for an empty name), or protocol 1.0 flattening.
 *
 * @example
 * ```ts
 * encodeQuery({ q: 'search', ids: [1, 2], fields: ['id', 'name'] });
 * // 'fields=name,id&ids=List(1,2)&q=search'
 * encodeQuery({ q: 'search', ids: [1, 2], a: { b: 'c' } }, { version: '1.0.0' });
 * // 'a.b=c&ids=1&ids=2&q=search'
 * ```
 * @throws {@link RestliEncodeError} naming the bad parameter (`$.ids[2]`).
 */
export function encodeQuery(params: QueryParams, options?: QueryOptions): string {
  expectRecord(params, 'encodeQuery: params');
  expectOptions(options, 'encodeQuery: options');
  const version = options?.version ?? V2;
  expectVersion(version, 'encodeQuery');
  if (version === V1) {
    const flat: Record<string, RestliValue> = {};
    for (const name of Object.keys(params)) {
      const value = params[name];
      if (value === undefined) continue;
      let v1Value: RestliValue;
      try {
        v1Value = isProjectionParam(name) ? maskText(value as MaskInput) : (value as RestliValue);
      } catch (error) {
        throw renamePath(error, name);
      }
      setOwn(flat, name, v1Value);
    }
    return encodeQueryV1(flat);
  }
  const pairs: [string, string][] = [];
  for (const name of Object.keys(params)) {
    const value = params[name];
    if (value === undefined) continue;
    // The empty name is written `''` by encode, as Java writes it (decodeQuery reads it back as
    // the empty name).
    const escapedName = encode(name, { context: 'query' });
    if (isProjectionParam(name)) {
      pairs.push([escapedName, projectionValueV2(name, value as MaskInput)]);
      continue;
    }
    try {
      pairs.push([escapedName, encode(value as RestliValue, { context: 'query' })]);
    } catch (error) {
      throw renamePath(error, name);
    }
  }
  // 2.0 sorts the escaped names (spec i.2).
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

/** Re-roots an encoder error's path at the parameter: `$.a` becomes `$.q.a`. */
function renamePath(error: unknown, name: string): unknown {
  if (!(error instanceof RestliEncodeError)) return error;
  return error.withRoot(childPath('$', name));
}

/** Decoded parameters and what protocol 1.0 could not tell apart. */
export interface DetailedQuery {
  params: DecodedQuery;
  /**
   * Paths of leaves that protocol 1.0 read from a single value (`ids`, `a.b[0].c`): each may
   * have been a one-element list. Always empty for 2.0, which writes `List(x)`.
   */
  singleValued: string[];
}

/**
 * Reads a query string (without `?`) as a server of `version` does: 2.0 splits on `&` and the
 * first `=`, form-decodes names, parses values with the 2.0 grammar and rejects repeated names;
 * 1.0 unflattens (spec e.4). Projection parameters come back as mask trees.
 *
 * @example
 * ```ts
 * decodeQuery('ids=List(1,2)&q=search');               // { ids: ['1', '2'], q: 'search' }
 * decodeQuery('ids=1&ids=2&q=search', { version: '1.0.0' }); // { ids: ['1', '2'], q: 'search' }
 * ```
 * @throws {@link RestliSyntaxError}: the value parser's codes, with the reason prefixed by
 * `error while parsing query param 'x'` and the offset into the whole query;
 * `REPEATED_PARAM`; for 1.0, the codes of the v1 parser.
 */
export function decodeQuery(query: string, options?: DecodeQueryOptions): DecodedQuery {
  return decodeQueryDetailed(query, options).params;
}

/**
 * {@link decodeQuery}, plus the leaves protocol 1.0 could not tell from one-element lists.
 *
 * @example
 * ```ts
 * decodeQueryDetailed('ids=1&q=x', { version: '1.0.0' });
 * // { params: { q: 'x', ids: '1' }, singleValued: ['ids', 'q'] }
 * ```
 */
export function decodeQueryDetailed(query: string, options?: DecodeQueryOptions): DetailedQuery {
  expectString(query, 'decodeQuery: query');
  expectOptions(options, 'decodeQuery: options');
  const version = options?.version ?? V2;
  const limits = decodeLimits(options);
  checkLength(query, limits.maxLength);
  if (version === V1) {
    const { params, singleValued } = decodeQueryV1Detailed(query, limits);
    const out: DecodedQuery = params;
    for (const name of PROJECTION_PARAMS) {
      const text = params[name];
      if (typeof text === 'string') setOwn(out, name, decodeMaskV1(query, name, text, limits));
    }
    return { params: out, singleValued: singleValued.filter((p) => !isProjectionParam(p)) };
  }
  expectVersion(version, 'decodeQuery');
  const out: DecodedQuery = {};
  const seen = new Set<string>();
  for (const { start, nameEnd, valueStart, end } of splitQuery(query)) {
    const rawName = query.slice(start, nameEnd);
    // A piece with an empty name is ignored, as the reference does. A name that is exactly
    // `''`, unescaped, is the empty name, as the 2.0 grammar reads `''` (the writer escapes a
    // real `'`, so `%27%27` is the two apostrophes): Java writes the empty name so and its
    // server reads it as `''`, which would not round-trip.
    if (rawName === '') continue;
    const name =
      rawName === "''" ? '' : formDecodeAt(rawName, limits.invalidUtf8 === 'replace', query, start);
    if (seen.has(name)) {
      throw new RestliSyntaxError(
        'REPEATED_PARAM',
        `unexpected repeated query param in URI: ${name}`,
        query,
        start,
      );
    }
    seen.add(name);
    setOwn(out, name, decodeParam(name, query.slice(valueStart, end), query, valueStart, limits));
  }
  return { params: out, singleValued: [] };
}

/**
 * A 1.0 projection: its mask text was form-decoded with the query, so a mask error's offset is
 * moved back through the escapes of its raw value, into the query.
 */
function decodeMaskV1(query: string, name: string, text: string, limits: DecodeOptions): MaskTree {
  try {
    return decodeMask(text, limits);
  } catch (error) {
    if (!(error instanceof RestliError) || error.offset === undefined) throw error;
    // The v1 parser accepted the query, so every name decodes; the last piece named `name` is the
    // one whose value was kept.
    let raw: { at: number; text: string } | undefined;
    for (const piece of splitQuery(query)) {
      if (formDecode(query.slice(piece.start, piece.nameEnd)) === name) {
        raw = { at: piece.valueStart, text: query.slice(piece.valueStart, piece.end) };
      }
    }
    if (raw === undefined) throw error;
    throw rebaseError(error, query, raw.at + rawOffset(raw.text, error.offset) - error.offset);
  }
}

/** One 2.0 parameter value, raw; projections in mask syntax, the rest in the 2.0 grammar. */
function decodeParam(
  name: string,
  raw: string,
  query: string,
  at: number,
  limits?: DecodeOptions,
): RestliData | MaskTree {
  if (isProjectionParam(name)) return rebased(() => decodeMask(raw, limits), query, at);
  try {
    return decode(raw, limits);
  } catch (error) {
    // The reference wraps grammar errors with the parameter's name; its percent-decoding errors
    // (an IllegalArgumentException there) come through as they are.
    throw rebaseError(error, query, at, (e) =>
      e.code !== 'MALFORMED_ESCAPE' && e.code !== 'INVALID_UTF8'
        ? `error while parsing query param '${name}'\n${e.reason}`
        : e.reason,
    );
  }
}

/**
 * Parses an already split 2.0 multimap `{ name: [raw values] }` (names decoded, values raw), as
 * the reference's `parseUriParams` receives it.
 * @example
 * ```ts
 * decodeQueryParams({ q: ['search'], ids: ['List(1,2)'] }); // { q: 'search', ids: ['1', '2'] }
 * ```
 */
export function decodeQueryParams(
  multimap: Readonly<Record<string, readonly string[]>>,
): DecodedQuery {
  expectRecord(multimap, 'decodeQueryParams: multimap');
  const out: DecodedQuery = {};
  for (const name of Object.keys(multimap)) {
    const values: unknown = multimap[name];
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
      throw argumentError(
        `decodeQueryParams: multimap[${JSON.stringify(name)}]`,
        'a list of strings',
        values,
      );
    }
    if (values.length > 1) {
      throw new RestliSyntaxError(
        'REPEATED_PARAM',
        `unexpected repeated query param in URI: ${name}`,
        name,
        0,
      );
    }
    const raw = values[0] ?? '';
    setOwn(out, name, decodeParam(name, raw, raw, 0));
  }
  return out;
}

/** The parameters of a decoded query that are plain data (projections removed). */
export function withoutProjections(params: DecodedQuery): RestliDataMap {
  expectRecord(params, 'withoutProjections: params');
  const out: RestliDataMap = {};
  for (const name of Object.keys(params)) {
    if (!isProjectionParam(name)) setOwn(out, name, params[name] as RestliData);
  }
  return out;
}
