/**
 * Splitting a URL into origin, path, query and fragment, with the offset where each starts, so
 * that an error found in a part is reported at its place in the whole URL.
 *
 * @module
 */

import { expectString } from './args.ts';

/** A URL cut into its parts (all still encoded) and where each starts in the URL. */
export interface UrlParts {
  /** `scheme://authority`, or '' for a URL that starts at its path. */
  origin: string;
  /** The path: everything after the origin up to `?` or `#`. */
  path: string;
  /** The query without its `?`, or `undefined` when there is no `?` before the fragment. */
  query: string | undefined;
  /** `#` and the fragment, or ''. */
  fragment: string;
  /** Offset of the path in the URL (the origin's length). */
  pathStart: number;
  /** Offset of the query's first character (after `?`); -1 when there is no query. */
  queryStart: number;
}

const ORIGIN = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

/**
 * Splits `url` into origin, path, query and fragment.
 *
 * @example
 * ```ts
 * splitUrl('http://h/a?b=1#c'); // { origin: 'http://h', path: '/a', query: 'b=1', fragment: '#c', pathStart: 8, queryStart: 11 }
 * splitUrl('/a#b?c').query; // undefined
 * ```
 */
export function splitUrl(url: string): UrlParts {
  expectString(url, 'url');
  const origin = ORIGIN.exec(url)?.[0] ?? '';
  const hash = url.indexOf('#', origin.length);
  const end = hash === -1 ? url.length : hash;
  const q = url.indexOf('?', origin.length);
  const hasQuery = q !== -1 && q < end;
  return {
    origin,
    path: url.slice(origin.length, hasQuery ? q : end),
    query: hasQuery ? url.slice(q + 1, end) : undefined,
    fragment: url.slice(end),
    pathStart: origin.length,
    queryStart: hasQuery ? q + 1 : -1,
  };
}

/**
 * `path.split('/')`, in a loop of `indexOf` and `slice`: the native split goes through the
 * runtime and costs twice as much on the short paths of requests.
 */
export function splitSegments(path: string): string[] {
  const segments: string[] = [];
  let start = 0;
  for (;;) {
    const slash = path.indexOf('/', start);
    if (slash === -1) {
      segments.push(path.slice(start));
      return segments;
    }
    segments.push(path.slice(start, slash));
    start = slash + 1;
  }
}
