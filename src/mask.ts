/**
 * Projections (spec f): the mask syntax of `fields`, `metadataFields` and `pagingFields`
 * (`a,b:(c,-d),e:($*:(f),$start:0,$count:10)`), both ways.
 *
 * @module
 */

import { RestliEncodeError } from './errors.ts';
import { encodeUriComponent } from './escape.ts';
import { grammars } from './grammars.ts';
import { javaHashMapOrder } from './java-hash-order.ts';
import { DEFAULT_MAX_DEPTH } from './limits.ts';
import type { MaskTree } from './mask-types.ts';
import { setOwn } from './own.ts';
import type { ProtocolVersionText } from './version-text.ts';

export type { MaskTree } from './mask-types.ts';

/** Field names that mean something to the mask syntax itself. */
const RANGES = new Set(['$start', '$count']);

/** Doubles every `$` of a real field name, so `$*`, `$start` and `$count` stay unambiguous. */
export function escapeMaskSegment(name: string): string {
  return name.replaceAll('$', '$$$$');
}

/** Reverses {@link escapeMaskSegment}: `$$` → `$`, left to right; a lone `$` is kept. */
export function unescapeMaskSegment(name: string): string {
  return name.replaceAll('$$', '$');
}

/** Characters a mask field name cannot hold: the grammar's, and whitespace (which it drops). */
const UNREPRESENTABLE = /[,:()\s]/;

/**
 * Writes a mask in mask syntax (spec f.3). Siblings come in the order the Java reference's hash
 * maps give them, so the text is what the Java client writes (servers treat siblings as a set).
 *
 * The mask may be a tree ({@link MaskTree}, field names as on the wire: `$` already doubled) or a
 * list of field paths, which is what most callers have: `['id', 'name.first', 'positions.$*.title']`
 * (each segment a real field name, `$` doubled for you; `$*` is the wildcard); a path starting
 * with `-` excludes the field.
 *
 * @example
 * ```ts
 * encodeMask({ a: 1, b: { c: 0 } });        // 'a,b:(-c)'
 * encodeMask(['id', 'name.first', '-bio']);  // e.g. 'id,-bio,name:(first)'
 * ```
 * @throws {@link RestliEncodeError} for a field name with `, : ( )` or whitespace, which the
 * syntax cannot hold, or a range that is not a non-negative integer.
 */
export function encodeMask(mask: MaskTree | readonly string[]): string {
  return writeLevel(
    Array.isArray(mask) ? treeOf(mask as readonly string[]) : (mask as MaskTree),
    '$',
    0,
  );
}

function treeOf(paths: readonly string[]): MaskTree {
  const root: MaskTree = {};
  paths.forEach((path, i) => {
    const negative = path.startsWith('-');
    const segments = (negative ? path.slice(1) : path).split('.');
    let level = root;
    segments.forEach((segment, j) => {
      const name = segment === '$*' ? segment : escapeMaskSegment(segment);
      if (name === '')
        throw new RestliEncodeError('INVALID_MASK', 'empty field name in a mask path', `$[${i}]`);
      if (j === segments.length - 1) {
        setOwn(level, name, negative ? 0 : 1);
        return;
      }
      const next = level[name];
      if (typeof next === 'object') {
        level = next;
      } else {
        const inner: MaskTree = {};
        setOwn(level, name, inner);
        level = inner;
      }
    });
  });
  return root;
}

function writeLevel(tree: MaskTree, path: string, depth: number): string {
  if (depth > DEFAULT_MAX_DEPTH) {
    throw new RestliEncodeError(
      'DEPTH_EXCEEDED',
      `mask nested deeper than ${DEFAULT_MAX_DEPTH}`,
      path,
    );
  }
  const parts: string[] = [];
  for (const name of javaHashMapOrder(Object.keys(tree))) {
    const value = tree[name];
    const at = `${path}[${JSON.stringify(name)}]`;
    if (name === '' || UNREPRESENTABLE.test(name)) {
      throw new RestliEncodeError(
        'INVALID_MASK',
        `mask field name ${JSON.stringify(name)} cannot be written`,
        at,
      );
    }
    if (RANGES.has(name)) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        throw new RestliEncodeError('INVALID_MASK', `${name} must be a non-negative integer`, at);
      }
      parts.push(`${name}:${value}`);
    } else if (value === 1) {
      parts.push(name);
    } else if (value === 0) {
      parts.push(`-${name}`);
    } else if (typeof value === 'object' && value !== null) {
      parts.push(`${name}:(${writeLevel(value, at, depth + 1)})`);
    } else {
      throw new RestliEncodeError('INVALID_MASK', 'a mask field is 1, 0 or a nested mask', at);
    }
  }
  return parts.join(',');
}

/** Options of {@link decodeMask}. */
export interface DecodeMaskOptions {
  /** Deepest nesting accepted; deeper is `DEPTH_EXCEEDED`. Default 256. */
  maxDepth?: number;
}

/**
 * Reads mask syntax into a mask tree (spec f.2): `1` include, `0` exclude, nested masks, and
 * `$start`/`$count` as integers. Whitespace inside names is dropped; empty items are skipped; a
 * later duplicate replaces an earlier one; field names keep their doubled `$`.
 *
 * @example
 * ```ts
 * decodeMask('a,b:($*:(c),$start:2,$count:4)'); // { a: 1, b: { $*: { c: 1 }, $start: 2, $count: 4 } }
 * ```
 * @throws {@link RestliSyntaxError} with the Java reference's `Malformed mask syntax: …` message
 * and codes `MASK_EXPECTED_OPEN_PAREN`, `MASK_BAD_RANGE_VALUE`, `MASK_UNEXPECTED_END`,
 * `MASK_EMPTY_PARENT`, `MASK_UNMATCHED_NESTING`, `MASK_EXPECTED_CLOSE`,
 * `MASK_UNEXPECTED_OPEN_PAREN`, `DEPTH_EXCEEDED`.
 */
export function decodeMask(text: string, options?: DecodeMaskOptions): MaskTree {
  return grammars().mask.parseMask(text, options?.maxDepth ?? DEFAULT_MAX_DEPTH);
}

/**
 * Mask text as a query parameter value (spec f.4): URL-escaped for a query, leaving the mask's
 * own characters raw; 2.0 leaves existing `%XX` alone, 1.0 escapes every `%`.
 */
export function maskToQueryValue(mask: string, version: ProtocolVersionText): string {
  return encodeUriComponent(mask, 'QUERY_PARAM', version === '2.0.0');
}
