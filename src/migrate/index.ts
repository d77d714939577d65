/**
 * restli-protocol/migrate: the protocol 1.0 ⇄ 2.0 translator, version detection and IDL loading.
 *
 * Minimal entry created by the `pack` branch for the build; the owning helper replaces it.
 *
 * @module
 */

export { RestliEncodeError, RestliError, RestliSyntaxError } from '../errors.ts';
export * from './convert.ts';
export * from './detect.ts';
export * from './idl.ts';
