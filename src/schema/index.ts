/**
 * restli-protocol/schema: Pegasus schemas (PDSC, PDL) and typed values.
 *
 * Minimal entry created by the `pack` branch for the build; the owning helper replaces it.
 *
 * @module
 */

export {};
