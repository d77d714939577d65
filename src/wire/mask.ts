/**
 * Projections (spec f): the mask syntax of `fields`, `metadataFields` and `pagingFields`
 * (`a,b:(c,-d),e:($*:(f),$start:0,$count:10)`), both ways.
 *
 * @module
 */

import { encodeUriComponent } from '../codec/escape.ts';
import { grammars } from '../codec/grammars.ts';
import { DEFAULT_MAX_DEPTH } from '../codec/limits.ts';
import { RestliEncodeError, RestliSyntaxError } from '../errors.ts';
import {
  argumentError,
  expectOptions,
  expectString,
  expectVersion,
  isPlainRecord,
} from '../internal/args.ts';
import { doubleDollars, undoubleDollars } from '../internal/dollar.ts';
import { javaHashMapOrder } from '../internal/java-hash-order.ts';
import { checkLength, maxDepthOf, maxLengthOf } from '../internal/limits.ts';
import { hasMaskWhitespace } from '../internal/mask-whitespace.ts';
import { setOwn } from '../internal/own.ts';
import type { ProtocolVersionText } from '../internal/version-text.ts';
import type { MaskTree } from '../types.ts';

export type { MaskTree, MaskValue } from '../types.ts';

/** Java's `Integer.MAX_VALUE`: the largest range value the reference reads. */
const MAX_RANGE = 2147483647;

/**
 * Doubles every `$` of a real field name, so `$*`, `$start` and `$count` stay unambiguous.
 *
 * @example
 * ```ts
 * escapeMaskSegment('$start'); // '$$start'
 * ```
 */
export function escapeMaskSegment(name: string): string {
  expectString(name, 'escapeMaskSegment: name');
  return doubleDollars(name);
}

/**
 * Reverses {@link escapeMaskSegment}: `$$` → `$`, left to right; a lone `$` is kept.
 *
 * @example
 * ```ts
 * unescapeMaskSegment('$$foo'); // '$foo'
 * unescapeMaskSegment(' $$$ '); // ' $$ '
 * ```
 */
export function unescapeMaskSegment(name: string): string {
  expectString(name, 'unescapeMaskSegment: name');
  return undoubleDollars(name);
}

/**
 * `, : )`: characters no mask field name can hold (whitespace is checked apart). A `(` can: the
 * reference reads it as part of a name, and only `:(` opens a nested mask.
 */
const GRAMMAR_CHARS = /[,:)]/;

/**
 * Writes a mask in mask syntax (spec f.3). Siblings come in the order the Java reference's hash
 * maps give them, so the text is what the Java client writes (servers treat siblings as a set).
 *
 * The mask may be a tree ({@link MaskTree}: keys written as given, so a real field name's `$` must
 * already be doubled) or a list of field paths, which is what most callers have:
 * `['id', 'name.first', 'positions.$*.title']`. In a path each `.`-separated segment is a real
 * field name whose `$` is doubled for you, except a segment that is exactly `$*` (the wildcard);
 * a path starting with `-` excludes its field. Paths merge as a set, whatever their order: a path
 * under a field already included or excluded whole adds nothing, and an exclusion wins over an
 * inclusion of the same field.
 *
 * A name that starts with `-` is written with one more `-` (which the syntax strips), so it can be
 * excluded or nested, but not included: `-a` alone would read back as "exclude `a`". A range
 * that would end the whole text (`$start:2`, which the reference's decoder rejects) is followed
 * by a `,`.
 *
 * @example
 * ```ts
 * encodeMask({ a: 1, b: { c: 0 } });               // 'a,b:(-c)'
 * encodeMask(['id', 'name.first', 'name.last']);    // 'name:(last,first),id'
 * encodeMask(['positions.$*.title', '$type', '-bio']); // '-bio,$$type,positions:($*:(title))'
 * ```
 * @throws {@link RestliEncodeError} `INVALID_MASK` for an empty field name, one with `, : )`
 * or whitespace (which the syntax drops), an included name starting with `-`, a range that is
 * not an integer in 0..2147483647, a value other than 0, 1 or a nested mask; `DEPTH_EXCEEDED`
 * beyond 256 levels (or a cycle).
 */
export function encodeMask(mask: MaskTree | readonly string[]): string {
  if (Array.isArray(mask)) return writeLevel(treeOf(mask as readonly string[]), '$', 0);
  if (!isPlainRecord(mask)) {
    throw argumentError('encodeMask: mask', 'a mask tree or a list of paths', mask);
  }
  return writeLevel(mask as MaskTree, '$', 0);
}

/** A field met while merging paths: whether a path named it whole, and the paths beneath it. */
interface PathNode {
  included: boolean;
  excluded: boolean;
  children: Map<string, PathNode>;
}

const pathNode = (): PathNode => ({ included: false, excluded: false, children: new Map() });

function treeOf(paths: readonly string[]): MaskTree {
  const root = pathNode();
  paths.forEach((path, i) => {
    if (typeof path !== 'string') {
      throw new RestliEncodeError('INVALID_MASK', 'a mask path is a string', `$[${i}]`);
    }
    const negative = path.startsWith('-');
    const segments = (negative ? path.slice(1) : path).split('.');
    if (segments.length - 1 > DEFAULT_MAX_DEPTH) {
      throw new RestliEncodeError(
        'DEPTH_EXCEEDED',
        `mask nested deeper than ${DEFAULT_MAX_DEPTH}`,
        `$[${i}]`,
      );
    }
    let node = root;
    for (const segment of segments) {
      if (segment === '') {
        throw new RestliEncodeError('INVALID_MASK', 'empty field name in a mask path', `$[${i}]`);
      }
      const name = segment === '$*' ? segment : escapeMaskSegment(segment);
      let next = node.children.get(name);
      if (next === undefined) {
        next = pathNode();
        node.children.set(name, next);
      }
      node = next;
    }
    if (negative) node.excluded = true;
    else node.included = true;
  });
  return pathTree(root, false);
}

