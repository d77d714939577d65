/**
 * The translator's warnings, each kept once. A URL of many identical pieces (a million empty
 * segments) must not hold one warning object per piece, and a URL of many distinct ones must not
 * cost a comparison with every warning before it.
 */

/** A place where a translation rests on a guess, or loses something the target cannot say. */
export interface ConvertWarning {
  /**
   * `SINGLE_VALUE_ASSUMED_SCALAR`, `KEY_KIND_GUESSED`, `EMPTY_CONTAINER_DROPPED`,
   * `EMPTY_KEY_DROPPED`, `LIST_ORDER_CHANGED`, `ONE_ELEMENT_LIST`, `RESOURCE_NOT_FOUND`,
   * `VERSION_GUESSED`.
   */
  code: string;
  message: string;
  /** The parameter name or path segment concerned. */
  where: string;
}

/**
 * Warnings compared one by one before they are indexed. Most URLs warn a handful of times; an
 * index built for every URL (a set and a key string per warning) cost ~7% of a plain translation
 * (bench/README.md).
 */
export const FEW_WARNINGS = 8;

// The lengths keep the parts apart: a place or message can hold any character (`%00` decodes to
// NUL), so a separator alone would join 'b' + 'c␀m' and 'b␀c' + 'm' into one key.
const keyOf = (code: string, where: string, message: string): string =>
  `${code.length}:${where.length}:${code}${where}${message}`;

/**
 * Appends to `into` the warnings not already added through the returned function; the warnings
 * `into` holds before are left as they are and not compared with.
 */
export function distinctWarnings(
  into: ConvertWarning[],
): (code: string, where: string, message: string) => void {
  const first = into.length;
  let seen: Set<string> | undefined;
  return (code, where, message) => {
    if (seen === undefined) {
      for (let i = first; i < into.length; i++) {
        const w = into[i] as ConvertWarning;
        if (w.code === code && w.where === where && w.message === message) return;
      }
      if (into.length - first >= FEW_WARNINGS)
        seen = new Set(into.slice(first).map((w) => keyOf(w.code, w.where, w.message)));
    }
    if (seen !== undefined) {
      const key = keyOf(code, where, message);
      if (seen.has(key)) return;
      seen.add(key);
    }
    into.push({ code, where, message });
  };
}
