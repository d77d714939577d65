/**
 * Java's `String.trim`: every character up to U+0020 (controls and the space) goes from both
 * ends. Java readers trim where the JavaScript `trim` (Unicode white space) would differ.
 */

/** Bounds of `s.slice(start, end)` trimmed as Java's `String.trim` does. */
export function javaTrimmed(s: string, start: number, end: number): [number, number] {
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return [start, end];
}