/**
 * The mask of the paths below `node`. Under a field included whole only exclusions say
 * anything (a mask of exclusions alone keeps every other field), so `exclusionsOnly` drops the
 * rest.
 */
function pathTree(node: PathNode, exclusionsOnly: boolean): MaskTree {
  const tree: MaskTree = {};
  // Sorted, so that names sharing a hash bucket come out the same whatever the paths' order.
  const children = [...node.children].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, child] of children) {
    if (child.excluded) {
      setOwn(tree, name, 0);
      continue;
    }
    const inner = pathTree(child, exclusionsOnly || child.included);
    if (Object.keys(inner).length > 0) setOwn(tree, name, inner);
    else if (child.included && !exclusionsOnly) setOwn(tree, name, 1);
  }
  return tree;
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
  let endsWithRange = false;
  for (const name of javaHashMapOrder(Object.keys(tree))) {
    const value = tree[name];
    if (value === undefined) continue;
    const at = `${path}[${JSON.stringify(name)}]`;
    if (name === '' || GRAMMAR_CHARS.test(name) || hasMaskWhitespace(name)) {
      throw new RestliEncodeError(
        'INVALID_MASK',
        `mask field name ${JSON.stringify(name)} cannot be written`,
        at,
      );
    }
    // The syntax strips one leading `-` from every item, so a name that starts with one gets
    // another in front wherever a `-` is harmless.
    const dashed = name.startsWith('-');
    if (name === '$start' || name === '$count') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_RANGE) {
        throw new RestliEncodeError(
          'INVALID_MASK',
          `${name} must be an integer from 0 to ${MAX_RANGE}`,
          at,
        );
      }
      parts.push(`${name}:${value}`);
      endsWithRange = true;
      continue;
    } else if (value === 1) {
      if (dashed) {
        throw new RestliEncodeError(
          'INVALID_MASK',
          `mask field name ${JSON.stringify(name)} starts with '-' and can only be excluded or nested`,
          at,
        );
      }
      parts.push(name);
    } else if (value === 0) {
      parts.push(`-${name}`);
    } else if (isPlainRecord(value)) {
      parts.push(`${dashed ? '-' : ''}${name}:(${writeLevel(value as MaskTree, at, depth + 1)})`);
    } else {
      throw new RestliEncodeError('INVALID_MASK', 'a mask field is 1, 0 or a nested mask', at);
    }
    endsWithRange = false;
  }
  // The reference's decoder wants a `,` or `)` after a range value, so a range ending the whole
  // mask (possible only at the top level) gets a trailing `,`, which every decoder skips.
  return depth === 0 && endsWithRange ? `${parts.join(',')},` : parts.join(',');
}

/** Options of {@link decodeMask}. */
export interface DecodeMaskOptions {
  /** Deepest nesting accepted; deeper is `DEPTH_EXCEEDED`. Default 256. */
  maxDepth?: number;
  /** Longest input accepted, in UTF-16 code units; longer is `MAX_LENGTH_EXCEEDED`. Default 16 Mi. */
  maxLength?: number;
}

/**
 * Reads mask syntax into a mask tree (spec f.2): `1` include, `0` exclude, nested masks, and
 * `$start`/`$count` as integers. Whitespace inside names is dropped; empty items are skipped; a
 * later duplicate replaces an earlier one; field names keep their doubled `$`.
 *
 * @example
 * ```ts
 * decodeMask('a,b:($*:(c),$start:2,$count:4)');
 * // { a: 1, b: { '$*': { c: 1 }, $start: 2, $count: 4 } }
 * decodeMask('-a:(b),$$foo'); // { a: { b: 1 }, $$foo: 1 }: a `-` before a nested mask is ignored
 * ```
 * @throws {@link RestliSyntaxError} with the Java reference's `Malformed mask syntax: …` message
 * as `reason` and codes `EXPECTED_MASK_OPEN_PAREN`, `INVALID_MASK_RANGE`, `UNEXPECTED_MASK_END`,
 * `EMPTY_MASK_PARENT`, `UNMATCHED_MASK_NESTING`, `EXPECTED_MASK_CLOSE`; and `DEPTH_EXCEEDED`,
 * `MAX_LENGTH_EXCEEDED`. A `(` that does not follow `:` is part of a field name, as in the
 * reference (`a(b,c` is the fields `a(b` and `c`).
 */
export function decodeMask(text: string, options?: DecodeMaskOptions): MaskTree {
  expectString(text, 'decodeMask: text');
  expectOptions(options, 'decodeMask: options');
  checkLength(text, maxLengthOf(options));
  return grammars().mask.parseMask(text, maxDepthOf(options));
}

/**
 * Mask text as a query parameter value (spec f.4): URL-escaped for a query, leaving the mask's
 * own characters raw; 2.0 leaves existing `%XX` alone, 1.0 escapes every `%`.
 *
 * @example
 * ```ts
 * maskToQueryValue('name,friends:($start:1,$count:2)', '2.0.0'); // 'name,friends:($start:1,$count:2)'
 * maskToQueryValue('a%2Cb', '1.0.0');                           // 'a%252Cb'
 * ```
 */
export function maskToQueryValue(mask: string, version: ProtocolVersionText): string {
  expectString(mask, 'maskToQueryValue: mask');
  expectVersion(version, 'maskToQueryValue');
  return encodeUriComponent(mask, 'QUERY_PARAM', version === '2.0.0');
}
