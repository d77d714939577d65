/** The body of the translator's table tests, written once. */
import { expect } from 'vitest';
import { type ConvertOptions, type ConvertWarning, convertUrl } from '../../src/migrate/convert.ts';

/** Converts `url` with `options` and expects exactly the URL `expected` and `warnings`. */
export function expectConversion(
  url: string,
  options: ConvertOptions,
  expected: string,
  warnings: readonly ConvertWarning[],
): void {
  const result = convertUrl(url, options);
  expect(result.url).toBe(expected);
  expect(result.warnings).toEqual(warnings);
}
