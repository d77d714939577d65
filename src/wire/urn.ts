/**
 * URNs (`urn:li:person:123`, `urn:li:endorsement:(urn:li:person:2qXA98-mVk,65761962366)`): the
 * ids of LinkedIn's APIs. To Rest.li a URN is an ordinary string (`encode` escapes it like any
 * other); these helpers build and read the URN syntax itself, tuples included, safely.
 *
 * @module
 */

import { percentDecode } from '../codec/escape.ts';
import { DEFAULT_MAX_DEPTH } from '../codec/limits.ts';
import { type ErrorCode, RestliEncodeError, RestliError, RestliSyntaxError } from '../errors.ts';
import { expectOptions, expectRecord, expectString, isPlainRecord } from '../internal/args.ts';
import { checkLength, maxDepthOf, maxLengthOf } from '../internal/limits.ts';
import { numberText as javaNumberText } from '../internal/number-text.ts';
import { isStackOverflow } from '../internal/stack.ts';

/**
 * A member of a tuple id: a plain string, a URN, or a nested tuple. Numbers and bigints are
 * written as their text (a URN id is text: {@link parseUrn} gives them back as strings).
 */
export type UrnMember = string | number | bigint | Urn | UrnTuple;

/** A tuple id `(a,b,…)`: one or more members, in order. */
export type UrnTuple = readonly UrnMember[];

/** The id of a URN: a plain string (or number, bigint, written as text), or a tuple. */
export type UrnId = string | number | bigint | UrnTuple;

/**
 * A URN: `urn:<namespace>:<entityType>:<id>`.
 *
 * @example
 * ```ts
 * const endorsement: Urn = {
 *   namespace: 'li',
 *   entityType: 'endorsement',
 *   id: [{ namespace: 'li', entityType: 'person', id: '2qXA98-mVk' }, '65761962366'],
 * };
 * ```
 */
export interface Urn {
  /** `li` in `urn:li:person:1`: non-empty, without `: ( ) , %`. */
  readonly namespace: string;
  /** `person` in `urn:li:person:1`: non-empty, without `: ( ) , %`. */
  readonly entityType: string;
  /** `1` in `urn:li:person:1`; a tuple for `(…)` ids. */
  readonly id: UrnId;
}

/** Options of {@link parseUrn}. */
export interface ParseUrnOptions {
  /** Deepest nesting of tuples accepted; deeper is `DEPTH_EXCEEDED`. Default 256. */
  maxDepth?: number;
  /** Longest input accepted, in UTF-16 code units; longer is `MAX_LENGTH_EXCEEDED`. Default 16 Mi. */
  maxLength?: number;
}

const PREFIX = 'urn:';
/** Characters a plain id or member cannot hold raw: the tuple syntax's, and the escape itself. */
const RESERVED = /[%(),]/g;
const ESCAPES: Record<string, string> = { '%': '%25', '(': '%28', ')': '%29', ',': '%2C' };

/**
 * Reads a URN. A tuple id `(a,b,…)` is split on its top-level commas; a member that starts with
 * `urn:` is a URN, one that starts with `(` a nested tuple, anything else a string whose `%XX`
 * escapes are decoded (so `(`, `)`, `,` and `%` can appear in members as `%28 %29 %2C %25`).
 *
 * @example
 * ```ts
 * parseUrn('urn:li:endorsement:(urn:li:person:2qXA98-mVk,65761962366)');
 * // { namespace: 'li', entityType: 'endorsement',
 * //   id: [{ namespace: 'li', entityType: 'person', id: '2qXA98-mVk' }, '65761962366'] }
 * ```
 * @throws {@link RestliSyntaxError} `INVALID_URN` (no `urn:` prefix, an empty namespace, type, id
 * or member, `( ) , %` in a namespace or type, text after a tuple), `UNBALANCED_URN`
 * (parentheses), `DEPTH_EXCEEDED`, `MAX_LENGTH_EXCEEDED`, or a percent-decoding error
 * (`MALFORMED_ESCAPE`, `INVALID_UTF8`), with the offset in `text`.
 */
export function parseUrn(text: string, options?: ParseUrnOptions): Urn {
  expectString(text, 'parseUrn: text');
  expectOptions(options, 'parseUrn: options');
  checkLength(text, maxLengthOf(options));
  return new UrnReader(text, maxDepthOf(options)).whole();
}

