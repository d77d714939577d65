/** Helpers of the schema tests: fixture files and a normalising comparison of schema models. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir` whose name ends with `suffix`, as paths relative to `dir`, sorted. */
export function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(suffix)) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

export const readText = (path: string): string => readFileSync(path, 'utf8');

/**
 * A canonical form of a schema model (or any data) for comparisons: object keys sorted, bigints
 * and numbers written alike (a long default may be a number in one syntax and a bigint in the
 * other only if its value is the same).
 */
export function normalize(value: unknown): unknown {
  if (typeof value === 'bigint') return { $number: value.toString() };
  if (typeof value === 'number')
    return { $number: Number.isInteger(value) ? BigInt(value).toString() : String(value) };
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = normalize(item);
    }
    return out;
  }
  return value;
}
