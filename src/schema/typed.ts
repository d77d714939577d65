/**
 * Typed values against the schema model, both ways:
 *
 * - {@link fromData}: Pegasus data (a JSON body as the bigint-safe reader gives it, a default)
 *   → typed value;
 * - {@link fromStrings}: a protocol 2.0 value as `decode` returns it (every leaf a string) →
 *   typed value, coercing each leaf as the reference's servers do;
 * - {@link toData}: typed value → Pegasus data, ready for a JSON writer or the 2.0 encoder.
 *
 * Typed values: `int`, `float`, `double` are numbers; `long` a bigint (or, with
 * `longs: 'number'`, a number where it is a safe integer); `boolean`, `string` as such; `bytes`
 * and `fixed` a `Uint8Array`; an enum its symbol; a union `null` (its null member) or
 * `{ memberKey: value }` (the alias, or the member's type name: `int`, `com.example.Foo`,
 * `array`, `map`); a record a plain object; a map a plain object; an array an array. Typerefs are
 * transparent. Every error names the path of the first bad value (`$.a[2].b`).
 *
 * This is the library's one converter between typed values and Pegasus data: the typed requests
 * and responses of `src/http/typed.ts` use it with their options (unknown fields refused in what
 * they send, `requireFields: false` for projected responses and unvalidated entities, `version`
 * for 1.0 string leaves, `path` for where the value sits in the request).
 *
 * @module
 */

import { RestliSchemaError } from '../errors.ts';
import { argumentError, expectObject, expectSchema, isPlainRecord } from '../internal/args.ts';
import { maxDepthOf } from '../internal/limits.ts';
import { setOwn } from '../internal/own.ts';
import type { ProtocolVersionText } from '../internal/version-text.ts';
import {
  type DataSchema,
  isNamedSchema,
  type PegasusData,
  type RecordField,
  type RecordSchema,
  SchemaSet,
  type UnionMember,
  type UnionSchema,
} from './model.ts';

/** A value typed by a schema (see the module documentation for the mapping). */
export type TypedValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | TypedValue[]
  | { [key: string]: TypedValue };

/** Options of {@link fromData}, {@link fromStrings} and {@link toData}. */
export interface TypedOptions {
  /**
   * How {@link fromData} / {@link fromStrings} return a `long`: `'bigint'` (default) always a
   * bigint; `'number'` a number when it is a safe integer (±(2^53 − 1)), a bigint beyond.
   */
  longs?: 'bigint' | 'number';
  /**
   * Record fields the schema does not declare: `'keep'` (default) copies them through untyped,
   * `'reject'` fails on the first one.
   */
  unknownFields?: 'keep' | 'reject';
  /**
   * Fill an absent required field that has a default with that default (the reference's
   * `FIXUP_ABSENT_WITH_DEFAULT`). Default `false`: the field stays absent (allowed, since it has
   * a default).
   */
  withFixup?: boolean;
  /**
   * `false` lets a record miss required fields: a projected response (`fields` was sent), or an
   * entity sent unvalidated as the Java client sends it (leaving the refusal to the server).
   * Default `true`: a required field without a default that is absent is an error.
   */
  requireFields?: boolean;
  /**
   * The protocol {@link fromStrings}' leaves were decoded from. In 1.0 a one-element list cannot
   * be told from its element (`a=1`), so with `'1.0.0'` a single value where an array is expected
   * is a one-element array, as the Java server reads it. Default `'2.0.0'`.
   */
  version?: ProtocolVersionText;
  /** Where the value sits in a larger one (`$.entity`): the start of every error path. Default `$`. */
  path?: string;
  /** Nesting limit (default 256). */
  maxDepth?: number;
}

type Mode = 'data' | 'strings' | 'typed';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const FLOAT_MAX = 3.4028234663852886e38;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `path` extended by an object key. */
function keyPath(path: string, key: string): string {
  return `${path}${IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`;
}

