/**
 * `restli-protocol/migrate`: moving a client from protocol 1.0 to 2.0. Version detection, the
 * URL translator, and the IDL index (restspecs and snapshots) that tells it the kinds and types.
 *
 * @packageDocumentation
 */

export type { ConvertOptions, ConvertResult, ConvertWarning } from './convert.ts';
export { convertUrl } from './convert.ts';
export type { Detection, Evidence } from './detect.ts';
export { detectVersion } from './detect.ts';
export type {
  ParameterInfo,
  ResourceIndex,
  ResourceInfo,
  Restspec,
  RestspecOperations,
  RestspecParameter,
  SchemaType,
  Snapshot,
  TypeShape,
} from './idl.ts';
export { loadResources } from './idl.ts';
