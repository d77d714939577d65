/**
 * A projection (mask) tree: each field maps to `1` (include), `0` (exclude) or a nested mask;
 * `$*` is the wildcard (every field, array item or map value); inside an array's mask,
 * `$start` and `$count` hold non-negative integers. Field names whose real name contains `$` are
 * written with each `$` doubled (`$$foo`), as on the wire.
 */
export type MaskTree = { [field: string]: 0 | 1 | number | MaskTree };
