/**
 * HTML form decoding as `java.net.URLDecoder` does it: what a v1 server applies to every query
 * name and value, to v1 compound-key parts and to v1 path keys.
 *
 * @module
 */

import { RestliSyntaxError } from '../../errors.ts';
import { expectOptions, expectString } from '../../internal/args.ts';
import { parseJavaInt } from '../../internal/java-int.ts';
import { invalidUtf8Of } from '../../internal/limits.ts';
import { type InvalidUtf8, utf8Decode } from '../../internal/percent.ts';

/** Options of {@link formDecode}. */
export interface FormDecodeOptions {
  /**
   * Escapes whose bytes are not UTF-8 (`%E9`): `'error'` (default) rejects them with
   * `INVALID_UTF8`; `'replace'` writes U+FFFD for them, as the Java reference does.
   */
  invalidUtf8?: InvalidUtf8;
  /** Added to offsets in errors, when `s` is a slice of a larger input. Default 0. */
  base?: number;
  /** The larger input `s` was sliced from, for error excerpts. Defaults to `s`. */
  whole?: string;
}

const INCOMPLETE = 'URLDecoder: Incomplete trailing escape (%) pattern';
const ILLEGAL = 'URLDecoder: Illegal hex characters in escape (%) pattern - ';

/**
 * Form-decodes `s`: `+` is a space, and each run of consecutive `%XX` escapes is one UTF-8 byte
 * sequence. The two characters after `%` are read by Java's `Integer.parseInt(…, 16)`, so this
 * keeps its quirks: `%+F` is byte 0x0F and `%-1` is a "negative value" error.
 *
 * @example
 * ```ts
 * formDecode('a+b%26c');     // 'a b&c'
 * formDecode('%C3%A9');      // 'é'
 * ```
 * @throws {@link RestliSyntaxError} `MALFORMED_ESCAPE` with URLDecoder's message as `reason`
 * (`URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "zz"`,
 * `URLDecoder: Incomplete trailing escape (%) pattern`), the offset of the bad digit or of the
 * incomplete `%`; `INVALID_UTF8` for bytes that are not UTF-8 unless `invalidUtf8: 'replace'`.
 */
export function formDecode(s: string, options?: FormDecodeOptions): string {
  expectString(s, 'formDecode: s');
  expectOptions(options, 'formDecode: options');
  // Before the fast paths: a bad option is an error whatever the text.
  const replace = invalidUtf8Of(options) === 'replace';
  return formDecodeAt(s, replace, options?.whole ?? s, options?.base ?? 0);
}

/**
 * {@link formDecode} with its options as arguments (the library's readers call it per name and
 * value: an options object each is garbage): `replace` for `invalidUtf8: 'replace'`, `whole`
 * and `base` where `s` sits in the input, for errors.
 *
 * @internal
 */
export function formDecodeAt(s: string, replace: boolean, whole: string, base: number): string {
  const i = s.indexOf('%');
  const hasPlus = s.includes('+');
  if (i === -1) return hasPlus ? s.replaceAll('+', ' ') : s;
  // Escapes that are all `%` and two hex digits, of bytes that are valid UTF-8, read the same
  // natively: URLDecoder and decodeURIComponent part ways only where the native decoder throws
  // (`%+F`, an incomplete escape, bytes that are not UTF-8), and there Java's reading below
  // decides. A `+` becomes a space first; a space is no hex digit, so no escape changes.
  try {
    return decodeURIComponent(hasPlus ? s.replaceAll('+', ' ') : s);
  } catch {
    return formDecodeJava(s, replace, whole, base);
  }
}

/**
 * URLDecoder's reading of `s`, escape run by escape run: its errors, or U+FFFD in `replace`
 * mode. {@link formDecodeAt} answers natively where the two agree; a property test holds them
 * to each other.
 *
 * @internal
 */
export function formDecodeJava(s: string, replace: boolean, whole: string, base: number): string {
  let i = s.indexOf('%');
  const hasPlus = s.includes('+');
  if (i === -1) return hasPlus ? s.replaceAll('+', ' ') : s;
  const plain = (chunk: string): string => (hasPlus ? chunk.replaceAll('+', ' ') : chunk);
  let out = plain(s.slice(0, i));
  const n = s.length;
  while (i < n) {
    if (s.charCodeAt(i) !== 0x25) {
      const next = s.indexOf('%', i);
      const end = next === -1 ? n : next;
      out += plain(s.slice(i, end));
      i = end;
      continue;
    }
    // URLDecoder reads every triplet of the run into one byte array and decodes it at once.
    const runStart = i;
    const bytes: number[] = [];
    while (i + 2 < n && s.charCodeAt(i) === 0x25) {
      const pair = parseJavaInt(s, i + 1, i + 3, 16);
      if (!pair.ok) {
        const reason = `${ILLEGAL}Error at index ${pair.errorIndex} in: "${s.slice(i + 1, i + 3)}"`;
        throw new RestliSyntaxError(
          'MALFORMED_ESCAPE',
          reason,
          whole,
          base + i + 1 + pair.errorIndex,
        );
      }
      if (pair.value < 0) {
        throw new RestliSyntaxError(
          'MALFORMED_ESCAPE',
          `${ILLEGAL}negative value`,
          whole,
          base + i,
        );
      }
      bytes.push(pair.value);
      i += 3;
    }
    if (i < n && s.charCodeAt(i) === 0x25) {
      throw new RestliSyntaxError('MALFORMED_ESCAPE', INCOMPLETE, whole, base + i);
    }
    out += utf8Decode(bytes, replace, whole, base + runStart);
  }
  return out;
}