function show(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return `bytes of length ${value.length}`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

/**
 * The key of a union member in data and typed values: its alias, else the name of its type as
 * the reference's `getUnionMemberKey` gives it (a primitive's keyword, a record's, enum's or
 * fixed's full name, `array`, `map`; a typeref is transparent: the key of what it refers to).
 * @example
 * ```ts
 * const set = new SchemaSet();
 * unionMemberKey({ type: { type: 'string' } }, set); // 'string'
 * unionMemberKey({ type: { type: 'int' }, alias: 'count' }, set); // 'count'
 * ```
 */
export function unionMemberKey(member: UnionMember, set: SchemaSet): string {
  expectObject(member, 'member');
  expectSchema(member.type, 'member.type');
  if (!(set instanceof SchemaSet)) throw argumentError('set', 'a SchemaSet', set);
  if (member.alias !== undefined) return member.alias;
  let type = set.resolve(member.type);
  // Typeref chains are bounded by dereference's cycle check.
  if (type.type === 'typeref') type = set.dereference(type);
  if (isNamedSchema(type)) return type.fullName;
  return type.type;
}

/** A 2.0 integer leaf as `Integer.parseInt` / `Long.parseLong` read it. */
function parseIntegerText(text: string): bigint | undefined {
  const start = text[0] === '-' || text[0] === '+' ? 1 : 0;
  if (start === text.length) return undefined;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return BigInt(text[0] === '+' ? text.slice(1) : text);
}

/** A 2.0 floating-point leaf: decimal with optional fraction and exponent, or NaN / ±Infinity. */
function parseDecimalText(text: string): number | undefined {
  if (text === 'NaN') return Number.NaN;
  if (text === 'Infinity' || text === '+Infinity') return Number.POSITIVE_INFINITY;
  if (text === '-Infinity') return Number.NEGATIVE_INFINITY;
  let i = text[0] === '-' || text[0] === '+' ? 1 : 0;
  const digitsFrom = (k: number): number => {
    while (k < text.length && text.charCodeAt(k) >= 0x30 && text.charCodeAt(k) <= 0x39) k++;
    return k;
  };
  const intEnd = digitsFrom(i);
  let digits = intEnd - i;
  i = intEnd;
  if (text[i] === '.') {
    const fracEnd = digitsFrom(i + 1);
    digits += fracEnd - i - 1;
    i = fracEnd;
  }
  if (digits === 0) return undefined;
  if (text[i] === 'e' || text[i] === 'E') {
    let k = i + 1;
    if (text[k] === '-' || text[k] === '+') k++;
    const expEnd = digitsFrom(k);
    if (expEnd === k) return undefined;
    i = expEnd;
  }
  return i === text.length ? Number(text) : undefined;
}

/**
 * A record's fields by name (included records' first), computed once per record and schema set:
 * typing a batch of entities would otherwise rebuild them for every entity.
 */
const FIELDS = new WeakMap<SchemaSet, WeakMap<RecordSchema, Map<string, RecordField>>>();
function fieldsOf(set: SchemaSet, record: RecordSchema): Map<string, RecordField> {
  let bySet = FIELDS.get(set);
  if (bySet === undefined) {
    bySet = new WeakMap();
    FIELDS.set(set, bySet);
  }
  let fields = bySet.get(record);
  if (fields === undefined) {
    fields = new Map(set.allFields(record).map((f) => [f.name, f]));
    bySet.set(record, fields);
  }
  return fields;
}

/** A look-up in the schema set; a type it cannot resolve is an error at the value's path. */
function lookUp<T>(f: () => T, path: string): T {
  try {
    return f();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RestliSchemaError('UNKNOWN_SCHEMA_TYPE', reason, path);
  }
}

/** Pegasus data's spelling of the non-finite doubles. */
function nonFiniteText(value: number): string {
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
}

class Typer {
  private readonly maxDepth: number;

  constructor(
    private readonly set: SchemaSet,
    private readonly options: TypedOptions,
    private readonly mode: Mode,
  ) {
    this.maxDepth = maxDepthOf(options);
  }

  private fail(reason: string, path: string): never {
    throw new RestliSchemaError('INVALID_VALUE', reason, path);
  }

  private mismatch(expected: string, value: unknown, path: string): never {
    this.fail(`expected ${expected}, found ${show(value)}`, path);
  }

  run(value: unknown, schema: DataSchema, path: string, depth: number): unknown {
    if (depth > this.maxDepth) {
      throw new RestliSchemaError('DEPTH_EXCEEDED', `nesting deeper than ${this.maxDepth}`, path);
    }
    const resolved = lookUp(() => this.set.dereference(schema), path);
    const strings = this.mode === 'strings';
    const typed = this.mode === 'typed';
    switch (resolved.type) {
      case 'null':
        if (value === null || (strings && value === 'null')) return null;
        return this.mismatch('null', value, path);
      case 'boolean':
        if (typeof value === 'boolean' && !strings) return value;
        if (strings && (value === 'true' || value === 'false')) return value === 'true';
        return this.mismatch('a boolean', value, path);
      case 'string':
        if (typeof value === 'string') return value;
        return this.mismatch('a string', value, path);
      case 'int': {
        const n = this.integer(value, path, 'an int');
        if (n < BigInt(INT_MIN) || n > BigInt(INT_MAX)) this.fail(`${n} is out of int range`, path);
        return Number(n);
      }
      case 'long': {
        // A number beyond 2^53 may already have lost digits: a long that large is a bigint.
        if (typed && typeof value === 'number' && Number.isInteger(value)) {
          if (!Number.isSafeInteger(value)) {
            this.fail(`${value} is beyond 2^53: a long that large must be a bigint`, path);
          }
        }
        const n = this.integer(value, path, 'a long');
        if (n < LONG_MIN || n > LONG_MAX) this.fail(`${n} is out of long range`, path);
        if (typed) return Number.isSafeInteger(Number(n)) ? Number(n) : n;
        return this.options.longs === 'number' && Number.isSafeInteger(Number(n)) ? Number(n) : n;
      }
      case 'float':
      case 'double': {
        const n = this.decimal(value, path, `a ${resolved.type}`);
        if (resolved.type === 'float' && Number.isFinite(n) && Math.abs(n) > FLOAT_MAX) {
          this.fail(`${n} is out of float range`, path);
        }
        return typed && !Number.isFinite(n) ? nonFiniteText(n) : n;
      }
      case 'bytes':
        return this.bytes(value, path, undefined);
      case 'fixed':
        return this.bytes(value, path, resolved.size);
      case 'enum':
        if (typeof value !== 'string')
          return this.mismatch(`a symbol of ${resolved.fullName}`, value, path);
        if (!resolved.symbols.includes(value)) {
          this.fail(`${show(value)} is not a symbol of ${resolved.fullName}`, path);
        }
        return value;
      case 'array': {
        if (!Array.isArray(value)) {
          if (strings && this.options.version === '1.0.0' && value !== undefined) {
            return [this.run(value, resolved.items, `${path}[0]`, depth + 1)];
          }
          return this.mismatch('an array', value, path);
        }
        const out: unknown[] = [];
        for (let i = 0; i < value.length; i++) {
          out.push(this.run(value[i], resolved.items, `${path}[${i}]`, depth + 1));
        }
        return out;
      }
      case 'map': {
        if (!isPlainRecord(value)) return this.mismatch('a map', value, path);
        const out: { [key: string]: unknown } = {};
        for (const key of Object.keys(value)) {
          const item = value[key];
          if (item === undefined && typed) continue;
          setOwn(out, key, this.run(item, resolved.values, keyPath(path, key), depth + 1));
        }
        return out;
      }
      case 'union':
        return this.union(value, resolved, path, depth);
      case 'record':
        return this.record(value, resolved, path, depth);
    }
  }

  /** An integer of any source as a bigint (range checked by the caller). */
  private integer(value: unknown, path: string, what: string): bigint {
    if (this.mode === 'strings') {
      const n = typeof value === 'string' ? parseIntegerText(value) : undefined;
      return n ?? this.mismatch(what, value, path);
    }
    if (typeof value === 'bigint') return value;
    if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
    return this.mismatch(what, value, path);
  }

  private decimal(value: unknown, path: string, what: string): number {
    if (this.mode === 'strings') {
      const n = typeof value === 'string' ? parseDecimalText(value) : undefined;
      return n ?? this.mismatch(what, value, path);
    }
    if (typeof value === 'number') {
      // Data has no literal for NaN and the infinities: it spells them as strings.
      if (!Number.isFinite(value) && this.mode === 'data') return this.mismatch(what, value, path);
      return value;
    }
    // An integer beyond 2^53 in a JSON body (a double written without a fraction, as
    // `1.2e20` may be) reads as a bigint: its nearest double is the value.
    if (typeof value === 'bigint') return Number(value);
    if (
      this.mode === 'data' &&
      (value === 'NaN' || value === 'Infinity' || value === '-Infinity')
    ) {
      return Number(value);
    }
    return this.mismatch(what, value, path);
  }

  /** Bytes: a Uint8Array (typed) ↔ a string of code points U+0000–U+00FF (data). */
  private bytes(value: unknown, path: string, size: number | undefined): unknown {
    const what = size === undefined ? 'bytes' : `fixed bytes of length ${size}`;
    if (this.mode === 'typed') {
      if (!(value instanceof Uint8Array)) return this.mismatch(what, value, path);
      if (size !== undefined && value.length !== size) {
        this.fail(`expected ${size} bytes, found ${value.length}`, path);
      }
      let out = '';
      for (let i = 0; i < value.length; i += 0x2000) {
        out += String.fromCharCode(...value.subarray(i, i + 0x2000));
      }
      return out;
    }
    if (typeof value !== 'string') return this.mismatch(what, value, path);
    const out = new Uint8Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c > 0xff) {
        this.fail(
          `character U+${c.toString(16).toUpperCase().padStart(4, '0')} at index ${i} is not a byte`,
          path,
        );
      }
      out[i] = c;
    }
    if (size !== undefined && out.length !== size) {
      this.fail(`expected ${size} bytes, found ${out.length}`, path);
    }
    return out;
  }

  private union(value: unknown, schema: UnionSchema, path: string, depth: number): unknown {
    const hasNull = schema.members.some((m) => m.type.type === 'null');
    if (value === null || (this.mode === 'strings' && value === 'null' && hasNull)) {
      if (hasNull) return null;
      return this.fail('null is not a member of this union', path);
    }
    if (!isPlainRecord(value)) return this.mismatch('a union ({ member: value })', value, path);
    const keys = Object.keys(value).filter(
      (k) => !(this.mode === 'typed' && value[k] === undefined),
    );
    if (keys.length !== 1) {
      this.fail(`a union value must have exactly one member, found ${keys.length}`, path);
    }
    const key = keys[0]!;
    const member = schema.members.find(
      (m) => m.type.type !== 'null' && unionMemberKey(m, this.set) === key,
    );
    if (member === undefined) {
      const known = schema.members
        .filter((m) => m.type.type !== 'null')
        .map((m) => unionMemberKey(m, this.set));
      this.fail(`${JSON.stringify(key)} is not a member of the union (${known.join(', ')})`, path);
    }
    const out: { [key: string]: unknown } = {};
    setOwn(out, key, this.run(value[key], member.type, keyPath(path, key), depth + 1));
    return out;
  }

  private record(value: unknown, schema: RecordSchema, path: string, depth: number): unknown {
    if (!isPlainRecord(value)) return this.mismatch(`a ${schema.fullName} record`, value, path);
    const fields = lookUp(() => fieldsOf(this.set, schema), path);
    const typed = this.mode === 'typed';
    const out: { [key: string]: unknown } = {};
    // Declared fields first, in declaration order (included fields first): data written from a
    // typed value does not depend on the order its keys were written in.
    for (const field of fields.values()) {
      const at = keyPath(path, field.name);
      // A typed value may spell an absent optional field as `undefined`.
      if (Object.hasOwn(value, field.name) && !(typed && value[field.name] === undefined)) {
        setOwn(out, field.name, this.run(value[field.name], field.type, at, depth + 1));
        continue;
      }
      if (field.optional) continue;
      if (field.default === undefined) {
        if (this.options.requireFields === false) continue;
        this.fail(`missing required field ${field.name}`, path);
      }
      if (this.options.withFixup === true) {
        // A default is data: typed through the data reader, and written back as data (checked
        // against the field's type both ways) when the output is data.
        const typedDefault = new Typer(this.set, this.options, 'data').run(
          field.default,
          field.type,
          at,
          depth + 1,
        );
        setOwn(
          out,
          field.name,
          typed ? this.run(typedDefault, field.type, at, depth + 1) : typedDefault,
        );
      }
    }
    for (const key of Object.keys(value)) {
      if (fields.has(key)) continue;
      const item = value[key];
      if (item === undefined && typed) continue;
      if (this.options.unknownFields === 'reject') {
        this.fail(`${schema.fullName} has no field ${JSON.stringify(key)}`, keyPath(path, key));
      }
      setOwn(out, key, item);
    }
    return out;
  }
}

