/**
 * The one percent decoder of the Java reference (URIDecoderUtils): `%XX` runs decoded as UTF-8,
 * malformed escapes and invalid UTF-8 reported at the reference's offsets. Below every layer that
 * reads escaped text: the value scanner, keys, queries, URLs, templates, URNs and the v1 form
 * decoder all read `%XX` escapes through this module.
 *
 * It is on the hot path of every decoder, so it decodes ASCII escapes itself and UTF-8 sequences
 * straight from the escapes, without collecting bytes into arrays; only the rare invalid UTF-8 in
 * `'replace'` mode builds a byte array for the WHATWG decoder.
 *
 * @module
 */

import { RestliSyntaxError } from '../errors.ts';
import { expectInteger, expectOptions, expectString } from './args.ts';
import { invalidUtf8Of } from './limits.ts';
import { utf8Continuations } from './utf8.ts';

/** How percent-decoding treats escapes whose bytes are not valid UTF-8. */
export type InvalidUtf8 = 'error' | 'replace';

/** True when the char code `c` is an ASCII hex digit. */
export function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** The value of hex digit `c`, or -1. */
export function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** The byte of the escape `%XX` at `i`, whose two digits are known to be hex. */
function byteAt(s: string, i: number): number {
  return (hexValue(s.charCodeAt(i + 1)) << 4) | hexValue(s.charCodeAt(i + 2));
}

function malformed(input: string, offset: number, digit?: string): RestliSyntaxError {
  const reason =
    digit === undefined
      ? `Malformed percent-encoded octet at index ${offset}`
      : `Malformed percent-encoded octet at index ${offset}, invalid hexadecimal digit '${digit}'`;
  return new RestliSyntaxError('MALFORMED_ESCAPE', reason, input, offset);
}

/**
 * Throws the reference's error for a `%` at `i` of `input` that is not followed by two hex
 * digits. The reference reads the two characters after `%` as hex digits whatever they are, so
 * `%4)` is a bad digit `)`, not a truncated escape before a `)`. `base` and `whole` place a
 * slice inside the larger input the error should point into.
 */
export function checkEscape(input: string, i: number, base = 0, whole = input): void {
  const error = escapeError(input, i, base, whole);
  if (error !== undefined) throw error;
}

/** The error {@link checkEscape} throws, or `undefined` when the escape at `i` is well formed. */
export function escapeError(
  input: string,
  i: number,
  base = 0,
  whole = input,
): RestliSyntaxError | undefined {
  if (i + 2 >= input.length) return malformed(whole, base + i);
  if (!isHex(input.charCodeAt(i + 1))) return malformed(whole, base + i + 1, input[i + 1]);
  if (!isHex(input.charCodeAt(i + 2))) return malformed(whole, base + i + 2, input[i + 2]);
  return undefined;
}

let replacingDecoder: InstanceType<typeof TextDecoder> | undefined;

function invalidUtf8Error(input: string, offset: number): RestliSyntaxError {
  return new RestliSyntaxError(
    'INVALID_UTF8',
    `Percent-encoded octets at index ${offset} are not valid UTF-8`,
    input,
    offset,
  );
}

/**
 * Decodes `s[start, end)`, every `%` of which is known to start a well-formed escape (the caller
 * checked them, in its own order of errors). A run of consecutive escapes is one UTF-8 byte
 * sequence; a sequence that is not UTF-8 is `INVALID_UTF8` at the escape that starts it, or, with
 * `replace`, the rest of its run goes through the WHATWG decoder (U+FFFD, as Java writes).
 * `plus` turns a raw `+` into a space. Offsets in errors are `base +` the index into `s`, and
 * point into `whole`.
 */
