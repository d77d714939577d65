/**
 * Pegasus JSON: the body format of Rest.li (Java's `JacksonDataCodec`). One reader and one writer
 * for the whole library (bodies, CLI input):
 *
 * - the reader keeps every digit of an integer that a double cannot hold exactly (beyond 2^53) as a
 *   `bigint`, refuses nesting beyond a limit before it can overflow the stack (it is iterative), and
 *   reports the offset of the first wrong character;
 * - the writer escapes strings as Jackson does (`\"`, `\\`, `\b \t \n \f \r`, other controls as
 *   `\u00XX` with upper-case hex, everything else raw) and can indent as Jackson's default pretty
 *   printer does (`"a" : 1`, `[ ]`, `{ }`), which is what the Java reference's recorded bodies show.
 *
 * Schema files use the same reader and writer with two options: `comments` (a `.pdsc` file is read
 * as Jackson with `ALLOW_COMMENTS` reads it) and `loneSurrogates: 'escape'` (PDL is text, not
 * UTF-8 bytes on the wire: a lone surrogate in a default is written as a `\uD800` escape, which
 * the PDL reader gives back, instead of being refused).
 *
 * Objects are built as `JSON.parse` builds them: `__proto__` is an ordinary own key, a repeated key
 * keeps its last value.
 *
 * @module
 */

import { type ErrorCode, RestliEncodeError, RestliSyntaxError } from '../errors.ts';
import { expectOptions, expectString } from './args.ts';
import { DEFAULT_MAX_DEPTH, maxDepthOf } from './limits.ts';
import { setOwn } from './own.ts';
import { hexValue } from './percent.ts';

/** A JSON value as this reader returns it and this writer accepts it. */
export type JsonValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** Options of {@link parseJson}. */
export interface ParseJsonOptions {
  /** Nesting limit; defaults to {@link DEFAULT_MAX_DEPTH}. */
  maxDepth?: number;
  /**
   * Code of the syntax errors (not of `DEPTH_EXCEEDED`). Default: the specific `JSON_*` codes
   * (`UNEXPECTED_JSON_END`, `UNEXPECTED_JSON_TOKEN`, `INVALID_JSON_ESCAPE`, `INVALID_JSON_NUMBER`,
   * `TRAILING_JSON_TEXT`); the body decoder passes `INVALID_JSON`, its code since 1.0.
   */
  code?: ErrorCode;
  /**
   * Read `/* … *\/` and `// …` as whitespace, as Jackson with `ALLOW_COMMENTS` does (`.pdsc`
   * files, snapshots). Default `false`: strict JSON.
   */
  comments?: boolean;
}

/** The two-character escapes of a JSON string, as code units. */
const ESCAPED: Record<string, number> = {
  '"': 0x22,
  '\\': 0x5c,
  '/': 0x2f,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
};

/**
 * The code unit a JSON string escape stands for, `text[i]` being its backslash; -1 when it is not
 * one (`\x`, a `\u` without four hex digits, the end of the text). The escape spans 6 characters
 * when `text[i + 1]` is `u`, else 2. One decoder for JSON strings and PDL string literals (whose
 * escapes are JSON's).
 *
 * @example
 * ```ts
 * jsonEscapeAt('a\\u00e9', 1); // 233
 * jsonEscapeAt('\\n', 0); // 10
 * jsonEscapeAt('\\x', 0); // -1
 * ```
 */
export function jsonEscapeAt(text: string, i: number): number {
  const e = text[i + 1];
  if (e === 'u') {
    let code = 0;
    for (let k = i + 2; k < i + 6; k++) {
      const digit = hexValue(text.charCodeAt(k));
      if (digit < 0) return -1;
      code = code * 16 + digit;
    }
    return code;
  }
  return e !== undefined && Object.hasOwn(ESCAPED, e) ? ESCAPED[e]! : -1;
}

/**
 * Parses `text` as one JSON value. Integers outside ±(2^53 − 1) become `bigint` with every digit;
 * other numbers are doubles.
 *
 * @throws {@link RestliSyntaxError} with a `JSON_*` code (or `options.code`) and the offset of the
 *   first wrong character; `DEPTH_EXCEEDED` for nesting beyond `maxDepth`.
 * @example
 * ```ts
 * parseJson('{"id":9223372036854775807}'); // { id: 9223372036854775807n }
 * ```
 */