/**
 * True when `text` is a well-formed URN ({@link parseUrn} reads it).
 *
 * @example
 * ```ts
 * isUrn('urn:li:person:123'); // true
 * isUrn('urn:li:person');     // false
 * ```
 */
export function isUrn(text: string): boolean {
  // A predicate: anything that is not a string is not a URN.
  if (typeof text !== 'string') return false;
  try {
    parseUrn(text);
    return true;
  } catch (error) {
    if (error instanceof RestliError) return false;
    throw error;
  }
}

/**
 * Writes a URN; the inverse of {@link parseUrn}. String members (and a plain id) have `% ( ) ,`
 * escaped, and a string member that starts with `urn:` gets its first `:` escaped, so it is read
 * back as a string, not as a URN.
 *
 * @example
 * ```ts
 * formatUrn({ namespace: 'li', entityType: 'endorsement',
 *   id: [{ namespace: 'li', entityType: 'person', id: '2qXA98-mVk' }, '65761962366'] });
 * // 'urn:li:endorsement:(urn:li:person:2qXA98-mVk,65761962366)'
 * ```
 * @throws {@link RestliEncodeError} `INVALID_URN` for an empty or `:`-holding namespace or type,
 * an empty id, tuple or member, or nesting deeper than 256.
 */
export function formatUrn(urn: Urn): string {
  expectRecord(urn, 'formatUrn: urn');
  return writeUrn(urn, '$', 0);
}

/** The text of a number or bigint id or member; `undefined` for anything else. */
function numberText(value: unknown, path: string): string | undefined {
  if (typeof value === 'bigint') return String(value);
  if (typeof value !== 'number') return undefined;
  if (!Number.isFinite(value)) {
    throw new RestliEncodeError('INVALID_URN', 'a URN id number is finite', path);
  }
  // JavaScript's canonical text holds none of `% ( ) ,`, so it is written as it is.
  return javaNumberText(value);
}

/** The writers' nesting limit (a tuple inside a URN inside a tuple …). */
function checkDepth(depth: number, path: string): void {
  if (depth > DEFAULT_MAX_DEPTH) {
    throw new RestliEncodeError(
      'DEPTH_EXCEEDED',
      `URN nested deeper than ${DEFAULT_MAX_DEPTH}`,
      path,
    );
  }
}

function writeUrn(urn: Urn, path: string, depth: number): string {
  checkDepth(depth, path);
  for (const part of ['namespace', 'entityType'] as const) {
    const value = urn[part];
    if (typeof value !== 'string' || value === '' || /[:(),%]/.test(value)) {
      throw new RestliEncodeError(
        'INVALID_URN',
        `a URN ${part} is a non-empty string without : ( ) , %`,
        `${path}.${part}`,
      );
    }
  }
  const idPath = `${path}.id`;
  const id =
    typeof urn.id === 'string'
      ? writePlain(urn.id, idPath, false)
      : (numberText(urn.id, idPath) ??
        (Array.isArray(urn.id)
          ? writeTuple(urn.id, idPath, depth + 1)
          : invalidPart('a URN id is a string, number, bigint or tuple', idPath)));
  return `${PREFIX}${urn.namespace}:${urn.entityType}:${id}`;
}

function writeTuple(members: readonly UrnMember[], path: string, depth: number): string {
  checkDepth(depth, path);
  if (members.length === 0)
    throw new RestliEncodeError('INVALID_URN', 'a URN tuple is not empty', path);
  const parts = members.map((member, i) => {
    const at = `${path}[${i}]`;
    if (typeof member === 'string') return writePlain(member, at, true);
    if (Array.isArray(member)) return writeTuple(member, at, depth + 1);
    if (isPlainRecord(member)) return writeUrn(member as unknown as Urn, at, depth + 1);
    return (
      numberText(member, at) ??
      invalidPart('a URN tuple member is a string, number, bigint, URN or tuple', at)
    );
  });
  return `(${parts.join(',')})`;
}

function invalidPart(reason: string, path: string): never {
  throw new RestliEncodeError('INVALID_URN', reason, path);
}

function writePlain(text: string, path: string, member: boolean): string {
  if (text === '')
    throw new RestliEncodeError('INVALID_URN', 'a URN id or tuple member is not empty', path);
  const escaped = text.replace(RESERVED, (c) => ESCAPES[c]!);
  // A member spelled like a URN would be read back as one.
  return member && escaped.startsWith(PREFIX) ? `urn%3A${escaped.slice(PREFIX.length)}` : escaped;
}