/** Checks the arguments every entry point shares. */
function start(
  value: unknown,
  schema: DataSchema,
  set: SchemaSet,
  options: TypedOptions | undefined,
  mode: Mode,
): unknown {
  if (schema === null || typeof schema !== 'object' || typeof schema.type !== 'string') {
    throw new RestliSchemaError('INVALID_ARGUMENT', 'schema must be a schema model object', '$');
  }
  return new Typer(set, options ?? {}, mode).run(value, schema, options?.path ?? '$', 0);
}

/**
 * Pegasus data → typed value, validated against `schema` (refs resolved in `set`).
 *
 * @throws {@link RestliSchemaError} `INVALID_VALUE` with the path of the first bad value;
 *   `UNKNOWN_SCHEMA_TYPE` for a ref `set` cannot resolve; `DEPTH_EXCEEDED`.
 * @example
 * ```ts
 * const set = new SchemaSet();
 * fromData({ id: 9007199254740993n, tone: 'FRIENDLY' }, parsePdl(
 *   'record G { id: long, tone: enum Tone { FRIENDLY } }'), set);
 * // { id: 9007199254740993n, tone: 'FRIENDLY' }
 * ```
 */
export function fromData(
  data: PegasusData,
  schema: DataSchema,
  set: SchemaSet,
  options?: TypedOptions,
): TypedValue {
  return start(data, schema, set, options, 'data') as TypedValue;
}

