/**
 * The whitespace the mask syntax drops from field names: Java's `Character.isWhitespace`, which is
 * not JavaScript's `\s` (Java keeps U+00A0, U+2007, U+202F and U+FEFF, and drops U+001C–U+001F).
 *
 * @module
 */

/**
 * True when the UTF-16 code unit `c` is whitespace to `Character.isWhitespace`: the Unicode space,
 * line and paragraph separators except the no-break ones, plus tab, line feed, vertical tab, form
 * feed, carriage return and the four information separators U+001C–U+001F.
 *
 * @example
 * ```ts
 * isMaskWhitespace(0x20);   // true
 * isMaskWhitespace(0xa0);   // false: a no-break space is part of the name
 * ```
 */
export function isMaskWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x1680) return false;
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x2006) ||
    (c >= 0x2008 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** True when `name` holds a character {@link isMaskWhitespace} accepts. */
export function hasMaskWhitespace(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (isMaskWhitespace(name.charCodeAt(i))) return true;
  return false;
}