/**
 * A one-pass reader: each character is looked at once, and nesting is counted before each
 * recursion, so a deep or long URN costs time in proportion to its length.
 */
class UrnReader {
  /** Where reading has got to. */
  pos = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  fail(code: ErrorCode, reason: string, offset: number): never {
    throw new RestliSyntaxError(code, reason, this.text, offset);
  }

  /** The whole text as one URN. */
  whole(): Urn {
    let urn: Urn;
    try {
      urn = this.urn(0, false);
    } catch (error) {
      // maxDepth caps the recursion; only a caller-raised one beyond the call stack gets here.
      if (isStackOverflow(error)) {
        this.fail('DEPTH_EXCEEDED', 'nesting too deep for the call stack', 0);
      }
      throw error;
    }
    if (this.pos !== this.text.length) this.fail('INVALID_URN', 'text after a URN tuple', this.pos);
    return urn;
  }

  /** A URN at `pos`; inside a tuple its plain id ends at `,` or `)`, outside at the end. */
  urn(depth: number, inTuple: boolean): Urn {
    const t = this.text;
    if (!t.startsWith(PREFIX, this.pos)) {
      this.fail('INVALID_URN', "a URN starts with 'urn:'", this.pos);
    }
    this.pos += PREFIX.length;
    const namespace = this.part('namespace');
    const entityType = this.part('entity type');
    const c = t[this.pos];
    if (c === undefined || (inTuple && (c === ',' || c === ')'))) {
      this.fail('INVALID_URN', 'a URN has a non-empty id', this.pos);
    }
    const id = c === '(' ? this.tuple(depth + 1) : this.plain(inTuple);
    return { namespace, entityType, id };
  }

  /** A namespace or entity type at `pos`, and the `:` after it. */
  part(what: string): string {
    const t = this.text;
    const start = this.pos;
    let i = start;
    while (i < t.length && t[i] !== ':') {
      // What formatUrn cannot write is not read either, so every parsed URN can be written.
      if ('(),%'.includes(t[i]!)) {
        this.fail('INVALID_URN', `unexpected '${t[i]}' in a URN ${what}`, i);
      }
      i++;
    }
    if (i === start) this.fail('INVALID_URN', `a URN has a non-empty ${what}`, start);
    if (i >= t.length) this.fail('INVALID_URN', `a URN ${what} is followed by ':'`, i);
    this.pos = i + 1;
    return t.slice(start, i);
  }

  /** A tuple `( … )` at `pos`, `depth` levels deep. */
  tuple(depth: number): UrnMember[] {
    if (depth > this.maxDepth) {
      this.fail('DEPTH_EXCEEDED', `URN nested deeper than maxDepth ${this.maxDepth}`, this.pos);
    }
    const t = this.text;
    const members: UrnMember[] = [];
    this.pos++;
    for (;;) {
      members.push(this.member(depth));
      const c = t[this.pos];
      if (c === ',') {
        this.pos++;
      } else if (c === ')') {
        this.pos++;
        return members;
      } else if (c === undefined) {
        this.fail('UNBALANCED_URN', "a URN tuple is missing its ')'", this.pos);
      } else {
        this.fail('INVALID_URN', 'text after a URN tuple', this.pos);
      }
    }
  }

  /** A tuple member at `pos`: a URN, a nested tuple or a plain string. */
  member(depth: number): UrnMember {
    const t = this.text;
    const c = t[this.pos];
    if (c === undefined) this.fail('UNBALANCED_URN', "a URN tuple is missing its ')'", this.pos);
    if (c === ',' || c === ')') this.fail('INVALID_URN', 'an empty URN tuple member', this.pos);
    if (t.startsWith(PREFIX, this.pos)) return this.urn(depth, true);
    if (c === '(') return this.tuple(depth + 1);
    return this.plain(true);
  }

  /** A plain id or member at `pos`, its `%XX` escapes decoded. */
  plain(inTuple: boolean): string {
    const t = this.text;
    const start = this.pos;
    let i = start;
    for (; i < t.length; i++) {
      const c = t[i]!;
      if (inTuple && (c === ',' || c === ')')) break;
      if (c === '(' || c === ')' || c === ',') {
        this.fail('UNBALANCED_URN', `unexpected '${c}' in a URN id`, i);
      }
    }
    this.pos = i;
    return percentDecode(t.slice(start, i), { base: start, whole: t });
  }
}
