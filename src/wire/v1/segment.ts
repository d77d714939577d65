/**
 * One segment of a v1 parameter name: `name` or `name[index]`, the name `~`-escaped (spec e.2,
 * e.4). Java's `PathSegment`.
 *
 * @module
 */

import { RestliSyntaxError } from '../../errors.ts';
import { expectString } from '../../internal/args.ts';
import { parseJavaInt } from '../../internal/java-int.ts';
import { unescapeNameSegment } from './tilde.ts';

/** A parsed name segment: the decoded map key, and the list index when it ends in `[n]`. */
export interface NameSegment {
  /** The map key, `~`-decoded. */
  name: string;
  /** The index of `name[index]`; absent for a plain name. */
  index?: number;
}

const PREFIX = 'Path segment parsing error.';

/**
 * Parses one `.`-separated segment of a v1 name. A segment that ends in `]` must be
 * `name[index]`: a non-empty name and an integer index as Java's `Integer.parseInt` reads it
 * (`01` and `+1` are 1), not negative. Any other segment is a plain name, `[` included. The name
 * is `~`-decoded after the index has been split off, so `a~5B0~5D[1]` is key `a[0]`, index 1.
 *
 * @example
 * ```ts
 * parseNameSegment('abc[123]');   // { name: 'abc', index: 123 }
 * parseNameSegment('a~2Eb');      // { name: 'a.b' }
 * ```
 * @throws {@link RestliSyntaxError} with Java's message and the offset into `segment`:
 * `MISSING_V1_BRACKET` (`a]`), `MISSING_V1_NAME` (`[1]`), `INVALID_V1_INDEX` (`a[x]`, `a[]`),
 * `NEGATIVE_V1_INDEX` (`a[-1]`), `INVALID_V1_NAME_ESCAPE` (`a~2`), `EMPTY_V1_SEGMENT` (``).
 */
export function parseNameSegment(segment: string): NameSegment {
  expectString(segment, 'parseNameSegment: segment');
  if (segment === '') {
    throw new RestliSyntaxError(
      'EMPTY_V1_SEGMENT',
      'empty segment in a v1 parameter name',
      segment,
      0,
    );
  }
  if (segment.charCodeAt(segment.length - 1) !== 0x5d)
    return { name: unescapeNameSegment(segment) };
  const open = segment.lastIndexOf('[');
  if (open === -1) {
    const reason = `${PREFIX}  '[' expected but not found: ${segment}`;
    throw new RestliSyntaxError('MISSING_V1_BRACKET', reason, segment, segment.length - 1);
  }
  if (open === 0) {
    const reason = `${PREFIX}  Path segment name expected before '[' but not found: ${segment}`;
    throw new RestliSyntaxError('MISSING_V1_NAME', reason, segment, 0);
  }
  const index = parseJavaInt(segment, open + 1, segment.length - 1, 10);
  if (!index.ok) {
    const reason = `${PREFIX} Invalid Non-integer key index:  ${segment}`;
    throw new RestliSyntaxError('INVALID_V1_INDEX', reason, segment, open + 1 + index.errorIndex);
  }
  if (index.value < 0) {
    const reason = `${PREFIX}  Negative integer key index not allowed: ${segment}`;
    throw new RestliSyntaxError('NEGATIVE_V1_INDEX', reason, segment, open + 1);
  }
  return { name: unescapeNameSegment(segment.slice(0, open)), index: index.value };
}
