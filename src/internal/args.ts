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
      return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object';
    }
    case 'string':
      return value.length > 40
        ? `the string ${JSON.stringify(`${value.slice(0, 40)}…`)}`
        : `the string ${JSON.stringify(value)}`;
    case 'number':
    case 'bigint':
    case 'boolean':
      return `the ${typeof value} ${String(value)}`;
    default:
      return `a ${typeof value}`;
  }
}

/** The `INVALID_ARGUMENT` error for `parameter` of `fn`, which should have been `expected`. */
export function invalidArgument(
  fn: string,
  parameter: string,
  expected: string,
  value: unknown,
): RestliError {
  return new RestliError(
    'INVALID_ARGUMENT',
    `${fn}: ${parameter} must be ${expected}, not ${describeArgument(value)}`,
  );
}

/** True for `{}`-style objects: prototype `Object.prototype` or `null` (not arrays, dates, maps). */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `value` as a string, or `INVALID_ARGUMENT`. */
export function requireString(value: unknown, fn: string, parameter: string): string {
  if (typeof value !== 'string') throw invalidArgument(fn, parameter, 'a string', value);
  return value;
}

/** `value` as a plain object, or `INVALID_ARGUMENT`. */
export function requireRecord<T extends object>(value: unknown, fn: string, parameter: string): T {
  if (!isPlainRecord(value)) throw invalidArgument(fn, parameter, 'a plain object', value);
  return value as T;
}

/** An options argument: `undefined`, or a plain object (else `INVALID_ARGUMENT`). */
export function optionsArgument<T extends object>(
  value: unknown,
  fn: string,
  parameter = 'options',
): T | undefined {
  if (value === undefined) return undefined;
  return requireRecord<T>(value, fn, parameter);
}
