/**
 * The protocol versions whose wire formats differ, as text: the kernel of every layer that writes
 * one version or the other (wire, http, migrate).
 *
 * @module
 */

/** The two protocol versions whose wire formats differ. */
export type ProtocolVersionText = '1.0.0' | '2.0.0';

/** Protocol 1.0.0. */
export const V1 = '1.0.0';
/** Protocol 2.0.0. */
export const V2 = '2.0.0';
