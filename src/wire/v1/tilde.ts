/**
 * The `~XX` escaping of v1 parameter name segments (spec e.2): inside one segment, the characters
 * that structure a v1 name (`.` between segments, `[` `]` around an index) and the escape
 * character itself are written as the escape character plus two uppercase hex digits.
 *
 * @module
 */

import { type ErrorCode, RestliError, RestliSyntaxError } from '../../errors.ts';
import { argumentError, expectString } from '../../internal/args.ts';
import { hexValue } from '../../internal/percent.ts';

/** Encodes and decodes one string with an ASCII hex codec. */
export interface AsciiHexCodec {
  /** Replaces every reserved character (and the escape character) by its escape. */
  encode(s: string): string;
  /**
   * Replaces every escape by its character. The escape character must be followed by two hex
   * digits of either case, whatever character they name.
   *
   * @throws {@link RestliSyntaxError} when it is not; `offset` is the escape character's.
   */
  decode(s: string): string;
}

const HEX = '0123456789ABCDEF';

/**
 * An ASCII hex codec with escape character `escapeChar` for the characters `reserved` (Java's
 * `AsciiHexEncoding`). The escape character is always reserved too.
 *
 * @param errorCode - the `code` of decoding errors. Default `INVALID_HEX_ESCAPE`.
 * @throws {@link RestliError} `INVALID_CODEC` unless every character is a single one below U+0100
 * (the escape has room for two hex digits).
 * @example
 * ```ts
 * const codec = createAsciiHexCodec('~', ['.', '[', ']']);
 * codec.encode('a.b[0]'); // 'a~2Eb~5B0~5D'
 * codec.decode('a~2eb');  // 'a.b'
 * ```
 */
export function createAsciiHexCodec(
  escapeChar: string,
  reserved: readonly string[],
  errorCode: ErrorCode = 'INVALID_HEX_ESCAPE',
): AsciiHexCodec {
  expectString(escapeChar, 'createAsciiHexCodec: escapeChar');
  if (!Array.isArray(reserved) || reserved.some((ch) => typeof ch !== 'string')) {
    throw argumentError('createAsciiHexCodec: reserved', 'a list of characters', reserved);
  }
  expectString(errorCode, 'createAsciiHexCodec: errorCode');
  const escapes = new Map<number, string>();
  for (const ch of [escapeChar, ...reserved]) {
    if (ch.length !== 1 || ch.charCodeAt(0) > 0xff) {
      throw new RestliError(
        'INVALID_CODEC',
        `ASCII hex codec characters must be single characters below U+0100: ${JSON.stringify(ch)}`,
      );
    }
    const c = ch.charCodeAt(0);
    escapes.set(c, escapeChar + HEX[c >> 4]! + HEX[c & 15]!);
  }
  const escapeCode = escapeChar.charCodeAt(0);

  function encode(s: string): string {
    let out = '';
    let start = 0;
    for (let i = 0; i < s.length; i++) {
      const written = escapes.get(s.charCodeAt(i));
      if (written === undefined) continue;
      out += s.slice(start, i) + written;
      start = i + 1;
    }
    return start === 0 ? s : out + s.slice(start);
  }

  function decode(s: string): string {
    let i = s.indexOf(escapeChar);
    if (i === -1) return s;
    let out = s.slice(0, i);
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c !== escapeCode) {
        out += s[i];
        i++;
        continue;
      }
      if (i + 2 >= s.length) {
        const reason = `${s} - Failed to decode incomplete escaped char at offset ${i}`;
        throw new RestliSyntaxError(errorCode, reason, s, i);
      }
      const high = hexValue(s.charCodeAt(i + 1));
      const low = hexValue(s.charCodeAt(i + 2));
      if (high < 0 || low < 0) {
        const reason = `${s} - Failed to decode escaped char at offset ${i}`;
        throw new RestliSyntaxError(errorCode, reason, s, i);
      }
      out += String.fromCharCode((high << 4) | low);
      i += 3;
    }
    return out;
  }

  return { encode, decode };
}

/** The codec of v1 name segments: `~` escapes `.` `[` `]` and itself. */
const NAME_CODEC = createAsciiHexCodec('~', ['.', '[', ']'], 'INVALID_V1_NAME_ESCAPE');

/** True when a segment holds nothing to escape: most names, which then need no copy. */
const NAME_SPECIALS = /[.[\]~]/;

/**
 * Escapes one v1 name segment (a map key): `.` `[` `]` `~` become `~2E` `~5B` `~5D` `~7E`;
 * everything else, non-ASCII included, is kept.
 *
 * @example
 * ```ts
 * escapeNameSegment('com.linkedin.Group'); // 'com~2Elinkedin~2EGroup'
 * escapeNameSegment('messy~');             // 'messy~7E'
 * ```
 */
export function escapeNameSegment(segment: string): string {
  expectString(segment, 'escapeNameSegment: segment');
  return NAME_SPECIALS.test(segment) ? NAME_CODEC.encode(segment) : segment;
}

/**
 * Decodes the `~XX` escapes of one v1 name segment (hex of either case).
 *
 * @example
 * ```ts
 * unescapeNameSegment('a~5b'); // 'a['
 * ```
 * @throws {@link RestliSyntaxError} `INVALID_V1_NAME_ESCAPE` with the Java message
 * (`~2 - Failed to decode incomplete escaped char at offset 0`) for a `~` not followed by two
 * hex digits.
 */
export function unescapeNameSegment(segment: string): string {
  expectString(segment, 'unescapeNameSegment: segment');
  return NAME_CODEC.decode(segment);
}
