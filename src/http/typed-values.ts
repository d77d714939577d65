/**
 * Typed values against the schema model, both ways, for bodies, keys and query parameters:
 * `toData` (typed → Pegasus data) and `fromData` (Pegasus data, or a decoded 2.0/1.0 value whose
 * leaves are all strings → typed), plus reading snapshot `models` (PDSC JSON) into the model.
 *
 * Interim: the `schema` work owns typed-value coercion and the PDSC loader; this module keeps the
 * request/response layer working until those land, with the same conventions (long as bigint,
 * bytes and fixed as Uint8Array, unions as `{ member: value }`, errors with a path).
 *
 * @module
 */

import { RestliSchemaError } from '../errors.ts';
import { setOwn } from '../internal/own.ts';
import {
  type DataSchema,
  type PegasusData,
  type RecordField,
  type RecordSchema,
  SchemaSet,
  type UnionMember,
} from '../schema/model.ts';

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

/** Where the data comes from: JSON (typed leaves) or a URL/header (every leaf a string). */
export type Leaves = 'json' | 'string';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function bad(reason: string, path: string): never {
  throw new RestliSchemaError('INVALID_VALUE', reason, path);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The key a union member is named by in data: its alias, else its type's name. */
export function memberKey(member: UnionMember): string {
  if (member.alias !== undefined) return member.alias;
  const t = member.type;
  if (t.type === 'ref') return t.name;
  if ('fullName' in t) return t.fullName;
  return t.type;
}

function bytesToString(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

function stringToBytes(s: string, path: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) bad(`bytes hold code points up to U+00FF, not U+${c.toString(16)}`, path);
    out[i] = c;
  }
  return out;
}

/** Options of {@link toData}. */
export interface ToDataOptions {
  /**
   * `false` lets a record miss required fields (the Java client sends records unvalidated and
   * lets the server answer 400); default `true`.
   */
  requireFields?: boolean;
}

/**
 * Typed value → Pegasus data (longs as numbers where safe, else bigint; bytes as a string of
 * code points). Unknown record fields are refused; absent optional fields are left out.
 *
 * @throws {@link RestliSchemaError} `INVALID_VALUE` (the error of the schema layer's typed values) naming the path of the first bad value.
 */
