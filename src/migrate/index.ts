/**
 * `restli-protocol/migrate`: moving a client from protocol 1.0 to 2.0. Version detection, the
 * URL translator, and the IDL index (restspecs and snapshots) that tells it the kinds and types.
 *
 * @packageDocumentation
 */

// The error model (ErrorCode and every error class), written once for every entry.
export * from '../public-errors.ts';

export type {
  CheckOptions,
  CheckReport,
  CheckRequest,
  CheckSummary,
} from './check.ts';
export {
  CheckTotals,
  checkRequest,
  formatCheckReport,
  formatCheckSummary,
} from './check.ts';
export type { ConvertOptions, ConvertResult, ConvertWarning } from './convert.ts';
export { convertUrl } from './convert.ts';
export type { Detection, DetectOptions, Evidence } from './detect.ts';
export { detectVersion } from './detect.ts';
export type {
  OperationParameters,
  ParameterInfo,
  ResourceIndex,
  ResourceInfo,
  ResourceMatch,
  ResourcesInput,
  Restspec,
  RestspecOperations,
  RestspecParameter,
  SchemaType,
  Snapshot,
  TemplateSegment,
  TypeShape,
} from './idl.ts';
export { loadResources, RestliIdlError, resourceDescription } from './idl.ts';
