/**
 * Rest.li partial-update patches (the body of a `PARTIAL_UPDATE`): `{ "patch": tree }`, where a
 * tree holds `$set` (field → new value), `$delete` (field names) and, under a field's name, the
 * tree of a nested record.
 *
 * Field names are written as the Java `PatchTree` writes them: literally inside `$set` and
 * `$delete`, and with every `$` doubled (`$foo` → `$$foo`, Java's `Escaper.escapePathSegment`) when
 * the name is the key of a nested tree, so that it cannot be mistaken for a directive.
 *
 * @module
 */

import { sortedKeys } from '../codec/encode.ts';
import {
  type ErrorCode,
  RestliEncodeError,
  type RestliError,
  RestliPatchError,
} from '../errors.ts';
import { expectOptions, expectString, isPlainRecord } from '../internal/args.ts';
import { doubleDollars, undoubleDollars } from '../internal/dollar.ts';
import { maxDepthOf } from '../internal/limits.ts';
import { setOwn } from '../internal/own.ts';
import { childPath } from '../internal/paths.ts';
import { isStackOverflow } from '../internal/stack.ts';
import type { RestliPrimitive } from '../types.ts';

/**
 * Data a patch holds and applies to: JSON-like values (`null` is a value, as in JSON), plus
 * bigints. A record entry whose value is `undefined` is absent.
 */
export type PatchData =
  | RestliPrimitive
  | null
  | readonly PatchData[]
  | { readonly [field: string]: PatchData | undefined };

/** A record: a plain object of fields. */
export type PatchRecord = { readonly [field: string]: PatchData | undefined };

/**
 * One level of a patch: `$set` and `$delete` for this record's own fields, and the tree of each
 * nested record that changed under its (`$`-doubled) field name.
 */
export interface PatchTree {
  readonly $set?: PatchRecord;
  readonly $delete?: readonly string[];
  readonly [escapedField: string]: PatchTree | PatchRecord | readonly string[] | undefined;
}

/** A partial-update request body. */
export interface PatchRequest {
  readonly patch: PatchTree;
}

/** Options of {@link createPatch} and {@link applyPatch}. */
export interface PatchOptions {
  /** Deepest nesting of records and lists accepted; deeper is `DEPTH_EXCEEDED`. Default 256. */
  maxDepth?: number;
}

const SET = '$set';
const DELETE = '$delete';

/** A mutable record under construction. */
type Building = { [field: string]: PatchData | PatchTree | string[] | undefined };

/** How a walk reports a problem: createPatch and applyPatch raise different classes. */
type Fail = (code: ErrorCode, reason: string, path: string) => RestliError;

const encodeFail: Fail = (code, reason, path) => new RestliEncodeError(code, reason, path);
const patchFail: Fail = (code, reason, path) => new RestliPatchError(code, reason, path);

/**
 * The patch that turns `before` into `after`. Records are compared field by field: a field that
 * is new, whose value changed to or from a non-record, or whose type changed goes in `$set`; a
 * removed field goes in `$delete`; a record that changed inside gets a nested tree under its
 * name. Lists are replaced whole. `''` is a value, not a deletion; an `undefined` field is absent.
 * No change gives `{ patch: {} }`. Keys are inserted sorted (UTF-16 code units; JS objects still
 * list integer-like keys such as `"0"` first), `$delete` is sorted too, and the
 * `$set` values are copies, so the patch shares nothing with `after`.
 *
 * @example
 * ```ts
 * createPatch({ a: 1, b: { c: 'x', d: 'y' }, e: 2 }, { a: 2, b: { c: 'x' } });
 * // { patch: { $delete: ['e'], $set: { a: 2 }, b: { $delete: ['d'] } } }
 * createPatch({ $x: { y: 1 } }, { $x: { y: 2 } });
 * // { patch: { $$x: { $set: { y: 2 } } } }
 * ```
 * @throws {@link RestliEncodeError} `UNSUPPORTED_VALUE` when `before` or `after` is not a plain
 * object, or a value that goes into the patch is not {@link PatchData} (a function, a class
 * instance, `undefined` in a list…); `CIRCULAR_VALUE`; `DEPTH_EXCEEDED` past `maxDepth`. The reason
 * says which argument, the path where in it.
 */