export function parseJson(text: string, options?: ParseJsonOptions): JsonValue {
  expectString(text, 'text');
  expectOptions(options);
  return new Reader(text, maxDepthOf(options), options?.code, options?.comments === true).read();
}

type Container =
  | { array: JsonValue[]; key?: undefined }
  | { object: Record<string, JsonValue>; key: string };

class Reader {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly code: ErrorCode | undefined,
    private readonly comments: boolean,
  ) {}

  private fail(code: ErrorCode, reason: string, at = this.i): never {
    throw new RestliSyntaxError(this.code ?? code, reason, this.text, at);
  }

  private space(): void {
    const t = this.text;
    let i = this.i;
    while (i < t.length) {
      const c = t.charCodeAt(i);
      if (c === 0x2f && this.comments) {
        const next = t.charCodeAt(i + 1);
        if (next === 0x2f) {
          // A line comment runs to the end of the line (or of the text).
          while (i < t.length && t.charCodeAt(i) !== 0x0a && t.charCodeAt(i) !== 0x0d) i++;
          continue;
        }
        if (next === 0x2a) {
          const end = t.indexOf('*/', i + 2);
          if (end < 0) {
            this.i = i;
            this.fail('UNEXPECTED_JSON_END', 'Unterminated comment');
          }
          i = end + 2;
          continue;
        }
      }
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i++;
    }
    this.i = i;
  }

  private expected(what: string): never {
    if (this.i >= this.text.length) {
      this.fail('UNEXPECTED_JSON_END', `Unexpected end of input, expected ${what}`);
    }
    this.fail('UNEXPECTED_JSON_TOKEN', `Expected ${what}`);
  }

  /** Reads the whole text iteratively: a stack of open containers, no recursion. */
  read(): JsonValue {
    const stack: Container[] = [];
    let result: JsonValue = null;
    const t = this.text;
    for (;;) {
      this.space();
      // A value starts here (or a container opens).
      let value: JsonValue;
      const c = t.charCodeAt(this.i);
      if (c === 0x7b || c === 0x5b) {
        if (stack.length >= this.maxDepth) {
          throw new RestliSyntaxError(
            'DEPTH_EXCEEDED',
            `Nesting deeper than ${this.maxDepth} levels`,
            t,
            this.i,
          );
        }
        this.i++;
        this.space();
        if (c === 0x5b) {
          if (t.charCodeAt(this.i) === 0x5d) {
            this.i++;
            value = [];
          } else {
            stack.push({ array: [] });
            continue;
          }
        } else if (t.charCodeAt(this.i) === 0x7d) {
          this.i++;
          value = {};
        } else {
          stack.push({ object: {}, key: this.key() });
          continue;
        }
      } else if (c === 0x22) {
        value = this.string();
      } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        value = this.number();
      } else if (t.startsWith('true', this.i)) {
        this.i += 4;
        value = true;
      } else if (t.startsWith('false', this.i)) {
        this.i += 5;
        value = false;
      } else if (t.startsWith('null', this.i)) {
        this.i += 4;
        value = null;
      } else {
        this.expected('a value');
      }
      // After a value: store it, then close containers or move to the next element.
      for (;;) {
        const top = stack[stack.length - 1];
        if (top === undefined) {
          result = value;
          this.space();
          if (this.i < t.length)
            this.fail('TRAILING_JSON_TEXT', 'Unexpected text after the JSON value');
          return result;
        }
        if ('array' in top) top.array.push(value);
        else setOwn(top.object, top.key, value);
        this.space();
        const d = t.charCodeAt(this.i);
        if (d === 0x2c) {
          this.i++;
          if ('object' in top) {
            this.space();
            top.key = this.key();
          }
          break;
        }
        if ('array' in top ? d !== 0x5d : d !== 0x7d) {
          this.expected('array' in top ? "',' or ']'" : "',' or '}'");
        }
        this.i++;
        stack.pop();
        value = 'array' in top ? top.array : top.object;
      }
    }
  }

  /** A property name and its `:`. */
  private key(): string {
    if (this.text.charCodeAt(this.i) !== 0x22) this.expected('a property name in double quotes');
    const key = this.string();
    this.space();
    if (this.text.charCodeAt(this.i) !== 0x3a) this.expected("':' after a property name");
    this.i++;
    return key;
  }

  private string(): string {
    const t = this.text;
    const n = t.length;
    let i = this.i + 1;
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= n) {
        this.i = n;
        this.fail('UNEXPECTED_JSON_END', 'Unterminated string');
      }
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        out += t.slice(chunk, i);
        this.i = i + 1;
        return out;
      }
      if (c < 0x20) {
        this.i = i;
        this.fail('UNEXPECTED_JSON_TOKEN', 'Control character in a string');
      }
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += t.slice(chunk, i);
      const code = jsonEscapeAt(t, i);
      const unicode = t.charCodeAt(i + 1) === 0x75;
      if (code < 0) {
        this.i = i;
        if (i + 1 >= n) this.fail('UNEXPECTED_JSON_END', 'Unterminated string');
        this.fail('INVALID_JSON_ESCAPE', unicode ? 'Invalid \\u escape' : 'Invalid escape');
      }
      out += String.fromCharCode(code);
      i += unicode ? 6 : 2;
      chunk = i;
    }
  }

  private digits(): void {
    const t = this.text;
    const start = this.i;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c < 0x30 || c > 0x39) break;
      this.i++;
    }
    if (this.i === start) this.expected('a digit');
  }

  private number(): number | bigint {
    const t = this.text;
    const start = this.i;
    if (t.charCodeAt(this.i) === 0x2d) this.i++;
    if (t.charCodeAt(this.i) === 0x30) this.i++;
    else this.digits();
    let integer = true;
    if (t.charCodeAt(this.i) === 0x2e) {
      integer = false;
      this.i++;
      this.digits();
    }
    const e = t.charCodeAt(this.i);
    if (e === 0x65 || e === 0x45) {
      integer = false;
      this.i++;
      const s = t.charCodeAt(this.i);
      if (s === 0x2b || s === 0x2d) this.i++;
      this.digits();
    }
    const c = t.charCodeAt(this.i);
    // `01` or `1a`: a number runs into what cannot follow it.
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      this.fail('INVALID_JSON_NUMBER', 'Invalid number');
    }
    const literal = t.slice(start, this.i);
    const n = Number(literal);
    return integer && !Number.isSafeInteger(n) ? BigInt(literal) : n;
  }
}