/**
 * A decoded protocol 2.0 value (every leaf a string, as `decode` returns it) → typed value:
 * `"42"` for an int is 42, for a long 42n; `"true"` a boolean; `"1.5"`, `"NaN"` a double; a
 * bytes leaf its code points as bytes; `"null"` the null member (the reference prints
 * `Data.NULL` as `null`).
 *
 * @throws {@link RestliSchemaError} as {@link fromData}.
 * @example
 * ```ts
 * const set = new SchemaSet();
 * fromStrings({ id: '7', ok: 'true' }, parsePdl('record R { id: long, ok: boolean }'), set); // { id: 7n, ok: true }
 * ```
 */
export function fromStrings(
  value: unknown,
  schema: DataSchema,
  set: SchemaSet,
  options?: TypedOptions,
): TypedValue {
  return start(value, schema, set, options, 'strings') as TypedValue;
}

/**
 * Typed value → Pegasus data, validated against `schema`: longs become numbers where they are
 * safe integers and bigints beyond (as the bigint-safe JSON reader gives them), bytes and fixed
 * strings of code points U+0000–U+00FF, NaN and the infinities `"NaN"`, `"Infinity"`,
 * `"-Infinity"`.
 *
 * @throws {@link RestliSchemaError} as {@link fromData}.
 * @example
 * ```ts
 * const set = new SchemaSet();
 * toData({ id: 7n, b: new Uint8Array([0, 255]) }, parsePdl('record R { id: long, b: bytes }'), set); // { id: 7, b: '\u0000ÿ' }
 * ```
 */
export function toData(
  value: TypedValue,
  schema: DataSchema,
  set: SchemaSet,
  options?: TypedOptions,
): PegasusData {
  return start(value, schema, set, options, 'typed') as PegasusData;
}
