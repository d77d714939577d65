/**
 * Resource keys in every place they travel (spec d): path segments, batch `ids`, id headers and
 * batch-body map keys, in protocol 1.0 and 2.0, for primitive, compound (association) and
 * complex keys.
 *
 * @module
 */

import { type DecodeOptions, decode } from '../codec/decode.ts';
import { encode, sortedKeys } from '../codec/encode.ts';
import {
  encodeUriComponent,
  type InvalidUtf8,
  percentDecode,
  urlEncoderEncode,
} from '../codec/escape.ts';
import { RestliEncodeError, RestliSyntaxError } from '../errors.ts';
import {
  argumentError,
  expectOptions,
  expectString,
  expectVersion,
  isPlainRecord,
} from '../internal/args.ts';
import { javaTrimmed } from '../internal/java-trim.ts';
import { checkLength, invalidUtf8Of, maxLengthOf } from '../internal/limits.ts';
import { numberText } from '../internal/number-text.ts';
import { setOwn } from '../internal/own.ts';
import { splitQuery } from '../internal/query-pieces.ts';
import { type ProtocolVersionText, V2 } from '../internal/version-text.ts';
import type { RestliData, RestliDataMap, RestliPrimitive, RestliValue } from '../types.ts';
import { dataMapToQueryString } from './v1/flatten.ts';
import { formDecode, formDecodeAt } from './v1/form.ts';
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

/** Options of {@link decodeKey}: where the key was written, and the value parser's limits. */
export interface DecodeKeyOptions extends KeyOptions, DecodeOptions {}

/**
 * The kind a key has when the caller does not say: primitives are primitive; a map with `$params`
 * or with any non-primitive field is complex; other maps are compound. A complex key whose
 * fields are all primitives and which has no `$params` is written exactly like a compound key in
 * 2.0, but not in 1.0 batch ids: pass `kind: 'complex'` for those.
 * @example
 * ```ts
 * inferKeyKind(42); // 'primitive'
 * inferKeyKind({ a: 1 }); // 'compound'
 * inferKeyKind({ a: 1, $params: {} }); // 'complex'
 * ```
 */
