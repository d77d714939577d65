/**
 * Splitting a query string on `&` and `=`, keeping every offset into the whole query so that an
 * error found later in a name or a value points at its character in the query.
 *
 * @module
 */

/** One non-empty `name=value` piece of a query, as offsets into the query. */
export interface QueryPiece {
  /** Offset of the piece's first character (its name's). */
  readonly start: number;
  /** Offset just past the name: the first `=`, or {@link QueryPiece.end} when there is none. */
  readonly nameEnd: number;
  /** Offset of the value: just past the `=`, or {@link QueryPiece.end} when there is none. */
  readonly valueStart: number;
  /** Offset just past the piece: the `&` that ends it, or the query's length. */
  readonly end: number;
  /** Whether the piece has an `=` (a piece without one is a name alone). */
  readonly hasValue: boolean;
}

/**
 * The non-empty pieces of `query` between `separator`s, each split at its first `equals`. Empty
 * pieces (`a=1&&b=2`, a trailing `&`) are skipped; what an empty name means is the caller's rule.
 *
 * @example
 * ```ts
 * splitQuery('a=1&&b').map((p) => [p.start, p.nameEnd, p.valueStart, p.end]); // [[0, 1, 2, 3], [5, 6, 6, 6]]
 * ```
 */
export function splitQuery(query: string, separator = '&', equals = '='): QueryPiece[] {
  const pieces: QueryPiece[] = [];
  const n = query.length;
  for (let start = 0; start < n; ) {
    let end = query.indexOf(separator, start);
    if (end === -1) end = n;
    if (end > start) {
      const eq = query.indexOf(equals, start);
      const hasValue = eq !== -1 && eq < end;
      const nameEnd = hasValue ? eq : end;
      pieces.push({ start, nameEnd, valueStart: hasValue ? eq + 1 : end, end, hasValue });
    }
    start = end + 1;
  }
  return pieces;
}
