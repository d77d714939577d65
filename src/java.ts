/**
 * restli-protocol/java: reference-level primitives under the names of the Java reference.
 *
 * Minimal entry created by the `pack` branch for the build; the owning helper replaces it.
 *
 * @module
 */

export {
  decodeOctetRun,
  encodeUriComponent,
  percentDecode,
  urlEncoderEncode,
} from './codec/escape.ts';
export { RestliError, RestliSyntaxError } from './errors.ts';
export { formDecode } from './wire/v1/form.ts';