export function toData(
  value: unknown,
  schema: DataSchema,
  set: SchemaSet,
  path = '$',
  options?: ToDataOptions,
): PegasusData {
  const s = set.resolve(schema);
  switch (s.type) {
    case 'typeref':
      return toData(value, s.ref, set, path, options);
    case 'null':
      if (value !== null) bad('expected null', path);
      return null;
    case 'boolean':
      if (typeof value !== 'boolean') bad('expected a boolean', path);
      return value;
    case 'string':
      if (typeof value !== 'string') bad('expected a string', path);
      return value;
    case 'int':
      if (!Number.isInteger(value) || (value as number) < INT_MIN || (value as number) > INT_MAX) {
        bad('expected an int (a 32-bit integer number)', path);
      }
      // An int has no negative zero: -0 is written 0, which a Java int reader takes.
      return (value as number) + 0;
    case 'long': {
      const big =
        typeof value === 'bigint'
          ? value
          : Number.isSafeInteger(value)
            ? BigInt(value as number)
            : undefined;
      if (big === undefined || big < LONG_MIN || big > LONG_MAX) {
        bad('expected a long (a 64-bit integer, bigint or safe number)', path);
      }
      return Number.isSafeInteger(Number(big)) && big >= -(2n ** 53n) && big <= 2n ** 53n
        ? Number(big)
        : big;
    }
    case 'float':
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value))
        bad(`expected a finite ${s.type}`, path);
      return value;
    case 'bytes':
      if (!(value instanceof Uint8Array)) bad('expected bytes (a Uint8Array)', path);
      return bytesToString(value);
    case 'fixed':
      if (!(value instanceof Uint8Array) || value.length !== s.size) {
        bad(`expected ${s.size} bytes (a Uint8Array) for fixed ${s.fullName}`, path);
      }
      return bytesToString(value);
    case 'enum':
      if (typeof value !== 'string' || !s.symbols.includes(value)) {
        bad(`expected a symbol of ${s.fullName} (${s.symbols.join(', ')})`, path);
      }
      return value;
    case 'array': {
      if (!Array.isArray(value)) bad('expected an array', path);
      return value.map((v, i) => toData(v, s.items, set, `${path}[${i}]`, options));
    }
    case 'map': {
      if (!isPlainObject(value)) bad('expected a map (a plain object)', path);
      const out: { [k: string]: PegasusData } = {};
      for (const k of Object.keys(value)) {
        if (value[k] !== undefined)
          setOwn(out, k, toData(value[k], s.values, set, `${path}.${k}`, options));
      }
      return out;
    }
    case 'union': {
      if (value === null && s.members.some((m) => memberKey(m) === 'null')) return null;
      if (!isPlainObject(value)) bad('expected a union member as { member: value }', path);
      const keys = Object.keys(value).filter((k) => value[k] !== undefined);
      const member =
        keys.length === 1 ? s.members.find((m) => memberKey(m) === keys[0]) : undefined;
      if (member === undefined) {
        bad(`expected one member of ${s.members.map(memberKey).join(', ')}`, path);
      }
      const k = keys[0]!;
      return { [k]: toData(value[k], member.type, set, `${path}.${k}`, options) };
    }
    case 'record': {
      if (!isPlainObject(value)) bad(`expected a ${s.fullName} record (a plain object)`, path);
      const fields = fieldsOf(set, s);
      const out: { [k: string]: PegasusData } = {};
      for (const field of fields.values()) {
        const v = value[field.name];
        if (v === undefined) {
          if (!field.optional && field.default === undefined && options?.requireFields !== false) {
            bad(`missing required field ${field.name}`, path);
          }
          continue;
        }
        setOwn(out, field.name, toData(v, field.type, set, `${path}.${field.name}`, options));
      }
      for (const k of Object.keys(value)) {
        if (value[k] !== undefined && !fields.has(k)) {
          bad(`unknown field ${k} of ${s.fullName}`, `${path}.${k}`);
        }
      }
      return out;
    }
  }
}

/** Options of {@link fromData}. */
export interface FromDataOptions {
  /** `'string'` when the data was decoded from a URL, header or v1 form: every leaf a string. */
  leaves?: Leaves;
  /** A projected record (`fields=` was sent): required fields may be missing. */
  partial?: boolean;
  /**
   * The protocol the string leaves were decoded from. In 1.0 a one-element list cannot be told
   * from its element (`a=1`), so with `'1.0.0'` a single value where an array is expected is a
   * one-element array, as the Java server reads it.
   */
  version?: '1.0.0' | '2.0.0';
}

/**
 * Pegasus data → typed value (longs as bigint, bytes and fixed as Uint8Array). Fields a record
 * does not declare are kept as they are (a newer server may send them).
 *
 * @throws {@link RestliSchemaError} `INVALID_VALUE` (the error of the schema layer's typed values) naming the path of the first bad value.
 */