export function inferKeyKind(key: unknown): KeyKind {
  if (typeof key !== 'object' || key === null) return 'primitive';
  if (Object.hasOwn(key, '$params')) return 'complex';
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
      return numberText(value);
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
  if (!isPlainRecord(key)) {
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
  if (full || !Object.hasOwn(map, '$params')) return map as Record<string, RestliValue>;
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
  checkKeyArgument(key, 'encodeKey');
  options = checkKeyOptions(options, 'encodeKey');
  const kind = options?.kind ?? inferKeyKind(key);
  const version = options?.version ?? V2;
  const context = options?.context ?? 'path';
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
  // kind is 'complex' here: checkKeyOptions admits the three kinds only.
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

/** A key is a primitive or a plain object; anything else is a caller's mistake. */
function checkKeyArgument(key: unknown, fn: string): void {
  const type = typeof key;
  if (type === 'string' || type === 'number' || type === 'bigint' || type === 'boolean') return;
  if (!isPlainRecord(key)) {
    throw argumentError(`${fn}: key`, 'a string, number, bigint, boolean or plain object', key);
  }
}

const KINDS: readonly unknown[] = ['primitive', 'compound', 'complex'];
const CONTEXTS: readonly unknown[] = ['path', 'query', 'header', 'body'];

/** The options of encodeKey/decodeKey, each field checked when given. */
function checkKeyOptions<O extends KeyOptions>(options: O | undefined, fn: string): O | undefined {
  expectOptions(options, `${fn}: options`);
  if (options === undefined) return undefined;
  if (options.kind !== undefined && !KINDS.includes(options.kind)) {
    throw argumentError(
      `${fn}: options.kind`,
      "'primitive', 'compound' or 'complex'",
      options.kind,
    );
  }
  if (options.context !== undefined && !CONTEXTS.includes(options.context)) {
    throw argumentError(
      `${fn}: options.context`,
      "'path', 'query', 'header' or 'body'",
      options.context,
    );
  }
  if (options.version !== undefined) expectVersion(options.version, fn);
  if (options.full !== undefined && typeof options.full !== 'boolean') {
    throw argumentError(`${fn}: options.full`, 'a boolean', options.full);
  }
  return options;
}

function urlContext(context: KeyContext): 'path' | 'query' | undefined {
  return context === 'path' || context === 'query' ? context : undefined;
}

/**
 * Reads a key written for `context` in `version` (spec d, "Server parsing" and "Decoding these
 * strings"). Primitive keys come back as strings (typing is the schema's job), compound and
 * complex keys as maps with string leaves.
 *
 * - Primitive: v2 path is plain percent-decoding, except that a whole, unescaped `''` is the
 *   empty key Java writes; v1 path is form decoding (`+` is a space); header and body are raw.
 * - Compound: v2 is a 2.0 map; v1 splits on `&` and `=` with form decoding, and also accepts
 *   the legacy `a:1;b:2` syntax (the reading with more parts wins).
 * - Complex: v2 is a 2.0 map; v1 is a flattened query string, unflattened.
 *
 * @throws {@link RestliSyntaxError} with codes `INVALID_COMPOUND_KEY`, `INVALID_KEY_FORMAT`, or those
 * of {@link decode}.
 * @example
 * ```ts
 * decodeKey('(a:1,b:x)', { kind: 'compound' }); // { a: '1', b: 'x' }
 * decodeKey('a%20b'); // 'a b'
 * decodeKey('(a:(b:(c:1)))', { kind: 'complex', maxDepth: 2 }); // Error DEPTH_EXCEEDED
 * ```
 */
export function decodeKey(text: string, options?: DecodeKeyOptions): RestliData {
  expectString(text, 'decodeKey: text');
  options = checkKeyOptions(options, 'decodeKey');
  const kind = options?.kind ?? 'primitive';
  const version = options?.version ?? V2;
  const context = options?.context ?? 'path';
  const raw = context === 'header' || context === 'body';
  const maxLength = maxLengthOf(options);
  const invalidUtf8 = invalidUtf8Of(options);
  checkLength(text, maxLength);
  if (kind === 'primitive') {
    if (raw) return text;
    // `''`, whole and unescaped, is the empty key Java writes (a real `''` is written
    // `%27%27`); Java's server reads it as two apostrophes, which would not round-trip.
    if (version === V2) return text === "''" ? '' : percentDecode(text, { invalidUtf8 });
    return formDecode(text, { invalidUtf8 });
  }
  if (version === V2) {
    const value = decode(text, { maxDepth: options?.maxDepth, maxLength, invalidUtf8 });
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
  const unescaped = context === 'query' ? formDecode(text, { invalidUtf8 }) : text;
  if (kind === 'compound') return decodeCompoundV1(unescaped, invalidUtf8);
  // Request bodies carry complex keys unescaped; everything else was form-encoded.
  const plain = context === 'body' && options?.full !== false;
  const multimap = new Map<string, string[]>();
  const add = (name: string, value: string) => {
    const values = multimap.get(name);
    if (values) values.push(value);
    else multimap.set(name, [value]);
  };
  if (plain) {
    // Unescaped: nothing is decoded, so no offsets are needed; values that held `&` are glued back.
    const pieces = unescaped.split('&');
    glueValuePieces(pieces);
    for (const piece of pieces) {
      if (piece === '') continue;
      const eq = piece.indexOf('=');
      add(eq === -1 ? piece : piece.slice(0, eq), eq === -1 ? '' : piece.slice(eq + 1));
    }
    return unflattenV1(multimap, { maxDepth: options?.maxDepth });
  }
  const replace = invalidUtf8 === 'replace';
  for (const { start, nameEnd, valueStart, end } of splitQuery(unescaped)) {
    const name = formDecodeAt(unescaped.slice(start, nameEnd), replace, unescaped, start);
    const value = formDecodeAt(unescaped.slice(valueStart, end), replace, unescaped, valueStart);
    add(name, value);
  }
  return unflattenV1(multimap, { maxDepth: options?.maxDepth });
}

/**
 * Joins back the values that held `&`, in place. Unescaped v1 keys (request bodies) are written
 * with an `=` in every pair, even for an empty value, so a piece without `=` after the first can
 * only be the rest of the previous value (Java writes `{ k: 'v&v' }` as `k=v&v`).
 */
function glueValuePieces(pieces: string[]): void {
  let out = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (out > 0 && !piece.includes('=')) pieces[out - 1] += `&${piece}`;
    else pieces[out++] = piece;
  }
  pieces.length = out;
}

/**
 * v1 compound key: `a=1&b=2`, or the legacy `a:1;b:2`. As Java's server does, both readings are
 * tried, always (`a=b=c:d` is a legacy key with one part, `a=b=c`); when both succeed, the one
 * with more parts wins. As it does too, the key and each part are trimmed (`String.trim`, up to
 * U+0020) before they are split and decoded: raw white space at their edges is not data
 * (docs/decisions.md); `+` and `%20` are decoded after, so an escaped space stays.
 */
function decodeCompoundV1(text: string, invalidUtf8: InvalidUtf8): RestliDataMap {
  const modern = readParts(text, '&', '=', true, invalidUtf8);
  const legacy = readParts(text, ';', ':', false, invalidUtf8);
  if (legacy.ok && (!modern.ok || legacy.map.size > modern.map.size)) return toMap(legacy.map);
  if (modern.ok) return toMap(modern.map);
  throw new RestliSyntaxError(
    'INVALID_KEY_FORMAT',
    `Bad key format '${text}'`,
    text,
    modern.offset,
  );
}

function readParts(
  text: string,
  separator: string,
  equals: string,
  emptyValues: boolean,
  invalidUtf8: InvalidUtf8,
): { ok: true; map: Map<string, string> } | { ok: false; offset: number } {
  const map = new Map<string, string>();
  const [from, to] = javaTrimmed(text, 0, text.length);
  let offset = from;
  // Java's String.split drops trailing empty pieces, so `a=1&` is one part.
  const pieces = text.slice(from, to).split(separator);
  while (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
  for (const whole of pieces) {
    const [lead, end] = javaTrimmed(whole, 0, whole.length);
    const piece = whole.slice(lead, end);
    // An error points at the part's text, or at the part itself when it is only white space.
    const at = offset + (piece === '' ? 0 : lead);
    const halves = piece.split(equals);
    while (halves.length > 0 && halves[halves.length - 1] === '') halves.pop();
    // Java splits each part on its separator and drops trailing empty halves, so `c=` would have
    // one half. The Java client writes an empty-string part exactly so (spec d.2): in the `a=b`
    // form that one case, a name and a single trailing separator, is the part's empty value.
    if (emptyValues && halves.length === 1 && piece.length === halves[0]!.length + 1)
      halves.push('');
    if (halves.length !== 2) return { ok: false, offset: at };
    const valueAt = at + halves[0]!.length + 1;
    map.set(
      formDecodeAt(halves[0]!, invalidUtf8 === 'replace', text, at),
      formDecodeAt(halves[1]!, invalidUtf8 === 'replace', text, valueAt),
    );
    offset += whole.length + 1;
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