export function createPatch(
  before: PatchRecord,
  after: PatchRecord,
  options?: PatchOptions,
): PatchRequest {
  expectOptions(options);
  const maxDepth = maxDepthOf(options);
  for (const [name, value] of [
    ['before', before],
    ['after', after],
  ] as const) {
    if (!isRecord(value)) {
      throw encodeFail('UNSUPPORTED_VALUE', `${name} is not a record (plain object)`, '$');
    }
  }
  try {
    return { patch: diff(before, after, '$', 0, maxDepth) };
  } catch (error) {
    // A maxDepth above what the call stack holds: the stack is the limit.
    if (isStackOverflow(error)) {
      throw encodeFail('DEPTH_EXCEEDED', 'nesting too deep for the call stack', '$');
    }
    throw error;
  }
}

function diff(
  before: PatchRecord,
  after: PatchRecord,
  path: string,
  depth: number,
  maxDepth: number,
): PatchTree {
  checkDepth(depth, maxDepth, path, encodeFail, 'in before and after');
  const deleted = sortedKeys(before).filter(
    (field) => own(before, field) !== undefined && own(after, field) === undefined,
  );
  const set: Building = {};
  const nested: [string, PatchTree][] = [];
  for (const field of sortedKeys(after)) {
    const now = own(after, field);
    if (now === undefined) continue;
    const was = own(before, field);
    // Shared subtrees, as immutable updates leave them, are unchanged without a walk.
    if (Object.is(was, now)) continue;
    const at = childPath(path, field);
    if (isRecord(was) && isRecord(now)) {
      const tree = diff(was, now, at, depth + 1, maxDepth);
      if (!isEmptyTree(tree)) nested.push([escapeField(field), tree]);
    } else if (was === undefined || !sameData(was, now, at, depth + 1, maxDepth)) {
      setOwn(set, field, copyData(now, at, depth + 1, maxDepth, encodeFail, 'in after'));
    }
  }
  const tree: Building = {};
  const entries: [string, PatchTree | Building | string[]][] = [...nested];
  if (deleted.length > 0) entries.push([DELETE, deleted]);
  if (Object.keys(set).length > 0) entries.push([SET, set]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, value] of entries) setOwn(tree, key, value);
  return tree as PatchTree;
}

function isEmptyTree(tree: PatchTree): boolean {
  return Object.keys(tree).length === 0;
}

/** Deep equality of data, with `Object.is` on leaves (so `NaN` equals itself, `0` not `-0`). */
function sameData(a: unknown, b: unknown, path: string, depth: number, maxDepth: number): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  // Two distinct cyclic structures would otherwise recurse forever.
  checkDepth(depth, maxDepth, path, encodeFail, 'in before or after');
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameData(item, b[i], `${path}[${i}]`, depth + 1, maxDepth));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const fields = definedKeys(a);
  if (fields.length !== definedKeys(b).length) return false;
  return fields.every((field) => {
    const other = own(b, field);
    return (
      other !== undefined &&
      sameData(own(a, field), other, childPath(path, field), depth + 1, maxDepth)
    );
  });
}

/**
 * Applies a patch, given as the request body `{ patch: tree }` or as the bare tree, and returns
 * the new record; neither argument is changed, and the result shares the records and lists the
 * patch leaves untouched with `value`. A nested tree for a field that `value` lacks patches an
 * empty record, and the field is created only if that record ends up non-empty (so `$delete` on a
 * missing record is a no-op). Deleting a missing field is a no-op. `__proto__`, `constructor` and
 * the like are ordinary fields.
 *
 * The body form is recognized by shape: an object whose only entry is `patch` holding an object.
 * A bare tree of that shape (a nested tree for a field named `patch`, and nothing else) must be
 * wrapped, `{ patch: tree }`.
 *
 * @example
 * ```ts
 * applyPatch({ a: 1, b: { c: 'x', d: 'y' }, e: 2 }, {
 *   patch: { $delete: ['e'], $set: { a: 2 }, b: { $delete: ['d'] } },
 * }); // { a: 2, b: { c: 'x' } }
 * ```
 * @throws {@link RestliPatchError} `INVALID_PATCH` for a tree that is not an object, `$set` not an
 * object, `$delete` not a list of strings, an unknown `$` directive, a nested tree for a field
 * that holds a non-record (or a `value` that is not a record), and a field both set and deleted,
 * or set or deleted and patched; `UNSUPPORTED_VALUE` for a `$set` value that is not
 * {@link PatchData}; `CIRCULAR_VALUE`; `DEPTH_EXCEEDED` past `maxDepth`. Its `path` points into the
 * patch as given.
 */
