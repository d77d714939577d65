/** Asserting on thrown errors. */
import { expect } from 'vitest';
import { type RestliError, RestliSyntaxError } from '../../src/errors.ts';

/**
 * The error `f` throws, asserted to be an instance of `type` (default RestliSyntaxError); fails
 * the test when `f` returns.
 */
export function thrown<E extends RestliError = RestliSyntaxError>(
  f: () => unknown,
  type: abstract new (...args: never[]) => E = RestliSyntaxError as never,
): E {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  return expect.unreachable('no error');
}
