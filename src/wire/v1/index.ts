/**
 * `restli-protocol/v1`: protocol 1.0 query parameters. Flattening values to `name=value` pairs
 * (`a.b[0].c=x`), the `~` escaping of name segments, and parsing a 1.0 query back, with which
 * leaves 1.0 could not tell from one-element lists.
 *
 * @packageDocumentation
 */

export { PROJECTION_PARAMS } from '../../internal/projections.ts';
// The error model (ErrorCode and every error class), written once for every entry.
export * from '../../public-errors.ts';
export type { FlattenV1Options, V1Params, V1StringEscaping } from './flatten.ts';
export { encodeQueryV1, flattenV1 } from './flatten.ts';
export { escapeNameSegment, unescapeNameSegment } from './tilde.ts';
export type { DecodedQueryV1, DecodeQueryV1Options, UnflattenV1Options } from './unflatten.ts';
export {
  decodeQueryV1,
  decodeQueryV1Detailed,
  unflattenV1,
  unflattenV1Detailed,
} from './unflatten.ts';