export function applyPatch(
  value: PatchRecord,
  patch: PatchRequest | PatchTree,
  options?: PatchOptions,
): { [field: string]: PatchData } {
  expectOptions(options);
  const maxDepth = maxDepthOf(options);
  const wrapped = isRequest(patch);
  const tree: unknown = wrapped ? patch.patch : patch;
  const path = wrapped ? '$.patch' : '$';
  if (!isRecord(value)) {
    throw patchFail('INVALID_PATCH', 'a patch applies to a record (plain object)', path);
  }
  try {
    return applyTree(value, tree, path, 0, maxDepth) as { [field: string]: PatchData };
  } catch (error) {
    // A maxDepth above what the call stack holds: the stack is the limit.
    if (isStackOverflow(error)) {
      throw patchFail('DEPTH_EXCEEDED', 'nesting too deep for the call stack', path);
    }
    throw error;
  }
}

function isRequest(patch: unknown): patch is PatchRequest {
  if (!isRecord(patch)) return false;
  const keys = definedKeys(patch);
  return keys.length === 1 && keys[0] === 'patch' && isRecord(own(patch, 'patch'));
}

/** One level of a tree, read and checked. */
interface Parsed {
  set: Map<string, PatchData>;
  deleted: Set<string>;
  nested: Map<string, { tree: unknown; path: string }>;
}

function applyTree(
  value: PatchRecord,
  tree: unknown,
  path: string,
  depth: number,
  maxDepth: number,
): PatchRecord {
  if (!isRecord(tree)) {
    throw patchFail('INVALID_PATCH', `a patch tree must be an object, not ${describe(tree)}`, path);
  }
  checkDepth(depth, maxDepth, path, patchFail, 'in the patch');
  const { set, deleted, nested } = parseTree(tree, path, depth, maxDepth);
  const result: Building = {};
  for (const field of Object.keys(value)) {
    const kept = own(value, field);
    if (kept !== undefined && !deleted.has(field)) setOwn(result, field, kept);
  }
  for (const [field, data] of set) setOwn(result, field, data);
  for (const [field, { tree: inner, path: at }] of nested) {
    const current = own(value, field);
    if (current === undefined) {
      const created = applyTree({}, inner, at, depth + 1, maxDepth);
      if (Object.keys(created).length > 0) setOwn(result, field, created);
    } else if (isRecord(current)) {
      setOwn(result, field, applyTree(current, inner, at, depth + 1, maxDepth));
    } else {
      const reason = `field ${JSON.stringify(field)} holds ${describe(current)}, not a record, so it cannot take a nested patch`;
      throw patchFail('INVALID_PATCH', reason, at);
    }
  }
  return result as PatchRecord;
}

function parseTree(tree: PatchRecord, path: string, depth: number, maxDepth: number): Parsed {
  const parsed: Parsed = { set: new Map(), deleted: new Set(), nested: new Map() };
  for (const key of sortedKeys(tree)) {
    const entry = own(tree, key);
    if (entry === undefined) continue;
    const at = childPath(path, key);
    if (key === SET) readSet(entry, at, depth, maxDepth, parsed);
    else if (key === DELETE) readDelete(entry, at, parsed);
    else if (key.startsWith('$') && !key.startsWith('$$')) {
      const reason = `unknown patch directive ${JSON.stringify(key)} (a field name starting with $ is written with $$)`;
      throw patchFail('INVALID_PATCH', reason, at);
    } else {
      const field = unescapeField(key);
      if (parsed.nested.has(field)) {
        throw patchFail(
          'INVALID_PATCH',
          `field ${JSON.stringify(field)} has two nested patches`,
          at,
        );
      }
      parsed.nested.set(field, { tree: entry, path: at });
    }
  }
  for (const field of parsed.deleted) {
    if (parsed.set.has(field)) conflict(field, 'both set and deleted', childPath(path, SET));
  }
  for (const [field, { path: at }] of parsed.nested) {
    if (parsed.set.has(field)) conflict(field, 'both set and patched', at);
    if (parsed.deleted.has(field)) conflict(field, 'both deleted and patched', at);
  }
  return parsed;
}

function conflict(field: string, what: string, path: string): never {
  throw patchFail('INVALID_PATCH', `field ${JSON.stringify(field)} is ${what}`, path);
}

