/**
 * Resource path templates (`albums/{albumId}/photos`): which part of a URL path a template
 * addresses. One rule for every caller (URL parsing, the IDL index): a template is compiled once
 * into its segments, the longest template wins, a template ends at the last path segment or just
 * before the key segment, and static segments are compared with the path segment percent-decoded
 * as the reference decodes it.
 *
 * @module
 */

import { percentDecode } from './percent.ts';

/** A segment of a resource's path template. */
export type TemplateSegment =
  | { kind: 'static'; text: string }
  | { kind: 'placeholder'; name: string };

/**
 * The segments of a template, without empty ones: `/a/{k}/b` → `['a', '{k}', 'b']`.
 *
 * @example
 * ```ts
 * templateSegments('/a/{k}/b'); // ['a', '{k}', 'b']
 * ```
 */
export function templateSegments(template: string): string[] {
  return template.split('/').filter((s) => s !== '');
}

const PLACEHOLDER = /^\{([^}]*)\}$/;

/**
 * The name of a `{name}` placeholder segment, or `undefined` for a static segment.
 *
 * @example
 * ```ts
 * placeholderName('{albumId}'); // 'albumId'
 * placeholderName('albums'); // undefined
 * ```
 */
export function placeholderName(segment: string): string | undefined {
  return PLACEHOLDER.exec(segment)?.[1];
}

/**
 * A template compiled once: its segments, each static text or a placeholder's name. Callers that
 * match many paths (the IDL index, `parseUrl`) keep this instead of re-splitting the template.
 *
 * @example
 * ```ts
 * compileTemplate('/a/{k}'); // [{ kind: 'static', text: 'a' }, { kind: 'placeholder', name: 'k' }]
 * ```
 */
export function compileTemplate(template: string): TemplateSegment[] {
  return templateSegments(template).map((s): TemplateSegment => {
    const name = placeholderName(s);
    return name === undefined ? { kind: 'static', text: s } : { kind: 'placeholder', name };
  });
}

/**
 * A path segment decoded for comparison with a template's static segment; one that does not
 * decode is compared as it is.
 *
 * @example
 * ```ts
 * decodedSegment('a%20b'); // 'a b'
 * decodedSegment('a%zz'); // 'a%zz'
 * ```
 */
export function decodedSegment(segment: string): string {
  // Resource names are plain words: most segments have nothing to decode.
  if (segment.indexOf('%') === -1) return segment;
  try {
    return percentDecode(segment);
  } catch {
    return segment;
  }
}

/**
 * Whether `template` fits `segments` from index `start` on: every static segment equal to the
 * decoded path segment (placeholders take any segment). `decoded` memoises decoded segments
 * across the templates one match tries.
 *
 * @example
 * ```ts
 * templateFits(compileTemplate('a/{k}'), ['v2', 'a', '7'], 1); // true
 * ```
 */
export function templateFits(
  template: readonly TemplateSegment[],
  segments: readonly string[],
  start: number,
  decoded?: (string | undefined)[],
): boolean {
  if (start < 0 || start + template.length > segments.length) return false;
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    if (t.kind !== 'static') continue;
    const at = start + i;
    let text = decoded?.[at];
    if (text === undefined) {
      text = decodedSegment(segments[at]!);
      if (decoded) decoded[at] = text;
    }
    if (text !== t.text) return false;
  }
  return true;
}

/**
 * Where `template` (compiled by {@link compileTemplate}) matches `segments`, leaving at most one
 * segment (the key) after it: the index of its first segment, the first such index, or -1.
 *
 * @example
 * ```ts
 * matchTemplate(['v2', 'albums', '7', 'photos'], compileTemplate('albums/{id}/photos')); // 1
 * matchTemplate(['a', 'b'], compileTemplate('c')); // -1
 * ```
 */
export function matchTemplate(
  segments: readonly string[],
  template: readonly TemplateSegment[],
): number {
  // Only the two last places leave at most one segment after the template; the earlier wins.
  const first = Math.max(0, segments.length - template.length - 1);
  for (let start = first; start + template.length <= segments.length; start++) {
    if (templateFits(template, segments, start)) return start;
  }
  return -1;
}
