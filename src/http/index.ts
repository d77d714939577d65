/**
 * restli-protocol/http: URLs, versions, id headers, tunneling, multipart, content types, patches.
 *
 * Minimal entry created by the `pack` branch for the build; the owning helper replaces it.
 *
 * @module
 */

export { RestliEncodeError, RestliError, RestliSyntaxError } from '../errors.ts';
export * from './content-type.ts';
export * from './id-header.ts';
export * from './multipart.ts';
export * from './patch.ts';
export * from './tunnel.ts';
export * from './url.ts';
export * from './version.ts';
export * from './version-text.ts';
