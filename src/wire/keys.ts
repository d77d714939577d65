/**
 * Resource keys in every place they travel (spec d): path segments, batch `ids`, id headers and
 * batch-body map keys, in protocol 1.0 and 2.0, for primitive, compound (association) and
 * complex keys.
 *
 * @module
 */

import { decode } from '../codec/decode.ts';
import { encode, isPlainObject, sortedKeys } from '../codec/encode.ts';
import { encodeUriComponent, urlEncoderEncode } from '../codec/escape.ts';
import { RestliEncodeError, RestliSyntaxError } from '../errors.ts';
import { type ProtocolVersionText, V1, V2 } from '../http/version-text.ts';
import { setOwn } from '../internal/own.ts';
import { percentDecode } from '../internal/percent.ts';
import type { RestliData, RestliDataMap, RestliPrimitive, RestliValue } from '../types.ts';
import { dataMapToQueryString } from './v1/flatten.ts';
import { formDecode } from './v1/form.ts';
import { unflattenV1 } from './v1/unflatten.ts';

/** The three kinds of Rest.li key. */
export type KeyKind = 'primitive' | 'compound' | 'complex';

/**
 * Where a key is written: a `path` segment, a `query` value (batch `ids`), an id `header`
 * (`X-RestLi-Id` / `X-LinkedIn-Id`), or a batch `body` map key.
 */
export type KeyContext = 'path' | 'query' | 'header' | 'body';

/** A primitive key: a string, number, bigint or boolean (an enum symbol is a string). */
export type PrimitiveKey = RestliPrimitive;

/** A compound (association) key: named primitive parts. */
export type CompoundKey = { readonly [part: string]: PrimitiveKey };

/**
 * A complex key: the fields of its key record, plus the params record under `$params` when the
 * resource declares one.
 */
export type ComplexKey = { readonly [field: string]: RestliValue | undefined } & {
  readonly $params?: { readonly [field: string]: RestliValue | undefined };
};

/** Any key. */
export type Key = PrimitiveKey | CompoundKey | ComplexKey;

/** Options of {@link encodeKey} and {@link decodeKey}. */
export interface KeyOptions {
  /** The key's kind; default inferred by {@link inferKeyKind}. Decoding a map needs it. */
  kind?: KeyKind;
  /** `'2.0.0'` (default) or `'1.0.0'`. */
  version?: ProtocolVersionText;
  /** Where the key is written; default `'path'`. */
  context?: KeyContext;
  /**
   * Complex keys in a `body`: `true` (default) keeps `$params`, as request bodies do
   * (BATCH_UPDATE and BATCH_PARTIAL_UPDATE `entities`); `false` drops it, as response-body keys
   * and the batch-create `id` field do. Headers never carry `$params`; paths and queries always.
   */
  full?: boolean;
}

/**
 * The kind a key has when the caller does not say: primitives are primitive; a map with `$params`
 * or with any non-primitive field is complex; other maps are compound. A complex key whose
 * fields are all primitives and which has no `$params` is written exactly like a compound key in
 * 2.0, but not in 1.0 batch ids: pass `kind: 'complex'` for those.
 */
export function inferKeyKind(key: unknown): KeyKind {
  if (typeof key !== 'object' || key === null) return 'primitive';
  if ('$params' in key) return 'complex';
  for (const value of Object.values(key)) {
    if (typeof value === 'object' && value !== null) return 'complex';
  }
  return 'compound';
}

/** Text of a primitive as Java's `toString` writes it (numbers in JS canonical form). */
export function primitiveText(value: unknown, path = '$'): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      throw new RestliEncodeError(
        'UNSUPPORTED_VALUE',
        `${value === null ? 'null' : typeof value} is not a primitive key value`,
        path,
      );
  }
}

function checkMap(key: unknown, kind: KeyKind): Record<string, unknown> {
  if (typeof key !== 'object' || key === null || Array.isArray(key) || !isPlainObject(key)) {
    throw new RestliEncodeError('INVALID_KEY', `a ${kind} key must be a plain object`, '$');
  }
  return key as Record<string, unknown>;
}

