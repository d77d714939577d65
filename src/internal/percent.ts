/**
 * The percent decoder of the Java reference (URIDecoderUtils): `%XX` runs decoded as UTF-8,
 * malformed escapes and invalid UTF-8 reported at the reference's offsets. Below every layer that
 * reads escaped text: the value scanner, keys, queries, URLs and templates.
 *
 * @module
 */

import { RestliSyntaxError } from '../errors.ts';

/** True when the char code `c` is an ASCII hex digit. */
export function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** The value of hex digit `c`, or -1. */
function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** How percent-decoding treats escapes whose bytes are not valid UTF-8. */
export type InvalidUtf8 = 'error' | 'replace';

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

let replacingDecoder: InstanceType<typeof TextDecoder> | undefined;

/**
 * Decodes `%XX` escapes as URIDecoderUtils does: a run of consecutive escapes is one UTF-8 byte
 * sequence; `+` stays `+` unless `plusAsSpace`. Malformed escapes are a `MALFORMED_ESCAPE`
 * {@link RestliSyntaxError} whose offset is the one Java's message gives; invalid UTF-8 is
 * `INVALID_UTF8` unless `invalidUtf8: 'replace'`.
 * @example
 * ```ts
 * percentDecode('a%20b+c'); // 'a b+c'
 * percentDecode('a+b', { plusAsSpace: true }); // 'a b'
 * percentDecode('%E9'); // Error INVALID_UTF8
 * ```
 */
export function percentDecode(s: string, options?: PercentDecodeOptions): string {
  const plus = options?.plusAsSpace === true;
  let i = s.indexOf('%');
  if (i === -1 && !(plus && s.includes('+'))) return s;
  if (i === -1) return s.replaceAll('+', ' ');
  const base = options?.base ?? 0;
  const whole = options?.whole ?? s;
  const replace = options?.invalidUtf8 === 'replace';
  let out = plus ? s.slice(0, i).replaceAll('+', ' ') : s.slice(0, i);
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c !== 0x25) {
      const next = s.indexOf('%', i);
      const end = next === -1 ? n : next;
      const chunk = s.slice(i, end);
      out += plus ? chunk.replaceAll('+', ' ') : chunk;
      i = end;
      continue;
    }
    // A run of %XX triplets: one UTF-8 byte sequence. ASCII bytes are appended as they come;
    // only bytes of a multi-byte sequence are collected for the UTF-8 decoder.
    let runStart = i;
    let pending: number[] | undefined;
    while (i < n && s.charCodeAt(i) === 0x25) {
      if (i + 2 >= n) throw malformed(whole, base + i);
      const h = hexValue(s.charCodeAt(i + 1));
      if (h < 0) throw malformed(whole, base + i + 1, s[i + 1]);
      const l = hexValue(s.charCodeAt(i + 2));
      if (l < 0) throw malformed(whole, base + i + 2, s[i + 2]);
      const byte = (h << 4) | l;
      if (byte < 0x80 && pending === undefined) {
        out += String.fromCharCode(byte);
        runStart = i + 3;
      } else {
        pending ??= [];
        pending.push(byte);
      }
      i += 3;
    }
    if (pending !== undefined) out += utf8Decode(pending, replace, whole, base + runStart);
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

function malformed(input: string, offset: number, digit?: string): RestliSyntaxError {
  const reason =
    digit === undefined
      ? `Malformed percent-encoded octet at index ${offset}`
      : `Malformed percent-encoded octet at index ${offset}, invalid hexadecimal digit '${digit}'`;
  return new RestliSyntaxError('MALFORMED_ESCAPE', reason, input, offset);
}

/**
 * UTF-8 bytes to a string. Strict mode rejects overlong forms, surrogates and truncated
 * sequences, reporting the offset of the escape that starts the bad sequence.
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
    let need = 0;
    let cp = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0x0f;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x07;
      min = 0x10000;
    }
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
      const offset = runOffset + 3 * k;
      throw new RestliSyntaxError(
        'INVALID_UTF8',
        `Percent-encoded octets at index ${offset} are not valid UTF-8`,
        input,
        offset,
      );
    }
    out += String.fromCodePoint(cp);
    k += need + 1;
  }
  return out;
}
