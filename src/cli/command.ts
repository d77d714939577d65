/**
 * The shape of a `restli` command: its options for `node:util` parseArgs, its help text, and
 * what it does. `main.ts` only dispatches.
 *
 * @module
 */

import type { ParseArgsConfig } from 'node:util';

/** Thrown for bad usage: exit code 2 and the command's usage line. */
export class UsageError extends Error {}

/** A subcommand of `restli`. */
export interface Command {
  name: string;
  /** One line for the overall help. */
  summary: string;
  /** The full help of `restli <name> --help`. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Runs the command; resolves to the exit code. */
  run(values: Record<string, unknown>, positionals: string[]): Promise<number>;
}