/** The parts of a compound key, checked to be primitives. */
function compoundParts(key: unknown): [string, string][] {
  const map = checkMap(key, 'compound');
  const parts: [string, string][] = [];
  for (const name of sortedKeys(map)) {
    const value = map[name];
    if (value === undefined) continue;
    parts.push([name, primitiveText(value, `$.${name}`)]);
  }
  return parts;
}

/** The map a complex key is written as, with or without `$params`. */
function complexMap(key: unknown, full: boolean): Record<string, RestliValue> {
  const map = checkMap(key, 'complex');
  if (full || !('$params' in map)) return map as Record<string, RestliValue>;
  const { $params: _params, ...rest } = map;
  return rest as Record<string, RestliValue>;
}

/**
 * Writes a key for `context` in `version` (spec d.1–d.6).
 *
 * @example
 * ```ts
 * encodeKey('a b/c', { context: 'path' });                         // 'a%20b%2Fc'
 * encodeKey('a b/c', { context: 'path', version: '1.0.0' });       // 'a+b%2Fc'
 * encodeKey({ memberId: 1, groupId: 2 });                           // '(groupId:2,memberId:1)'
 * encodeKey({ memberId: 1, groupId: 2 }, { version: '1.0.0' });     // 'groupId=2&memberId=1'
 * encodeKey({ id: 1, $params: { v: 'x' } }, { context: 'header' }); // '(id:1)'
 * ```
 */
export function encodeKey(key: Key, options?: KeyOptions): string {
  const kind = options?.kind ?? inferKeyKind(key);
  const version = options?.version ?? V2;
  const context = options?.context ?? 'path';
  if (version !== V1 && version !== V2) {
    throw new RestliEncodeError('INVALID_VERSION', `unsupported protocol version ${version}`, '$');
  }
  if (kind === 'primitive') {
    const text = primitiveText(key);
    // Headers and body keys carry primitive keys completely raw, not even `''` (spec d.6).
    if (context === 'header' || context === 'body') return text;
    if (version === V2) return encode(key as PrimitiveKey, { context });
    return context === 'path'
      ? urlEncoderEncode(text)
      : encodeUriComponent(text, 'QUERY_PARAM', false);
  }
  if (kind === 'compound') {
    const parts = compoundParts(key);
    if (version === V2) {
      const map = Object.fromEntries(parts.map(([name]) => [name, (key as CompoundKey)[name]!]));
      return encode(map, { context: urlContext(context) ?? 'body' });
    }
    const text = parts.map(([n, v]) => `${urlEncoderEncode(n)}=${urlEncoderEncode(v)}`).join('&');
    // In a v1 query the whole `a=1&b=2` is one value, so it is escaped again (spec d.5).
    return context === 'query' ? encodeUriComponent(text, 'QUERY_PARAM', false) : text;
  }
  if (kind !== 'complex') {
    throw new RestliEncodeError('INVALID_KEY', `unknown key kind ${String(kind)}`, '$');
  }
  const full = context === 'header' ? false : context === 'body' ? (options?.full ?? true) : true;
  const map = complexMap(key, full);
  if (version === V2) return encode(map, { context: urlContext(context) ?? 'body' });
  // v1: the flattened map as a query string in one segment. Request bodies carry it unescaped;
  // everywhere else the values are URLEncoder-ed and names only `~`-escaped (spec d.3, d.6).
  const text = dataMapToQueryString(map, context === 'body' && full ? 'none' : 'url');
  if (context === 'path') return encodeUriComponent(text, 'PATH_SEGMENT', true);
  if (context === 'query') return encodeUriComponent(text, 'QUERY_PARAM', false);
  return text;
}

function urlContext(context: KeyContext): 'path' | 'query' | undefined {
  return context === 'path' || context === 'query' ? context : undefined;
}

