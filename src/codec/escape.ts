/**
 * Character tables per escaping context and the percent codec: the hot path of every encoder.
 *
 * Rest.li writes a string in two layers: rest.li escaping of its six reserved characters, then URL
 * escaping for the component it lands in. Both layers are folded into one table per context, so a
 * string is scanned once. The tables are the Java reference's exact sets (spec b.2), not
 * `encodeURIComponent`'s.
 *
 * @module
 */

import { LoneSurrogateError } from '../errors.ts';

// The percent decoder lives below the grammars, which use it; re-exported here, where the codec's
// callers look for it.
export type { InvalidUtf8, PercentDecodeOptions } from '../internal/percent.ts';
export { decodeOctetRun, isHex, percentDecode, utf8Decode } from '../internal/percent.ts';

import { argumentError, expectString } from '../internal/args.ts';
import { isHex } from '../internal/percent.ts';

/** Where a 2.0 value is written: a query parameter, a path segment, or a header/body (no URL layer). */
export type ValueContext = 'query' | 'path' | 'body';

/** `%XX` for every byte, uppercase hex as Java writes it. */
const PCT: readonly string[] = Array.from(
  { length: 256 },
  (_, b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
);

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The characters rest.li escaping reserves (spec a.4). */
export const RESTLI_RESERVED = "%'(),:";

/** A 128-entry table: 1 where the ASCII character is written raw. */
function keepTable(kept: string, minus = ''): Uint8Array {
  const table = new Uint8Array(128);
  for (const ch of ALNUM + kept) table[ch.charCodeAt(0)] = 1;
  for (const ch of minus) table[ch.charCodeAt(0)] = 0;
  return table;
}

// URL-layer sets of Java's UriComponent: what a query parameter and a path segment keep raw.
const URL_QUERY_KEPT = "!$'()*,-./:;?@_~";
const URL_PATH_SEGMENT_KEPT = "!$&'()*+,-.:=@_~";
const URL_PATH_KEPT = `${URL_PATH_SEGMENT_KEPT}/;`;

let bodyKept = '';
for (let c = 0x20; c < 0x7f; c++) bodyKept += String.fromCharCode(c);
// Control characters are data in headers and bodies too: only the six reserved ones are escaped.
for (let c = 0; c < 0x20; c++) bodyKept += String.fromCharCode(c);
bodyKept += '\u007f';

/** Combined rest.li + URL tables for 2.0 values, per context. */
const V2_TABLES: Record<ValueContext, Uint8Array> = {
  body: keepTable(bodyKept, RESTLI_RESERVED),
  path: keepTable(URL_PATH_SEGMENT_KEPT, RESTLI_RESERVED),
  query: keepTable(URL_QUERY_KEPT, RESTLI_RESERVED),
};

/** URL-only tables (no rest.li layer), for v1 values and masks. */
const URL_TABLES: Record<UriComponent, Uint8Array> = {
  QUERY_PARAM: keepTable(URL_QUERY_KEPT),
  PATH_SEGMENT: keepTable(URL_PATH_SEGMENT_KEPT),
  PATH: keepTable(URL_PATH_KEPT),
};

/** A URL component in Java's `UriComponent` terms: a query parameter, a path segment, a path. */
export type UriComponent = 'QUERY_PARAM' | 'PATH_SEGMENT' | 'PATH';

/** java.net.URLEncoder keeps only these besides letters and digits, and writes space as `+`. */
const URL_ENCODER_TABLE = keepTable('*-._');

/**
 * Escapes `s` with `table`. ASCII characters not in the table become `%XX`; non-ASCII becomes
 * UTF-8 `%XX` when `utf8` is set and stays as it is otherwise. `%` followed by two hex digits is
 * left alone when `contextual` is set (Java's contextual encoding). `plus` writes space as `+`.
 */
function escapeWith(
  s: string,
  table: Uint8Array,
  utf8: boolean,
  contextual = false,
  plus = false,
): string {
  const n = s.length;
  let i = 0;
  // Most strings need nothing: return them untouched without allocating.
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c >= 128 || table[c] === 0) break;
    i++;
  }
  if (i === n) return s;
  let out = '';
  let start = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (table[c] === 1) continue;
      if (contextual && c === 0x25 && isHex(s.charCodeAt(i + 1)) && isHex(s.charCodeAt(i + 2))) {
        i += 2;
        continue;
      }
      out += s.slice(start, i) + (plus && c === 0x20 ? '+' : PCT[c]);
      start = i + 1;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1);
      if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) throw new LoneSurrogateError(s, i);
      if (utf8) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        out +=
          s.slice(start, i) +
          PCT[0xf0 | (cp >> 18)] +
          PCT[0x80 | ((cp >> 12) & 63)] +
          PCT[0x80 | ((cp >> 6) & 63)] +
          PCT[0x80 | (cp & 63)];
        start = i + 2;
      }
      i++;
      continue;
    }
    if (!utf8) continue;
    out += s.slice(start, i);
    if (c < 0x800) out += PCT[0xc0 | (c >> 6)]! + PCT[0x80 | (c & 63)]!;
    else out += PCT[0xe0 | (c >> 12)]! + PCT[0x80 | ((c >> 6) & 63)]! + PCT[0x80 | (c & 63)]!;
    start = i + 1;
  }
  return out + s.slice(start);
}

/**
 * Escapes a non-empty string leaf or map key of a 2.0 value for `context`: rest.li escaping, then
 * URL escaping (none for `body`). The empty string is the caller's business (it is written `''`).
 */
export function escapeV2(s: string, context: ValueContext): string {
  return escapeWith(s, V2_TABLES[context], context !== 'body');
}

/**
 * Java `UriComponent.encode`: URL escaping of one component. `contextual` leaves existing `%XX`
 * escapes alone; otherwise every `%` becomes `%25`.
 *
 * @example
 * ```ts
 * encodeUriComponent('a b/c', 'PATH_SEGMENT', false); // 'a%20b%2Fc'
 * encodeUriComponent('%2F x', 'QUERY_PARAM', true); // '%2F%20x'
 * ```
 */
export function encodeUriComponent(
  s: string,
  component: UriComponent,
  contextual: boolean,
): string {
  expectString(s, 's');
  // Only a string is looked up: an object key would be converted with its own toString, which
  // a hostile argument may have replaced (TypeError, or any name it likes).
  const table =
    typeof component === 'string' && Object.hasOwn(URL_TABLES, component)
      ? URL_TABLES[component]
      : undefined;
  if (table === undefined)
    throw argumentError('component', "'QUERY_PARAM', 'PATH_SEGMENT' or 'PATH'", component);
  if (typeof contextual !== 'boolean') throw argumentError('contextual', 'a boolean', contextual);
  return escapeWith(s, table, true, contextual);
}

/**
 * `java.net.URLEncoder.encode(s, "UTF-8")`: v1 path keys and compound-key parts.
 *
 * @example
 * ```ts
 * urlEncoderEncode('a b*~'); // 'a+b*%7E'
 * urlEncoderEncode('\ud800'); // Error LONE_SURROGATE
 * ```
 */
export function urlEncoderEncode(s: string): string {
  expectString(s, 's');
  return escapeWith(s, URL_ENCODER_TABLE, true, false, true);
}
