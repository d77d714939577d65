/**
 * URNs (`urn:li:person:123`, `urn:li:endorsement:(urn:li:person:2qXA98-mVk,65761962366)`): the
 * ids of LinkedIn's APIs. To Rest.li a URN is an ordinary string (`encode` escapes it like any
 * other); these helpers build and read the URN syntax itself, tuples included, safely.
 *
 * @module
 */

import { RestliEncodeError, RestliError, RestliSyntaxError } from './errors.ts';
import { percentDecode } from './escape.ts';
import { DEFAULT_MAX_DEPTH } from './limits.ts';

/** A member of a tuple id: a plain string, a URN, or a nested tuple. */
export type UrnMember = string | Urn | readonly UrnMember[];

/** A URN: `urn:<namespace>:<entityType>:<id>`, the id a string or a tuple of members. */
export interface Urn {
  readonly namespace: string;
  readonly entityType: string;
  readonly id: string | readonly UrnMember[];
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
 * @throws {@link RestliSyntaxError} `URN_INVALID` (no `urn:` prefix, an empty namespace, type, id
 * or member, text after a tuple), `URN_UNBALANCED` (parentheses), `DEPTH_EXCEEDED`, or a
 * percent-decoding error, with the offset in `text`.
 */
export function parseUrn(text: string, options?: { maxDepth?: number }): Urn {
  const reader = new UrnReader(text, options?.maxDepth ?? DEFAULT_MAX_DEPTH);
  const urn = reader.urn(0, text.length, 0);
  return urn;
}

/** True when `text` is a well-formed URN. */
export function isUrn(text: string): boolean {
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
  return writeUrn(urn, '$', 0);
}

function writeUrn(urn: Urn, path: string, depth: number): string {
  if (depth > DEFAULT_MAX_DEPTH) {
    throw new RestliEncodeError(
      'DEPTH_EXCEEDED',
      `URN nested deeper than ${DEFAULT_MAX_DEPTH}`,
      path,
    );
  }
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
  const id =
    typeof urn.id === 'string'
      ? writePlain(urn.id, `${path}.id`, false)
      : writeTuple(urn.id, `${path}.id`, depth + 1);
  return `${PREFIX}${urn.namespace}:${urn.entityType}:${id}`;
}

function writeTuple(members: readonly UrnMember[], path: string, depth: number): string {
  if (depth > DEFAULT_MAX_DEPTH) {
    throw new RestliEncodeError(
      'DEPTH_EXCEEDED',
      `URN nested deeper than ${DEFAULT_MAX_DEPTH}`,
      path,
    );
  }
  if (members.length === 0)
    throw new RestliEncodeError('INVALID_URN', 'a URN tuple is not empty', path);
  const parts = members.map((member, i) => {
    const at = `${path}[${i}]`;
    if (typeof member === 'string') return writePlain(member, at, true);
    if (Array.isArray(member)) return writeTuple(member, at, depth + 1);
    return writeUrn(member as Urn, at, depth + 1);
  });
  return `(${parts.join(',')})`;
}

function writePlain(text: string, path: string, member: boolean): string {
  if (text === '')
    throw new RestliEncodeError('INVALID_URN', 'a URN id or tuple member is not empty', path);
  const escaped = text.replace(RESERVED, (c) => ESCAPES[c]!);
  // A member spelled like a URN would be read back as one.
  return member && escaped.startsWith(PREFIX) ? `urn%3A${escaped.slice(PREFIX.length)}` : escaped;
}

class UrnReader {
  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  fail(code: string, reason: string, offset: number): never {
    throw new RestliSyntaxError(code, reason, this.text, offset);
  }

  /** The URN in `text[start, end)`. */
  urn(start: number, end: number, depth: number): Urn {
    const t = this.text;
    if (!t.startsWith(PREFIX, start) || start + PREFIX.length > end) {
      this.fail('URN_INVALID', "a URN starts with 'urn:'", start);
    }
    const nsStart = start + PREFIX.length;
    const nsEnd = this.colon(nsStart, end, 'namespace');
    const typeEnd = this.colon(nsEnd + 1, end, 'entity type');
    const idStart = typeEnd + 1;
    if (idStart >= end) this.fail('URN_INVALID', 'a URN has a non-empty id', idStart);
    const id = t[idStart] === '(' ? this.tuple(idStart, end, depth + 1) : this.plain(idStart, end);
    return { namespace: t.slice(nsStart, nsEnd), entityType: t.slice(nsEnd + 1, typeEnd), id };
  }

  /** The index of the `:` ending a non-empty namespace or type that starts at `start`. */
  colon(start: number, end: number, what: string): number {
    const t = this.text;
    let i = start;
    while (i < end && t[i] !== ':') {
      if ('(),'.includes(t[i]!))
        this.fail('URN_INVALID', `unexpected '${t[i]}' in a URN ${what}`, i);
      i++;
    }
    if (i === start) this.fail('URN_INVALID', `a URN has a non-empty ${what}`, start);
    if (i >= end) this.fail('URN_INVALID', `a URN ${what} ends with ':'`, end);
    return i;
  }

  /** A tuple `( … )` that spans exactly `text[start, end)`. */
  tuple(start: number, end: number, depth: number): UrnMember[] {
    if (depth > this.maxDepth) {
      this.fail('DEPTH_EXCEEDED', `URN nested deeper than maxDepth ${this.maxDepth}`, start);
    }
    const t = this.text;
    const members: UrnMember[] = [];
    let memberStart = start + 1;
    let level = 0;
    for (let i = start + 1; i < end; i++) {
      const c = t[i];
      if (c === '(') {
        // Checked while scanning, so an unclosed million-deep tuple is a depth error at once.
        if (depth + ++level > this.maxDepth) {
          this.fail('DEPTH_EXCEEDED', `URN nested deeper than maxDepth ${this.maxDepth}`, i);
        }
      } else if (c === ')') {
        if (level === 0) {
          members.push(this.member(memberStart, i, depth));
          if (i !== end - 1) this.fail('URN_INVALID', 'text after a URN tuple', i + 1);
          return members;
        }
        level--;
      } else if (c === ',' && level === 0) {
        members.push(this.member(memberStart, i, depth));
        memberStart = i + 1;
      }
    }
    return this.fail('URN_UNBALANCED', "a URN tuple is missing its ')'", end);
  }

  member(start: number, end: number, depth: number): UrnMember {
    const t = this.text;
    if (start === end) this.fail('URN_INVALID', 'an empty URN tuple member', start);
    if (t.startsWith(PREFIX, start)) return this.urn(start, end, depth);
    if (t[start] === '(') return this.tuple(start, end, depth + 1);
    return this.plain(start, end);
  }

  plain(start: number, end: number): string {
    const t = this.text;
    for (let i = start; i < end; i++) {
      if ('(),'.includes(t[i]!)) this.fail('URN_UNBALANCED', `unexpected '${t[i]}' in a URN id`, i);
    }
    return percentDecode(t.slice(start, end), { base: start, whole: t });
  }
}