/**
 * Reads a key written for `context` in `version` (spec d, "Server parsing" and "Decoding these
 * strings"). Primitive keys come back as strings (typing is the schema's job), compound and
 * complex keys as maps with string leaves.
 *
 * - Primitive: v2 path is plain percent-decoding (no grammar: `''` stays two apostrophes, as
 *   on a Java server); v1 path is form decoding (`+` is a space); header and body are raw.
 * - Compound: v2 is a 2.0 map; v1 splits on `&` and `=` with form decoding, and also accepts
 *   the legacy `a:1;b:2` syntax (the reading with more parts wins).
 * - Complex: v2 is a 2.0 map; v1 is a flattened query string, unflattened.
 *
 * @throws {@link RestliSyntaxError} with codes `INVALID_COMPOUND_KEY`, `BAD_KEY_FORMAT`, or those
 * of {@link decode}.
 */
export function decodeKey(text: string, options?: KeyOptions): RestliData {
  const kind = options?.kind ?? 'primitive';
  const version = options?.version ?? V2;
  const context = options?.context ?? 'path';
  const raw = context === 'header' || context === 'body';
  if (kind === 'primitive') {
    if (raw) return text;
    if (version === V2) return percentDecode(text);
    return formDecode(text);
  }
  if (version === V2) {
    const value = decode(text);
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new RestliSyntaxError(
        'INVALID_COMPOUND_KEY',
        `input '${text}' is not a valid ${kind === 'compound' ? 'CompoundKey' : 'ComplexKey'}`,
        text,
        0,
      );
    }
    return value;
  }
  // A v1 key in a query value was escaped once more; undo that layer first.
  const unescaped = context === 'query' ? formDecode(text) : text;
  if (kind === 'compound') return decodeCompoundV1(unescaped);
  // Request bodies carry complex keys unescaped; everything else was form-encoded.
  const plain = context === 'body' && options?.full !== false;
  const multimap = new Map<string, string[]>();
  for (const piece of unescaped.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const rawName = eq === -1 ? piece : piece.slice(0, eq);
    const rawValue = eq === -1 ? '' : piece.slice(eq + 1);
    const name = plain ? rawName : formDecode(rawName);
    const value = plain ? rawValue : formDecode(rawValue);
    const values = multimap.get(name);
    if (values) values.push(value);
    else multimap.set(name, [value]);
  }
  return unflattenV1(multimap);
}

/** v1 compound key: `a=1&b=2`, or the legacy `a:1;b:2`; the reading with more parts wins. */
function decodeCompoundV1(text: string): RestliDataMap {
  const modern = readParts(text, '&', '=', true);
  const legacy =
    text.includes(';') || (text.includes(':') && !text.includes('='))
      ? readParts(text, ';', ':', false)
      : undefined;
  if (legacy?.ok && (!modern.ok || legacy.map.size > modern.map.size)) return toMap(legacy.map);
  if (modern.ok) return toMap(modern.map);
  throw new RestliSyntaxError('BAD_KEY_FORMAT', `Bad key format '${text}'`, text, modern.offset);
}

function readParts(
  text: string,
  separator: string,
  equals: string,
  emptyValues: boolean,
): { ok: true; map: Map<string, string> } | { ok: false; offset: number } {
  const map = new Map<string, string>();
  let offset = 0;
  // Java's String.split drops trailing empty pieces, so `a=1&` is one part.
  const pieces = text.split(separator);
  while (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
  for (const piece of pieces) {
    const halves = piece.split(equals);
    while (halves.length > 0 && halves[halves.length - 1] === '') halves.pop();
    // Java splits each part on its separator and drops trailing empty halves, so `c=` would have
    // one half. The Java client writes an empty-string part exactly so (spec d.2): in the `a=b`
    // form that one case, a name and a single trailing separator, is the part's empty value.
    if (emptyValues && halves.length === 1 && piece.length === halves[0]!.length + 1)
      halves.push('');
    if (halves.length !== 2) return { ok: false, offset };
    map.set(formDecode(halves[0]!), formDecode(halves[1]!));
    offset += piece.length + 1;
  }
  return { ok: true, map };
}

function toMap(parts: Map<string, string>): RestliDataMap {
  const out: RestliDataMap = {};
  for (const [k, v] of parts) {
    setOwn(out, k, v);
  }
  return out;
}
