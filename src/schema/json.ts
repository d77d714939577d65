/**
 * A small bigint-safe JSON reader and writer for schema files (`.pdsc`, snapshots) and Pegasus
 * data: an integer a double cannot hold exactly (beyond 2^53) is read as a `bigint` with every
 * digit, so a `long` default or value never loses a digit.
 *
 * Why not `src/internal/json.ts`: the body reader/writer of the `typed` work had not landed when
 * this was written; once it has, this module should delegate to it (same contract).
 *
 * @module
 */

import { DEFAULT_MAX_DEPTH } from '../codec/limits.ts';
import { RestliEncodeError, RestliSyntaxError } from '../errors.ts';
import { expectOptions, expectString } from '../internal/args.ts';
import { numberText } from '../internal/number-text.ts';
import { setOwn } from '../internal/own.ts';
import { isStackOverflow } from '../internal/stack.ts';
import type { PegasusData } from './model.ts';

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/**
 * Reads one JSON value. Integers outside ±(2^53 − 1) become `bigint`; other numbers are doubles.
 * With `comments`, `/* … *\/` and `// …` count as whitespace (as in `.pdsc` files).
 *
 * @throws {@link RestliSyntaxError} `INVALID_JSON` with the offset of the first wrong character;
 *   `DEPTH_EXCEEDED` for nesting beyond `maxDepth`.
 * @example
 * ```ts
 * readJson('{"id": 9007199254740993}'); // { id: 9007199254740993n }
 * ```
 */
export function readJson(
  text: string,
  options?: { maxDepth?: number; comments?: boolean },
): PegasusData {
  expectString(text, 'text');
  expectOptions(options);
  const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  const comments = options?.comments === true;
  let i = 0;
  const n = text.length;
  const fail = (reason: string, at = i): never => {
    throw new RestliSyntaxError('INVALID_JSON', reason, text, at);
  };
  const space = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x2f && comments) {
        // Schema files are read as Jackson with ALLOW_COMMENTS reads them.
        const next = text.charCodeAt(i + 1);
        if (next === 0x2f) {
          while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
          continue;
        }
        if (next === 0x2a) {
          const end = text.indexOf('*/', i + 2);
          if (end < 0) fail('unterminated comment');
          i = end + 2;
          continue;
        }
      }
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      i++;
    }
  };
  const string = (): string => {
    let out = '';
    let chunk = ++i;
    for (;;) {
      if (i >= n) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail('control character in a string');
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(chunk, i);
      const e = text[i + 1];
      if (e === 'u') {
        for (let k = i + 2; k < i + 6; k++)
          if (!isHexDigit(text.charCodeAt(k))) fail('bad \\u escape');
        out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
        out += ESCAPES[e];
        i += 2;
      } else {
        fail('bad escape');
      }
      chunk = i;
    }
    out += text.slice(chunk, i);
    i++;
    return out;
  };
  const digits = (): void => {
    const start = i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (i === start) fail('expected a digit');
  };
  const number = (): number | bigint => {
    const start = i;
    let integer = true;
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else digits();
    if (text.charCodeAt(i) === 0x2e) {
      integer = false;
      i++;
      digits();
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      integer = false;
      i++;
      const s = text.charCodeAt(i);
      if (s === 0x2b || s === 0x2d) i++;
      digits();
    }
    const literal = text.slice(start, i);
    const value = Number(literal);
    return integer && !Number.isSafeInteger(value) ? BigInt(literal) : value;
  };
  const value = (depth: number): PegasusData => {
    space();
    const c = text.charCodeAt(i);
    if (c === 0x22) return string();
    if (c === 0x2d || isDigit(c)) return number();
    if (c === 0x7b || c === 0x5b) {
      if (depth >= maxDepth) {
        throw new RestliSyntaxError('DEPTH_EXCEEDED', `nesting deeper than ${maxDepth}`, text, i);
      }
      i++;
      space();
      if (c === 0x5b) {
        const list: PegasusData[] = [];
        if (text.charCodeAt(i) === 0x5d) {
          i++;
          return list;
        }
        for (;;) {
          list.push(value(depth + 1));
          space();
          const d = text.charCodeAt(i++);
          if (d === 0x5d) return list;
          if (d !== 0x2c) fail("expected ',' or ']'", i - 1);
        }
      }
      const map: { [key: string]: PegasusData } = {};
      if (text.charCodeAt(i) === 0x7d) {
        i++;
        return map;
      }
      for (;;) {
        space();
        if (text.charCodeAt(i) !== 0x22) fail('expected a property name in double quotes');
        const key = string();
        space();
        if (text.charCodeAt(i) !== 0x3a) fail("expected ':'");
        i++;
        setOwn(map, key, value(depth + 1));
        space();
        const d = text.charCodeAt(i++);
        if (d === 0x7d) return map;
        if (d !== 0x2c) fail("expected ',' or '}'", i - 1);
      }
    }
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return i >= n ? fail('unexpected end of input') : fail('expected a value');
  };
  let result: PegasusData;
  try {
    result = value(0);
  } catch (error) {
    // A caller whose stack is mostly used, or a raised maxDepth: a clean error, not a RangeError.
    if (isStackOverflow(error)) {
      throw new RestliSyntaxError('DEPTH_EXCEEDED', 'nesting too deep for the call stack', text, i);
    }
    throw error;
  }
  space();
  if (i < n) fail('unexpected text after the JSON value');
  return result;
}

/**
 * Writes Pegasus data as compact JSON; bigints print every digit.
 *
 * @throws {@link RestliEncodeError} `NON_FINITE_JSON_NUMBER` for NaN or an infinity, `INVALID_ARGUMENT`
 *   for a value that is not Pegasus data.
 * @example
 * ```ts
 * writeJson({ id: 9007199254740993n, name: 'é' }); // '{"id":9007199254740993,"name":"é"}'
 * ```
 */
export function writeJson(data: PegasusData): string {
  const write = (v: unknown, path: string, depth: number): string => {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'string':
        return JSON.stringify(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'bigint':
        return v.toString();
      case 'number':
        if (!Number.isFinite(v))
          throw new RestliEncodeError('NON_FINITE_JSON_NUMBER', `${v}`, path);
        // Negative zero as Jackson writes it (`String(-0)` is `0`, another number).
        return numberText(v);
      case 'object':
        break;
      default:
        throw new RestliEncodeError('INVALID_ARGUMENT', `a ${typeof v} is not JSON`, path);
    }
    if (depth >= DEFAULT_MAX_DEPTH) {
      throw new RestliEncodeError('DEPTH_EXCEEDED', 'nesting too deep', path);
    }
    if (Array.isArray(v)) {
      return `[${v.map((item, k) => write(item, `${path}[${k}]`, depth + 1)).join(',')}]`;
    }
    const parts: string[] = [];
    for (const [key, item] of Object.entries(v as object)) {
      if (item === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${write(item, `${path}.${key}`, depth + 1)}`);
    }
    return `{${parts.join(',')}}`;
  };
  return write(data, '$', 0);
}