function readSet(entry: unknown, path: string, depth: number, maxDepth: number, into: Parsed) {
  if (!isRecord(entry)) {
    throw patchFail('INVALID_PATCH', `$set must be an object, not ${describe(entry)}`, path);
  }
  for (const field of sortedKeys(entry)) {
    const data = own(entry, field);
    if (data === undefined) continue;
    const at = childPath(path, field);
    into.set.set(field, copyData(data, at, depth + 1, maxDepth, patchFail, 'in $set'));
  }
}

function readDelete(entry: unknown, path: string, into: Parsed): void {
  if (!Array.isArray(entry)) {
    const reason = `$delete must be a list of field names, not ${describe(entry)}`;
    throw patchFail('INVALID_PATCH', reason, path);
  }
  entry.forEach((field: unknown, i) => {
    if (typeof field !== 'string') {
      const reason = `$delete must hold field names (strings), not ${describe(field)}`;
      throw patchFail('INVALID_PATCH', reason, `${path}[${i}]`);
    }
    into.deleted.add(field);
  });
}

/**
 * A checked deep copy of data, records with sorted keys; `ancestors` catches cycles before the
 * depth limit does, for a clearer error.
 */
function copyData(
  data: unknown,
  path: string,
  depth: number,
  maxDepth: number,
  fail: Fail,
  where: string,
  ancestors: Set<object> = new Set(),
): PatchData {
  switch (typeof data) {
    case 'string':
    case 'number':
    case 'bigint':
    case 'boolean':
      return data;
    case 'object':
      break;
    default:
      throw fail('UNSUPPORTED_VALUE', `${describe(data)} is not patch data (${where})`, path);
  }
  if (data === null) return null;
  if (ancestors.has(data)) throw fail('CIRCULAR_VALUE', `circular reference (${where})`, path);
  checkDepth(depth, maxDepth, path, fail, where);
  ancestors.add(data);
  let copy: PatchData;
  if (Array.isArray(data)) {
    copy = data.map((item: unknown, i) =>
      copyData(item, `${path}[${i}]`, depth + 1, maxDepth, fail, where, ancestors),
    );
  } else if (isPlainRecord(data)) {
    const record: Building = {};
    for (const field of sortedKeys(data)) {
      const item = own(data as PatchRecord, field);
      if (item === undefined) continue;
      const at = childPath(path, field);
      setOwn(record, field, copyData(item, at, depth + 1, maxDepth, fail, where, ancestors));
    }
    copy = record as PatchRecord;
  } else {
    throw fail('UNSUPPORTED_VALUE', `${describe(data)} is not patch data (${where})`, path);
  }
  ancestors.delete(data);
  return copy;
}

function checkDepth(depth: number, maxDepth: number, path: string, fail: Fail, where: string) {
  if (depth >= maxDepth) {
    throw fail('DEPTH_EXCEEDED', `nesting deeper than maxDepth ${maxDepth} (${where})`, path);
  }
}

/**
 * Writes a field name as the key of a nested tree: every `$` doubled, as Java's
 * `Escaper.escapePathSegment` does.
 *
 * @example
 * ```ts
 * escapeField('$start'); // '$$start'
 * escapeField('a$b'); // 'a$$b'
 * ```
 */
export function escapeField(field: string): string {
  expectString(field, 'field');
  return doubleDollars(field);
}

/**
 * Reads the key of a nested tree back as a field name: `$$` → `$` scanning left to right, a lone
 * `$` kept (Java's `Escaper.unescapePathSegment`).
 *
 * @example
 * ```ts
 * unescapeField('$$start'); // '$start'
 * unescapeField(' $$$ '); // ' $$ '
 * ```
 */
export function unescapeField(key: string): string {
  expectString(key, 'key');
  return undoubleDollars(key);
}

/** Plain objects only: lists, class instances and `null` are not records. */
function isRecord(value: unknown): value is PatchRecord {
  return isPlainRecord(value);
}

/** An own field's value; never one inherited from `Object.prototype` (`constructor`, `__proto__`). */
function own(record: PatchRecord, field: string): PatchData | undefined {
  return Object.hasOwn(record, field) ? record[field] : undefined;
}

function definedKeys(record: PatchRecord): string[] {
  return Object.keys(record).filter((field) => record[field] !== undefined);
}

/** What a value is, for error reasons: `a list`, `a Date`, `null`, `a function`. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value !== 'object') return `a ${typeof value}`;
  if (isPlainRecord(value)) return 'a record';
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return `a ${typeof name === 'string' && name !== '' ? name : 'object'}`;
}