/** Options of {@link stringifyJson}. */
export interface StringifyJsonOptions {
  /** Indent as Jackson's `DefaultPrettyPrinter` does (the Java reference's recorded bodies). */
  pretty?: boolean;
  /**
   * A lone surrogate in a string: `'refuse'` (default) throws `LONE_SURROGATE`, as Jackson's
   * UTF-8 generator does (a body is UTF-8, which cannot carry it); `'escape'` writes it as
   * `\uD800` (upper-case hex, as the other escapes), for text that is read back as text (PDL).
   */
  loneSurrogates?: 'refuse' | 'escape';
}

const HEX = '0123456789ABCDEF';
const SHORT_ESCAPES: Record<number, string> = {
  34: '\\"',
  92: '\\\\',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  12: '\\f',
  13: '\\r',
};

/**
 * A JSON string literal as Jackson writes it: only `"`, `\` and the controls below U+0020 are
 * escaped; `/`, U+007F and non-ASCII are written as they are. A lone surrogate is refused, as
 * Jackson's UTF-8 generator refuses it (UTF-8 cannot carry it: writing it would change the value).
 *
 * @throws {@link RestliEncodeError} `LONE_SURROGATE`.
 * @example
 * ```ts
 * quoteJson('a"b\u0001é'); // '"a\\"b\\u0001é"'
 * ```
 */
export function quoteJson(s: string, path = '$'): string {
  expectString(s, 's');
  expectString(path, 'path');
  return quote(s, path, false);
}

/** {@link quoteJson} without the argument checks, and with lone surrogates escaped on request. */
function quote(s: string, path: string, escapeLoneSurrogates: boolean): string {
  let out = '"';
  let chunk = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      if (escapeLoneSurrogates) {
        out += `${s.slice(chunk, i)}\\u${c.toString(16).toUpperCase()}`;
        chunk = i + 1;
        continue;
      }
      throw new RestliEncodeError(
        'LONE_SURROGATE',
        `A lone surrogate U+${c.toString(16).toUpperCase()} at index ${i} cannot be written as UTF-8 JSON`,
        path,
      );
    }
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(chunk, i);
    out += SHORT_ESCAPES[c] ?? `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    chunk = i + 1;
  }
  return `${out + s.slice(chunk)}"`;
}

