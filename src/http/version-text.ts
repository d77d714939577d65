/** The two protocol versions whose wire formats differ. */
export type ProtocolVersionText = '1.0.0' | '2.0.0';

/** Protocol 1.0.0. */
export const V1 = '1.0.0';
/** Protocol 2.0.0. */
export const V2 = '2.0.0';
