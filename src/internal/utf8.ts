/**
 * UTF-8 with no silent change: encoding refuses a lone surrogate (where `TextEncoder` would send
 * U+FFFD), strict decoding reports the byte where the first ill-formed sequence starts. One
 * validity rule (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF) serves every
 * decoder.
 *
 * @module
 */

import { type ErrorCode, LoneSurrogateError, RestliSyntaxError } from '../errors.ts';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The index of the first lone surrogate in `s`, or -1.
 *
 * @example
 * ```ts
 * loneSurrogateIndex('a\ud800'); // 1
 * loneSurrogateIndex('😀'); // -1
 * ```
 */
export function loneSurrogateIndex(s: string): number {
  return LONE_SURROGATE.exec(s)?.index ?? -1;
}

let encoder: InstanceType<typeof TextEncoder> | undefined;

/**
 * `s` as UTF-8 bytes; a lone surrogate is an error, not a silent U+FFFD.
 *
 * @example
 * ```ts
 * Array.from(utf8Encode('é')); // [0xc3, 0xa9]
 * utf8Encode('\ud800'); // Error LONE_SURROGATE
 * ```
 */
export function utf8Encode(s: string): Uint8Array {
  const lone = loneSurrogateIndex(s);
  if (lone !== -1) throw new LoneSurrogateError(s, lone);
  encoder ??= new TextEncoder();
  return encoder.encode(s);
}

/**
 * How many continuation bytes a UTF-8 lead byte announces: 1 for C2–DF, 2 for E0–EF, 3 for
 * F0–F4, and 0 for a byte that cannot start a multi-byte sequence (ASCII, a continuation byte,
 * the overlong leads C0 and C1, F5 and above). The one classification of lead bytes: the percent
 * decoders and {@link utf8SequenceLength} all read it here (small enough for V8 to inline).
 *
 * @example
 * ```ts
 * utf8Continuations(0xc3); // 1
 * utf8Continuations(0xc0); // 0
 * ```
 */
export function utf8Continuations(lead: number): number {
  if (lead < 0xc2) return 0;
  if (lead <= 0xdf) return 1;
  if (lead <= 0xef) return 2;
  return lead <= 0xf4 ? 3 : 0;
}

/**
 * How many bytes the well-formed UTF-8 sequence starting at `bytes[i]` takes, or 0 when it is
 * ill-formed (a stray continuation byte, an overlong form, a surrogate, a code point past
 * U+10FFFF, or a sequence cut short).
 *
 * @example
 * ```ts
 * utf8SequenceLength([0xc3, 0xa9], 0); // 2
 * utf8SequenceLength([0xc0, 0x80], 0); // 0
 * ```
 */
export function utf8SequenceLength(bytes: ArrayLike<number>, i: number): number {
  const c = bytes[i]!;
  if (c < 0x80) return 1;
  const need = utf8Continuations(c);
  if (need === 0) return 0;
  // The range of the second byte excludes overlong forms, surrogates and code points > U+10FFFF.
  let low = 0x80;
  let high = 0xbf;
  if (c === 0xe0) low = 0xa0;
  else if (c === 0xed) high = 0x9f;
  else if (c === 0xf0) low = 0x90;
  else if (c === 0xf4) high = 0x8f;
  for (let k = 1; k <= need; k++) {
    const b = bytes[i + k];
    if (b === undefined || b < low || b > high) return 0;
    low = 0x80;
    high = 0xbf;
  }
  return need + 1;
}

/**
 * The offset of the first byte that does not start a well-formed UTF-8 sequence; `bytes.length`
 * when all of them are well-formed.
 *
 * @example
 * ```ts
 * invalidUtf8Offset([0x61, 0xe0, 0x80, 0x80]); // 1
 * ```
 */
export function invalidUtf8Offset(bytes: ArrayLike<number>): number {
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

let fatalDecoder: InstanceType<typeof TextDecoder> | undefined;

/** `bytes` with one character per byte, so that an excerpt of bytes can show a caret. */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return s;
}

/**
 * `bytes` as UTF-8 text; invalid UTF-8 is an error with the byte offset of the first bad sequence
 * (a byte order mark is kept as U+FEFF, since the bytes are content, not a document).
 *
 * @param code The error code to throw, so that each caller names its own failure.
 * @throws {@link RestliSyntaxError} with `code`; its input shows one character per byte.
 * @example
 * ```ts
 * utf8DecodeStrict(Uint8Array.of(0x68, 0x69)); // 'hi'
 * utf8DecodeStrict(Uint8Array.of(0xc0, 0x80)); // Error INVALID_UTF8
 * ```
 */
export function utf8DecodeStrict(bytes: Uint8Array, code: ErrorCode = 'INVALID_UTF8'): string {
  fatalDecoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return fatalDecoder.decode(bytes);
  } catch {
    const offset = invalidUtf8Offset(bytes);
    throw new RestliSyntaxError(code, `Invalid UTF-8 at byte ${offset}`, latin1(bytes), offset);
  }
}
