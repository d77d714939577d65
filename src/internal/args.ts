/**
 * Checks of public functions' arguments. JavaScript callers (and TypeScript callers with `any`)
 * pass arrays, `null`, `Date`s or numbers where an object or string is expected; without a check
 * they get a `TypeError` from deep inside, or worse, a result (`Object.keys(['a'])` is `['0']`).
 * Each check throws a `RestliError` with code `INVALID_ARGUMENT` naming the function and the
 * parameter.
 *
 * @module
 */

import { RestliError } from '../errors.ts';
import { type ProtocolVersionText, V1, V2 } from './version-text.ts';

/** How a wrong argument is shown in a message: its kind, never its (possibly huge) content. */
export function describeArgument(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'object': {
      const proto = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
      const name = proto?.constructor?.name;
      // A plain object is "an object"; an instance is named by its class ("a Date", "an Error").
      if (typeof name !== 'string' || name === '' || name === 'Object') return 'an object';
      return `${/^[AEIO]/.test(name) ? 'an' : 'a'} ${name}`;
    }
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
    case 'bigint':
    case 'boolean':
      return `the ${typeof value} ${String(value)}`;
    default:
      return `a ${typeof value}`;
  }
}

/**
 * A value in an error message: a primitive as its text, an object by its kind. `String(value)` on
 * a caller's object runs its own `toString` (which may be anything, or fail with a TypeError).
 */
export function valueText(value: unknown): string {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    return String(value);
  }
  return describeArgument(value);
}

/** The `INVALID_ARGUMENT` error for the argument `name`, which should have been `expected`. */
export function argumentError(name: string, expected: string, value: unknown): RestliError {
  return new RestliError(
    'INVALID_ARGUMENT',
    `${name} must be ${expected}, not ${describeArgument(value)}`,
  );
}

/** True for `{}`-style objects: prototype `Object.prototype` or `null` (not arrays, dates, maps). */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Throws `INVALID_ARGUMENT` unless `value` is a string. */
export function expectString(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') throw argumentError(name, 'a string', value);
}

/** Throws `INVALID_ARGUMENT` unless `value` is a string or undefined. */
export function expectOptionalString(
  value: unknown,
  name: string,
): asserts value is string | undefined {
  if (value !== undefined && typeof value !== 'string') {
    throw argumentError(name, 'a string', value);
  }
}

/** Throws `INVALID_ARGUMENT` unless `value` is a plain object. */
export function expectRecord(value: unknown, name: string): asserts value is object {
  if (!isPlainRecord(value)) throw argumentError(name, 'a plain object', value);
}

/**
 * Throws `INVALID_ARGUMENT` unless `value` is an object that is not an array (any prototype: only
 * its own properties will be read).
 */
export function expectObject(value: unknown, name: string): asserts value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw argumentError(name, 'an object', value);
  }
}

/** Throws `INVALID_ARGUMENT` unless `value` is undefined or a plain object (an options bag). */
export function expectOptions(
  value: unknown,
  name = 'options',
): asserts value is object | undefined {
  if (value !== undefined && !isPlainRecord(value)) {
    throw argumentError(name, 'a plain object or undefined', value);
  }
}

/** Throws `INVALID_ARGUMENT` unless `value` is an integer (a `number`). */
export function expectInteger(value: unknown, name: string): asserts value is number {
  if (!Number.isInteger(value)) throw argumentError(name, 'an integer', value);
}

/** Throws `INVALID_ARGUMENT` unless `value` is an array of strings. */
export function expectStrings(value: unknown, name: string): asserts value is readonly string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw argumentError(name, 'an array of strings', value);
  }
}

/** Throws `INVALID_ARGUMENT` unless `value` is a schema model object (an object with a `type`). */
export function expectSchema(value: unknown, name: string): asserts value is { type: string } {
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof (value as { type?: unknown }).type !== 'string'
  ) {
    throw argumentError(name, 'a schema model object', value);
  }
}

/** Throws `INVALID_ARGUMENT` unless `value` is a `Uint8Array`. */
export function expectBytes(value: unknown, name: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw argumentError(name, 'a Uint8Array', value);
}

/** `record[key]` when `key` is an own property of `record`, else undefined (never inherited). */
export function ownValue<T>(
  record: { readonly [key: string]: T } | undefined,
  key: string,
): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Throws `INVALID_VERSION` unless `version` is one of the two wire versions, named in the message
 * by {@link valueText} (a caller's object is never converted with its own `toString`).
 */
export function expectVersion(
  version: unknown,
  fn: string,
): asserts version is ProtocolVersionText {
  if (version !== V1 && version !== V2) {
    throw new RestliError(
      'INVALID_VERSION',
      `${fn}: unsupported protocol version ${valueText(version)}`,
    );
  }
}