/**
 * Writes a JSON value. Object entries whose value is `undefined` are left out (as
 * `JSON.stringify` does); bigints print every digit.
 *
 * @throws {@link RestliEncodeError} `NON_FINITE_JSON_NUMBER` for NaN or an infinity (Pegasus JSON has no
 *   literal for them), `LONE_SURROGATE`, `INVALID_ARGUMENT` for a value that is not JSON
 *   (a function, a symbol, `undefined` in an array, a class instance), `DEPTH_EXCEEDED` beyond the
 *   default nesting limit (which also stops a cycle).
 * @example
 * ```ts
 * stringifyJson({ a: [1n << 64n, 'é\n'] }); // '{"a":[18446744073709551616,"é\\n"]}'
 * stringifyJson({ a: [] }, { pretty: true }); // '{\n  "a" : [ ]\n}'
 * stringifyJson('a\ud800', { loneSurrogates: 'escape' }); // '"a\\uD800"'
 * stringifyJson(2 ** 60); // '1.152921504606847e+18'
 * ```
 */
export function stringifyJson(value: unknown, options?: StringifyJsonOptions): string {
  expectOptions(options);
  const pretty = options?.pretty === true;
  const escapeLone = options?.loneSurrogates === 'escape';
  // `level` counts enclosing objects only: Jackson indents arrays inline, not a level deeper.
  const write = (v: unknown, path: string, depth: number, level: number): string => {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'string':
        return quote(v, path, escapeLone);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'bigint':
        return v.toString();
      case 'number':
        if (!Number.isFinite(v)) {
          throw new RestliEncodeError('NON_FINITE_JSON_NUMBER', `${v} has no JSON form`, path);
        }
        if (Object.is(v, -0)) return '-0.0';
        // An integral double beyond 2^53 would print as plain digits, which the reader keeps as a
        // bigint: the exponent form (shortest exact digits) reads back as the same double.
        if (Number.isInteger(v) && !Number.isSafeInteger(v) && Math.abs(v) < 1e21) {
          return v.toExponential();
        }
        return String(v);
      case 'object':
        break;
      default:
        throw new RestliEncodeError('INVALID_ARGUMENT', `A ${typeof v} is not JSON`, path);
    }
    if (depth >= DEFAULT_MAX_DEPTH) {
      throw new RestliEncodeError(
        'DEPTH_EXCEEDED',
        `Nesting deeper than ${DEFAULT_MAX_DEPTH} levels`,
        path,
      );
    }
    const pad = pretty ? `\n${'  '.repeat(level + 1)}` : '';
    const close = pretty ? `\n${'  '.repeat(level)}` : '';
    if (Array.isArray(v)) {
      if (v.length === 0) return pretty ? '[ ]' : '[]';
      const parts = v.map((item, i) => {
        if (item === undefined) {
          throw new RestliEncodeError('INVALID_ARGUMENT', 'undefined is not JSON', `${path}[${i}]`);
        }
        return write(item, `${path}[${i}]`, depth + 1, level);
      });
      // Jackson's default pretty printer keeps array elements on the line ("[ 1, 2 ]").
      return pretty ? `[ ${parts.join(', ')} ]` : `[${parts.join(',')}]`;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      throw new RestliEncodeError('INVALID_ARGUMENT', 'Only plain objects are JSON objects', path);
    }
    const parts: string[] = [];
    for (const key of Object.keys(v)) {
      const item = (v as Record<string, unknown>)[key];
      if (item === undefined) continue;
      const at = `${path}.${key}`;
      parts.push(
        `${quote(key, at, escapeLone)}${pretty ? ' : ' : ':'}${write(item, at, depth + 1, level + 1)}`,
      );
    }
    if (parts.length === 0) return pretty ? '{ }' : '{}';
    return pretty ? `{${pad}${parts.join(`,${pad}`)}${close}}` : `{${parts.join(',')}}`;
  };
  return write(value, '$', 0, 0);
}
