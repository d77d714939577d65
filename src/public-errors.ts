/**
 * The error model as every public entry exports it: the `ErrorCode` union and every error class
 * (not the kernel's caret helpers). Each entry re-exports this module with `export *`, so the list
 * is written once and every entry's documentation links to the same classes.
 *
 * @module
 */

export type { ErrorCode } from './errors.ts';
export {
  LoneSurrogateError,
  RestliEncodeError,
  RestliError,
  RestliPatchError,
  RestliSchemaError,
  RestliSourceSyntaxError,
  RestliSyntaxError,
} from './errors.ts';
