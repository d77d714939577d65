/**
 * `restli-protocol/java`: reference-level primitives, named after the Java reference's functions
 * they reproduce byte for byte (`URLEncoder.encode`, `URIDecoderUtils.decodeConsecutiveOctets`,
 * `QueryParamsUtil.dataMapToQueryString`, `UriComponent.encode`…). For conformance work and for
 * building other tools on the wire format; everyday code uses the package root.
 *
 * @packageDocumentation
 */

export type { PercentDecodeOptions, UriComponent } from './codec/escape.ts';
export {
  decodeOctetRun,
  encodeUriComponent,
  percentDecode,
  urlEncoderEncode,
} from './codec/escape.ts';
export { chooseBoundary } from './http/multipart.ts';
export { javaHashMapOrder } from './internal/java-hash-order.ts';
export type { JavaIntResult } from './internal/java-int.ts';
export { javaDigit, parseJavaInt } from './internal/java-int.ts';
export type { UrlParts } from './internal/url-parts.ts';
export { splitUrl } from './internal/url-parts.ts';
// The error model (ErrorCode and every error class), written once for every entry.
export * from './public-errors.ts';
export { decodeQueryParams } from './wire/query.ts';
export { dataMapToQueryString } from './wire/v1/flatten.ts';
export type { FormDecodeOptions } from './wire/v1/form.ts';
export { formDecode } from './wire/v1/form.ts';
export type { NameSegment } from './wire/v1/segment.ts';
export { parseNameSegment } from './wire/v1/segment.ts';
export type { AsciiHexCodec } from './wire/v1/tilde.ts';
export { createAsciiHexCodec } from './wire/v1/tilde.ts';
