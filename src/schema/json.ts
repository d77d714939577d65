/**
 * Pegasus JSON for schema files (`.pdsc`, snapshots) and Pegasus data, bigint-safe: an integer a
 * double cannot hold exactly (beyond 2^53) is read as a `bigint` with every digit, so a `long`
 * default or value never loses a digit.
 *
 * The reading and writing are the library's one JSON reader and writer (`src/internal/json.ts`);
 * this module only fixes the schema side's options: comments allowed, every syntax error coded
 * `INVALID_JSON` (the schema loaders' code), a lone surrogate escaped rather than refused (PDL
 * defaults are text that the PDL reader reads back).
 *
 * @module
 */

import { expectOptions } from '../internal/args.ts';
import { parseJson, stringifyJson } from '../internal/json.ts';
import type { PegasusData } from './model.ts';

/**
 * Reads one JSON value. Integers outside ±(2^53 − 1) become `bigint`; other numbers are doubles.
 * With `comments`, `/* … *\/` and `// …` count as whitespace (as in `.pdsc` files).
 *
 * @throws {@link RestliSyntaxError} `INVALID_JSON` with the offset of the first wrong character;
 *   `DEPTH_EXCEEDED` for nesting beyond `maxDepth`.
 * @example
 * ```ts
 * readJson('{"id": 9007199254740993}'); // { id: 9007199254740993n }
 * readJson('{"a": 1 /* one *\/}', { comments: true }); // { a: 1 }
 * ```
 */
export function readJson(
  text: string,
  options?: { maxDepth?: number; comments?: boolean },
): PegasusData {
  expectOptions(options);
  // The schema loaders' one code for a syntax error, whatever the reader's finer code.
  return parseJson(text, { ...options, code: 'INVALID_JSON' }) as PegasusData;
}

/**
 * Writes Pegasus data as compact JSON; bigints print every digit, a double -0 is `-0.0`, strings
 * are escaped as Jackson escapes them and a lone surrogate as `\uD800`.
 *
 * @throws {@link RestliEncodeError} `NON_FINITE_JSON_NUMBER` for NaN or an infinity, `INVALID_ARGUMENT`
 *   for a value that is not Pegasus data.
 * @example
 * ```ts
 * writeJson({ id: 9007199254740993n, name: 'é' }); // '{"id":9007199254740993,"name":"é"}'
 * ```
 */
export function writeJson(data: PegasusData): string {
  return stringifyJson(data, { loneSurrogates: 'escape' });
}
