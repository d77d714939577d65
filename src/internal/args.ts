/**
 * Checks of caller-supplied arguments, so that a careless or hostile call (an array, a `Date`, a
 * `Map`, `null` or a number where an object or a string is expected) gets a `RestliError` with
 * code `INVALID_ARGUMENT` naming the parameter instead of a `TypeError` from deep inside, and so
 * that names the caller supplies are looked up as own properties only (`'__proto__'` or
 * `'constructor'` must never find `Object.prototype`'s members).
 *
 * @module
 */

import { RestliError } from '../errors.ts';

/** What a value is, for messages: `a string`, `null`, `an array`, `a Date`, `a plain object`. */
export function describeArgument(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return 'a plain object';
  const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
  return `a ${typeof name === 'string' && name !== '' ? name : 'object'}`;
}

/** The `INVALID_ARGUMENT` error for parameter `name`, which should have been `expected`. */
export function invalidArgument(name: string, expected: string, value: unknown): RestliError {
  return new RestliError(
    'INVALID_ARGUMENT',
    `${name} must be ${expected}, not ${describeArgument(value)}`,
  );
}

/** Whether `value` is a plain object (`{}` or `Object.create(null)`): no array, Date, Map, class. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Throws `INVALID_ARGUMENT` unless `value` is a string. */
export function expectString(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') throw invalidArgument(name, 'a string', value);
}

/** Throws `INVALID_ARGUMENT` unless `value` is a string or undefined. */
export function expectOptionalString(
  value: unknown,
  name: string,
): asserts value is string | undefined {
  if (value !== undefined && typeof value !== 'string') {
    throw invalidArgument(name, 'a string', value);
  }
}

/** Throws `INVALID_ARGUMENT` unless `value` is a plain object. */
export function expectRecord(value: unknown, name: string): asserts value is object {
  if (!isPlainRecord(value)) throw invalidArgument(name, 'a plain object', value);
}

/**
 * Throws `INVALID_ARGUMENT` unless `value` is an object that is not an array (any prototype: only
 * its own properties will be read).
 */
export function expectObject(value: unknown, name: string): asserts value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidArgument(name, 'an object', value);
  }
}

/** Throws `INVALID_ARGUMENT` unless `value` is undefined or a plain object (an options bag). */
export function expectOptions(
  value: unknown,
  name = 'options',
): asserts value is object | undefined {
  if (value !== undefined && !isPlainRecord(value)) {
    throw invalidArgument(name, 'a plain object or undefined', value);
  }
}

/** Throws `INVALID_ARGUMENT` unless `value` is a `Uint8Array`. */
export function expectBytes(value: unknown, name: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw invalidArgument(name, 'a Uint8Array', value);
}

/** `record[key]` when `key` is an own property of `record`, else undefined (never inherited). */
export function ownValue<T>(
  record: { readonly [key: string]: T } | undefined,
  key: string,
): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
