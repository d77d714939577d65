/**
 * The iteration order of a `java.util.HashMap<String, …>`. The Java v1 server groups query
 * parameters in a HashMap and unflattens them in its iteration order, and when two names conflict
 * (`a[0]=1&a.b=2`) which one is read first decides the error. Reproducing the order makes our
 * errors the reference's, not an accident of the query's order.
 *
 * @module
 */

import { expectStrings } from './args.ts';

/** `String.hashCode()`: 31-based polynomial over the UTF-16 code units, in 32-bit arithmetic. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** HashMap's default capacity, load factor and treeify thresholds. */
const INITIAL_CAPACITY = 16;
const LOAD_FACTOR = 0.75;
const TREEIFY_THRESHOLD = 8;
const MIN_TREEIFY_CAPACITY = 64;

/** Most keys a table of the initial capacity holds before it resizes (16 × 0.75). */
const SMALL = INITIAL_CAPACITY * LOAD_FACTOR;

/**
 * The order of a table that never resized (what almost every query is): by bucket of the 16,
 * then by insertion, found by an insertion sort without maps or closures. `undefined` when a
 * bucket is crowded enough to resize the table (the general path reproduces that).
 */
function smallTableOrder(keys: readonly string[], spread: readonly number[]): string[] | undefined {
  const n = keys.length;
  const counts = new Array<number>(INITIAL_CAPACITY).fill(0);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const bucket = spread[i]! & (INITIAL_CAPACITY - 1);
    if (++counts[bucket]! > TREEIFY_THRESHOLD) return undefined;
    // Insert after every index of a bucket not above this one (insertion order kept within one).
    let j = order.length;
    while (j > 0 && (spread[order[j - 1]!]! & (INITIAL_CAPACITY - 1)) > bucket) j--;
    order.splice(j, 0, i);
  }
  return order.map((i) => keys[i]!);
}

/**
 * The order in which a default-constructed `HashMap` that received `keys` (distinct, in insertion
 * order) iterates them: by bucket, then by insertion within a bucket (resizes keep that relative
 * order). Buckets are sized as Java sizes them, including the resize that a crowded bucket causes
 * while the table is smaller than 64.
 *
 * Not reproduced: the order inside a bucket that Java has turned into a tree (9 or more colliding
 * names once the table has 64 buckets), which only crafted names reach; there insertion order is
 * kept.
 *
 * @example
 * ```ts
 * javaHashMapOrder(['a[0]', 'a.b']); // ['a.b', 'a[0]']
 * ```
 */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  expectStrings(keys, 'keys');
  const n = keys.length;
  const spread = keys.map((key) => {
    const h = javaStringHash(key);
    return h ^ (h >>> 16);
  });
  if (n <= SMALL) {
    const order = smallTableOrder(keys, spread);
    if (order !== undefined) return order;
  }
  let capacity = INITIAL_CAPACITY;
  let counts = new Map<number, number>();
  const recount = (upTo: number): void => {
    counts = new Map();
    for (let j = 0; j < upTo; j++) {
      const bucket = spread[j]! & (capacity - 1);
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    }
  };
  for (let i = 0; i < n; i++) {
    const bucket = spread[i]! & (capacity - 1);
    const count = (counts.get(bucket) ?? 0) + 1;
    counts.set(bucket, count);
    // putVal: a bin that reaches TREEIFY_THRESHOLD + 1 nodes resizes a small table instead.
    if (count > TREEIFY_THRESHOLD && capacity < MIN_TREEIFY_CAPACITY) {
      capacity *= 2;
      recount(i + 1);
    }
    if (i + 1 > capacity * LOAD_FACTOR) {
      capacity *= 2;
      recount(i + 1);
    }
  }
  const order = keys.map((_, i) => i);
  order.sort((x, y) => (spread[x]! & (capacity - 1)) - (spread[y]! & (capacity - 1)) || x - y);
  return order.map((i) => keys[i]!);
}