export function fromData(
  data: unknown,
  schema: DataSchema,
  set: SchemaSet,
  options?: FromDataOptions,
  path = '$',
): unknown {
  const strings = options?.leaves === 'string';
  const s = set.resolve(schema);
  const text = (): string => {
    if (typeof data !== 'string') bad(`expected a ${s.type} as text`, path);
    return data;
  };
  switch (s.type) {
    case 'typeref':
      return fromData(data, s.ref, set, options, path);
    case 'null':
      if (data !== null && !(strings && data === 'null')) bad('expected null', path);
      return null;
    case 'boolean':
      if (strings) {
        const t = text();
        if (t !== 'true' && t !== 'false') bad('expected true or false', path);
        return t === 'true';
      }
      if (typeof data !== 'boolean') bad('expected a boolean', path);
      return data;
    case 'string':
      if (typeof data !== 'string') bad('expected a string', path);
      return data;
    case 'int': {
      const n = strings ? integerText(text(), path) : data;
      const v = typeof n === 'bigint' ? Number(n) : n;
      if (!Number.isInteger(v) || (v as number) < INT_MIN || (v as number) > INT_MAX) {
        bad('expected an int (a 32-bit integer)', path);
      }
      return v;
    }
    case 'long': {
      const n = strings ? integerText(text(), path) : data;
      const v =
        typeof n === 'bigint' ? n : Number.isSafeInteger(n) ? BigInt(n as number) : undefined;
      if (v === undefined || v < LONG_MIN || v > LONG_MAX)
        bad('expected a long (a 64-bit integer)', path);
      return v;
    }
    case 'float':
    case 'double': {
      if (strings) {
        const t = text();
        const n = Number(t);
        if (t.trim() === '' || Number.isNaN(n)) bad(`expected a ${s.type}`, path);
        return n;
      }
      if (typeof data === 'bigint') return Number(data);
      if (typeof data !== 'number') bad(`expected a ${s.type}`, path);
      return data;
    }
    case 'bytes':
      return stringToBytes(text(), path);
    case 'fixed': {
      const bytes = stringToBytes(text(), path);
      if (bytes.length !== s.size) bad(`expected ${s.size} bytes for fixed ${s.fullName}`, path);
      return bytes;
    }
    case 'enum': {
      const t = text();
      if (!s.symbols.includes(t)) bad(`expected a symbol of ${s.fullName}`, path);
      return t;
    }
    case 'array':
      if (!Array.isArray(data)) {
        if (strings && options?.version === '1.0.0' && data !== undefined) {
          return [fromData(data, s.items, set, options, `${path}[0]`)];
        }
        bad('expected an array', path);
      }
      return data.map((v, i) => fromData(v, s.items, set, options, `${path}[${i}]`));
    case 'map': {
      if (!isPlainObject(data)) bad('expected a map', path);
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(data)) {
        setOwn(out, k, fromData(data[k], s.values, set, options, `${path}.${k}`));
      }
      return out;
    }
    case 'union': {
      if (data === null || (strings && data === 'null')) {
        if (s.members.some((m) => memberKey(m) === 'null')) return null;
        bad('this union has no null member', path);
      }
      if (!isPlainObject(data)) bad('expected a union as { member: value }', path);
      const keys = Object.keys(data);
      const member =
        keys.length === 1 ? s.members.find((m) => memberKey(m) === keys[0]) : undefined;
      if (member === undefined) {
        bad(`expected one member of ${s.members.map(memberKey).join(', ')}`, path);
      }
      const k = keys[0]!;
      return { [k]: fromData(data[k], member.type, set, options, `${path}.${k}`) };
    }
    case 'record': {
      if (!isPlainObject(data)) bad(`expected a ${s.fullName} record`, path);
      const fields = fieldsOf(set, s);
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(data)) {
        const field = fields.get(k);
        setOwn(
          out,
          k,
          field ? fromData(data[k], field.type, set, options, `${path}.${k}`) : data[k],
        );
      }
      for (const field of fields.values()) {
        if (
          !options?.partial &&
          !field.optional &&
          field.default === undefined &&
          !(field.name in out)
        ) {
          bad(`missing required field ${field.name}`, path);
        }
      }
      return out;
    }
  }
}

/**
 * Pegasus data as a URL value: the wire grammars have no null, and the reference prints the null
 * member of a union (`Data.NULL`) as the text `null`, which {@link fromData} with string leaves
 * reads back as null where the schema allows it. A double -0 is written `-0.0`, as Java does.
 */
export function toUrlData(data: PegasusData): Exclude<PegasusData, null> {
  if (data === null) return 'null';
  // The wire's number printer writes JS text, where -0 is `0`; Java writes a double -0 as `-0.0`.
  if (Object.is(data, -0)) return '-0.0';
  if (Array.isArray(data)) return data.map(toUrlData);
  if (typeof data === 'object') {
    const out: { [k: string]: PegasusData } = {};
    for (const k of Object.keys(data)) setOwn(out, k, toUrlData(data[k]!));
    return out;
  }
  return data;
}

/** A decimal integer as Java's `Long.parseLong` reads it (optional sign, digits only). */
function integerText(t: string, path: string): bigint {
  let i = t.startsWith('-') || t.startsWith('+') ? 1 : 0;
  if (i === t.length) bad('expected an integer', path);
  for (; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x30 || c > 0x39) bad(`expected an integer, not ${JSON.stringify(t)}`, path);
  }
  return BigInt(t);
}

export { SchemaSet };
