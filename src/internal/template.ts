/**
 * Resource path templates (`albums/{albumId}/photos`): which part of a URL path a template
 * addresses. One rule for every caller (URL parsing, the IDL index): the longest template wins,
 * and static segments are compared with the path segment percent-decoded as the reference
 * decodes it.
 *
 * @module
 */

import { percentDecode } from './percent.ts';

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
  try {
    return percentDecode(segment);
  } catch {
    return segment;
  }
}

/**
 * Where `template` (as {@link templateSegments}) matches `segments`, leaving at most one segment
 * (the key) after it: the index of its first segment, the first such index, or -1.
 *
 * @example
 * ```ts
 * matchTemplate(['v2', 'albums', '7', 'photos'], ['albums', '{id}', 'photos']); // 1
 * matchTemplate(['a', 'b'], ['c']); // -1
 * ```
 */
export function matchTemplate(segments: readonly string[], template: readonly string[]): number {
  for (let start = 0; start + template.length <= segments.length; start++) {
    if (segments.length - start - template.length > 1) continue;
    const fits = template.every(
      (t, i) => placeholderName(t) !== undefined || decodedSegment(segments[start + i]!) === t,
    );
    if (fits) return start;
  }
  return -1;
}

/**
 * The template of `templates` that {@link matchTemplate} matches with the most segments (the
 * first of equally long ones), and where it starts; `undefined` when none matches.
 *
 * @example
 * ```ts
 * matchLongest(['albums', '7', 'photos'], [['albums'], ['albums', '{id}', 'photos']]); // { index: 1, start: 0 }
 * ```
 */
export function matchLongest(
  segments: readonly string[],
  templates: readonly (readonly string[])[],
): { index: number; start: number } | undefined {
  let best: { index: number; start: number } | undefined;
  let bestLength = -1;
  templates.forEach((template, index) => {
    if (template.length <= bestLength) return;
    const start = matchTemplate(segments, template);
    if (start !== -1) {
      best = { index, start };
      bestLength = template.length;
    }
  });
  return best;
}