export function decodeChecked(
  s: string,
  start: number,
  end: number,
  replace: boolean,
  plus = false,
  base = 0,
  whole = s,
): string {
  let out = '';
  let from = start;
  let i = start;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c !== 0x25) {
      if (plus && c === 0x2b) {
        out += `${s.slice(from, i)} `;
        from = i + 1;
      }
      i++;
      continue;
    }
    if (from < i) out += s.slice(from, i);
    const b = byteAt(s, i);
    if (b < 0x80) {
      // Single-character strings of codes below 256 come from V8's cache: no allocation.
      out += String.fromCharCode(b);
      i += 3;
      from = i;
      continue;
    }
    // The lead byte's payload bits: 5, 4 or 3 for sequences of 2, 3 or 4 bytes.
    const need = utf8Continuations(b);
    let cp = b & (0x3f >> need);
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    let ok = need > 0;
    let j = i + 3;
    for (let k = 0; ok && k < need; k++, j += 3) {
      // Continuation bytes must be escapes of the same run.
      if (j >= end || s.charCodeAt(j) !== 0x25) {
        ok = false;
        break;
      }
      const cb = byteAt(s, j);
      if ((cb & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (cb & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      out +=
        cp < 0x10000
          ? String.fromCharCode(cp)
          : String.fromCharCode(0xd7c0 + (cp >> 10), 0xdc00 | (cp & 0x3ff));
      i = j;
      from = i;
      continue;
    }
    if (!replace) throw invalidUtf8Error(whole, base + i);
    // The rest of the run, from the bad sequence on, is replaced as the WHATWG decoder does.
    let r = i;
    const bytes: number[] = [];
    while (r < end && s.charCodeAt(r) === 0x25) {
      bytes.push(byteAt(s, r));
      r += 3;
    }
    replacingDecoder ??= new TextDecoder('utf-8');
    out += replacingDecoder.decode(Uint8Array.from(bytes));
    i = r;
    from = r;
  }
  return from < end ? out + s.slice(from, end) : out;
}

/** Options of {@link percentDecode}. */
export interface PercentDecodeOptions {
  /** `'error'` (default) rejects invalid UTF-8; `'replace'` writes U+FFFD as Java does. */
  invalidUtf8?: InvalidUtf8;
  /** Decode `+` as a space (HTML form decoding, v1 and query names). Default `false`. */
  plusAsSpace?: boolean;
  /** Added to offsets in errors, when `s` is a slice of a larger input. */
  base?: number;
  /** The larger input `s` was sliced from, for error excerpts. Defaults to `s`. */
  whole?: string;
}

/**
 * Decodes `%XX` escapes as URIDecoderUtils does: a run of consecutive escapes is one UTF-8 byte
 * sequence; `+` stays `+` unless `plusAsSpace`. Malformed escapes are a `MALFORMED_ESCAPE`
 * {@link RestliSyntaxError} whose offset is the one Java's message gives; invalid UTF-8 is
 * `INVALID_UTF8` unless `invalidUtf8: 'replace'`. Errors come in the reference's order: a run's
 * escapes are all checked before its bytes are decoded.
 * @example
 * ```ts
 * percentDecode('a%20b+c'); // 'a b+c'
 * percentDecode('a+b', { plusAsSpace: true }); // 'a b'
 * percentDecode('%E9'); // Error INVALID_UTF8
 * ```
 */
export function percentDecode(s: string, options?: PercentDecodeOptions): string {
  expectString(s, 's');
  expectOptions(options);
  const plus = options?.plusAsSpace === true;
  let i = s.indexOf('%');
  if (i === -1) return plus && s.includes('+') ? s.replaceAll('+', ' ') : s;
  const base = options?.base ?? 0;
  const whole = options?.whole ?? s;
  const replace = invalidUtf8Of(options) === 'replace';
  const n = s.length;
  let out = i > 0 ? decodeChecked(s, 0, i, replace, plus) : '';
  while (i < n) {
    // A run of triplets: check them all, then decode it as one byte sequence.
    let j = i;
    while (j < n && s.charCodeAt(j) === 0x25) {
      checkEscape(s, j, base, whole);
      j += 3;
    }
    out += decodeChecked(s, i, j, replace, false, base, whole);
    const next = s.indexOf('%', j);
    const stop = next === -1 ? n : next;
    if (j < stop) out += plus ? decodeChecked(s, j, stop, replace, true) : s.slice(j, stop);
    i = stop;
  }
  return out;
}

/**
 * Decodes the run of consecutive `%XX` triplets that starts at `start` (URIDecoderUtils'
 * `decodeConsecutiveOctets`): the decoded text and how many characters were read.
 * @example
 * ```ts
 * decodeOctetRun('x%C3%A9y', 1); // { result: 'é', consumed: 6 }
 * ```
 */
export function decodeOctetRun(
  input: string,
  start: number,
  options?: Pick<PercentDecodeOptions, 'invalidUtf8'>,
): { result: string; consumed: number } {
  expectString(input, 'input');
  expectInteger(start, 'start');
  expectOptions(options);
  if (start >= input.length) {
    throw new RestliSyntaxError(
      'MALFORMED_ESCAPE',
      `Cannot decode from index ${start} of a length-${input.length} string`,
      input,
      start,
    );
  }
  if (input.charCodeAt(start) !== 0x25) {
    throw new RestliSyntaxError(
      'MALFORMED_ESCAPE',
      `Must begin decoding from a percent-escaped octet, but found '${input[start]}'`,
      input,
      start,
    );
  }
  let end = start;
  while (input.charCodeAt(end) === 0x25) end += 3;
  end = Math.min(end, input.length);
  const result = percentDecode(input.slice(start, end), { ...options, base: start, whole: input });
  return { result, consumed: end - start };
}

/**
 * UTF-8 bytes to a string, for decoders that collect bytes themselves (the v1 form decoder).
 * Strict mode rejects overlong forms, surrogates and truncated sequences, reporting the offset of
 * the escape that starts the bad sequence (`runOffset + 3 ×` its index).
 */
export function utf8Decode(
  bytes: readonly number[],
  replace: boolean,
  input: string,
  runOffset: number,
): string {
  const n = bytes.length;
  let out = '';
  let k = 0;
  while (k < n) {
    const b = bytes[k]!;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      k++;
      continue;
    }
    // The lead byte's payload bits: 5, 4 or 3 for sequences of 2, 3 or 4 bytes.
    const need = utf8Continuations(b);
    let cp = b & (0x3f >> need);
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    let ok = need > 0 && k + need < n;
    if (ok) {
      for (let j = 1; j <= need; j++) {
        const cb = bytes[k + j];
        if (cb === undefined || (cb & 0xc0) !== 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (cb & 0x3f);
      }
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (!ok) {
      if (replace) {
        replacingDecoder ??= new TextDecoder('utf-8');
        return out + replacingDecoder.decode(Uint8Array.from(bytes.slice(k)));
      }
      throw invalidUtf8Error(input, runOffset + 3 * k);
    }
    out += String.fromCodePoint(cp);
    k += need + 1;
  }
  return out;
}
