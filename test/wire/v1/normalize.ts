/**
 * What a v1 round trip (encodeQueryV1, then decodeQueryV1) gives back, for the property tests.
 */
import { leafText } from '../../helpers/arbitraries.ts';
import { referenceTildeEscape as escapeNameSegment } from '../../helpers/reference.ts';

function isLeaf(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/** A value with v1's losses applied below the root; `undefined` when nothing of it is written. */
function normalizeValue(value: unknown): unknown {
  if (isLeaf(value)) return leafText(value);
  if (Array.isArray(value)) {
    // A vanished element leaves a hole in the indexes, which the reader closes.
    const kept = value.map(normalizeValue).filter((element) => element !== undefined);
    return kept.length === 0 ? undefined : kept;
  }
  const out: Record<string, unknown> = {};
  let empty = true;
  for (const [key, child] of Object.entries(value as object)) {
    const normalized = child === undefined ? undefined : normalizeValue(child);
    if (normalized === undefined) continue;
    setOwn(out, key, normalized);
    empty = false;
  }
  return empty ? undefined : out;
}

/**
 * `params` with exactly the documented v1 losses applied (spec e.1, e.4, e.5): leaves become
 * their text (empty strings stay empty strings); empty lists and maps vanish, and so do maps and
 * lists left empty by that; a root list of primitives under a name that needs no `~`-escaping is
 * written as a repeated name, so it comes back sorted as strings, and as a scalar when it has one
 * element; any other root list is indexed and comes back in order.
 *
 * Not handled, because v1 cannot write them at all: lists directly inside lists, empty keys.
 */
export function normalizeV1(params: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    const name = key;
    let normalized: unknown;
    // A root list of primitives repeats its name only when the name needs no `~`-escaping
    // (repeated names are read verbatim); otherwise it is indexed like a nested list.
    if (Array.isArray(value) && value.every(isLeaf) && escapeNameSegment(key) === key) {
      const texts = value.map(leafText).sort();
      if (texts.length === 0) continue;
      normalized = texts.length === 1 ? texts[0] : texts;
    } else {
      normalized = value === undefined ? undefined : normalizeValue(value);
      if (normalized === undefined) continue;
    }
    if (Object.hasOwn(out, name)) return undefined;
    setOwn(out, name, normalized);
  }
  return out;
}

/**
 * The paths decodeQueryV1Detailed reports as single-valued for the round trip of `params`: every
 * string leaf of the normalized params, except the elements of repeated root names.
 */
export function expectedSingleValued(
  normalized: Record<string, unknown>,
  params: Record<string, unknown>,
): string[] {
  const repeated = new Set<string>();
  for (const [key, value] of Object.entries(params)) {
    if (
      Array.isArray(value) &&
      value.length > 1 &&
      value.every(isLeaf) &&
      escapeNameSegment(key) === key
    ) {
      repeated.add(key);
    }
  }
  const paths: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') paths.push(path);
    else if (Array.isArray(value)) {
      for (const [i, element] of value.entries()) walk(element, `${path}[${i}]`);
    } else {
      for (const [key, child] of Object.entries(value as object)) {
        walk(child, `${path}.${escapeNameSegment(key)}`);
      }
    }
  };
  for (const [key, value] of Object.entries(normalized)) {
    if (!repeated.has(key)) walk(value, escapeNameSegment(key));
  }
  return paths.sort();
}
