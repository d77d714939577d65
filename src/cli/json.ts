/**
 * A strict JSON parser for CLI input that keeps every digit of integers beyond 2^53 (as
 * bigint), which `JSON.parse` on Node 20 cannot. Objects are built like `JSON.parse` builds
 * them: `__proto__` is an own key.
 *
 * @module
 */

import { type ErrorCode, RestliSyntaxError } from '../errors.ts';
import { setOwn } from '../internal/own.ts';

/** Parses `text` as one JSON value; integers that are not safe become bigints. */
export function parseJson(text: string, maxDepth = 256): unknown {
  const parser = new JsonParser(text, maxDepth);
  parser.space();
  const value = parser.value(0);
  parser.space();
  if (parser.i < text.length)
    parser.fail('TRAILING_JSON_TEXT', 'unexpected text after the JSON value');
  return value;
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const STRING_CHUNK = /[^"\\\u0000-\u001f]*/y;
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

class JsonParser {
  i = 0;
  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  fail(code: ErrorCode, reason: string, at = this.i): never {
    throw new RestliSyntaxError(code, reason, this.text, at);
  }

  space(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      this.i++;
    }
  }

  value(depth: number): unknown {
    const t = this.text;
    const c = t[this.i];
    if (c === '{' || c === '[') {
      if (depth >= this.maxDepth) {
        this.fail('DEPTH_EXCEEDED', `JSON nested deeper than ${this.maxDepth} levels`);
      }
      return c === '{' ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === '"') return this.string();
    if (t.startsWith('true', this.i)) return this.literal(4, true);
    if (t.startsWith('false', this.i)) return this.literal(5, false);
    if (t.startsWith('null', this.i)) return this.literal(4, null);
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(t);
    if (m === null) {
      if (this.i >= t.length) this.fail('UNEXPECTED_JSON_END', 'unexpected end of JSON input');
      this.fail('UNEXPECTED_JSON_TOKEN', `unexpected character '${c}' in JSON`);
    }
    this.i += m[0].length;
    const isInteger = m[1] === undefined && m[2] === undefined;
    const n = Number(m[0]);
    return isInteger && !Number.isSafeInteger(n) ? BigInt(m[0]) : n;
  }

  literal<T>(length: number, value: T): T {
    this.i += length;
    return value;
  }

  string(): string {
    const t = this.text;
    const start = this.i;
    this.i++;
    let out = '';
    for (;;) {
      STRING_CHUNK.lastIndex = this.i;
      const chunk = STRING_CHUNK.exec(t)![0];
      out += chunk;
      this.i += chunk.length;
      const c = t[this.i];
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c === undefined) this.fail('UNEXPECTED_JSON_END', 'unterminated JSON string', start);
      if (c !== '\\') this.fail('UNEXPECTED_JSON_TOKEN', 'control character in JSON string');
      const e = t[this.i + 1];
      if (e === 'u') {
        const hex = t.slice(this.i + 2, this.i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex))
          this.fail('INVALID_JSON_ESCAPE', 'bad \\u escape in JSON string');
        out += String.fromCharCode(Number.parseInt(hex, 16));
        this.i += 6;
      } else if (e !== undefined && e in ESCAPES) {
        out += ESCAPES[e];
        this.i += 2;
      } else {
        this.fail('INVALID_JSON_ESCAPE', 'bad escape in JSON string');
      }
    }
  }

  array(depth: number): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.space();
    if (this.text[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      this.space();
      out.push(this.value(depth));
      this.space();
      const c = this.text[this.i];
      if (c !== ']' && c !== ',') this.expected("',' or ']'");
      this.i++;
      if (c === ']') return out;
    }
  }

  object(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    this.space();
    if (this.text[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.space();
      if (this.text[this.i] !== '"') this.expected('a string key');
      const key = this.string();
      this.space();
      if (this.text[this.i] !== ':') this.expected("':'");
      this.i++;
      this.space();
      setOwn(out, key, this.value(depth));
      this.space();
      const c = this.text[this.i];
      if (c !== '}' && c !== ',') this.expected("',' or '}'");
      this.i++;
      if (c === '}') return out;
    }
  }

  expected(what: string): never {
    if (this.i >= this.text.length)
      this.fail('UNEXPECTED_JSON_END', 'unexpected end of JSON input');
    this.fail('UNEXPECTED_JSON_TOKEN', `expected ${what} in JSON`);
  }
}
