// The default limits live with the length check in src/internal/limits.ts (the bottom layer, so
// that internal modules such as the JSON reader use them without an arrow pointing up).
export { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH } from '../internal/limits.ts';
