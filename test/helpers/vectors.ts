/**
 * The Java reference vectors (copied from the spec folder into test/fixtures) and helpers to turn
 * their special leaf forms into the values our API takes.
 */
import { readFileSync } from 'node:fs';

export interface Vector {
  source: string;
  kind: string;
  context: string | null;
  input: unknown;
  expected: unknown;
  equivalentOutput?: unknown;
  expectedRawQuery?: string;
  expectedDecoded?: unknown;
  expectedParsed?: unknown;
  note: string | null;
}

export const vectors: readonly Vector[] = JSON.parse(
  readFileSync(new URL('../fixtures/java-reference.json', import.meta.url), 'utf8'),
);

/** The vectors of one kind, each labelled for a table-driven `test.each`. */
export function vectorsOf(kind: string): Vector[] {
  return vectors.filter((v) => v.kind === kind);
}

/** Java leaf types whose text form we do not reproduce (documented difference: Java doubles). */
const JAVA_ONLY_LEAVES = ['$double', '$float', '$bytes'];

/** True when the vector holds a leaf whose Java text we deliberately do not match. */
export function hasJavaOnlyLeaf(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasJavaOnlyLeaf);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && JAVA_ONLY_LEAVES.includes(keys[0]!)) return true;
    return Object.values(value).some(hasJavaOnlyLeaf);
  }
  return false;
}

/** Converts `{"$long": "…"}` leaves to bigints; everything else is kept. */
export function fromJava(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJava);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === '$long') return BigInt(entries[0]![1] as string);
    return Object.fromEntries(entries.map(([k, v]) => [k, fromJava(v)]));
  }
  return value;
}
