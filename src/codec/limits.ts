/** Default nesting limit of every encoder and decoder. */
export const DEFAULT_MAX_DEPTH = 256;

/** Default input length limit of the decoders, in UTF-16 code units (16 MiB). */
export const DEFAULT_MAX_LENGTH = 16 * 1024 * 1024;
