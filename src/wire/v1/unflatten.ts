/**
 * Protocol 1.0 query parsing (spec e.4; Java's `QueryParamsDataMap.parseDataMapKeys` after
 * `UriComponent.decodeQuery`): `name=value` pairs whose names carry the structure (`a.b[0].c`)
 * become a params map of strings, lists and maps.
 *
 * @module
 */

import type { InvalidUtf8 } from '../../codec/escape.ts';
import { type ErrorCode, RestliSyntaxError } from '../../errors.ts';
import { argumentError, expectOptions, expectString } from '../../internal/args.ts';
import { javaHashMapOrder } from '../../internal/java-hash-order.ts';
import { checkLength, invalidUtf8Of, maxDepthOf, maxLengthOf } from '../../internal/limits.ts';
import { rawOffset } from '../../internal/offsets.ts';
import { setOwn } from '../../internal/own.ts';
import { splitQuery } from '../../internal/query-pieces.ts';
import { sortStrings } from '../../internal/sort.ts';
import type { RestliData, RestliDataMap } from '../../types.ts';
import { formDecodeAt } from './form.ts';
import { type NameSegment, parseNameSegment } from './segment.ts';
import { escapeNameSegment } from './tilde.ts';

/** Options of {@link unflattenV1}. */
export interface UnflattenV1Options {
  /**
   * Most lists and maps a parameter may nest (`a.b[0].c=1` nests three); deeper is
   * `DEPTH_EXCEEDED`. Default 256.
   */
  maxDepth?: number;
}

/** Options of {@link decodeQueryV1}. */
export interface DecodeQueryV1Options extends UnflattenV1Options {
  /** Longest query accepted, in UTF-16 code units; longer is `MAX_LENGTH_EXCEEDED`. Default 16 Mi. */
  maxLength?: number;
  /**
   * Escapes whose bytes are not UTF-8: `'error'` (default) rejects them with `INVALID_UTF8`;
   * `'replace'` writes U+FFFD for them, as the Java reference does.
   */
  invalidUtf8?: InvalidUtf8;
}

/** Decoded v1 parameters, and which of their leaves v1 could not tell from one-element lists. */
export interface DecodedQueryV1 {
  /** The parameters: every leaf a string. */
  params: RestliDataMap;
  /**
   * The path of every leaf read from a name that had a single value, sorted: `ids`, `a.b[0].c`
   * (keys `~`-escaped as in v1 names, indexes as in the result). v1 writes a one-element list
   * exactly like a scalar, so a caller with a schema wraps the leaves declared as arrays.
   */
  singleValued: string[];
}

/** A name's values, and where its occurrences sit in the raw input (for error offsets). */
interface Param {
  name: string;
  values: string[];
  /** The input an error about occurrence `n` of the name, at `offset` in the decoded name, shows. */
  locate(occurrence: number, offset: number): { input: string; offset: number };
}

/** A parameter of a raw query: its occurrences are pieces of the query. */
class QueryParam implements Param {
  readonly values: string[];
  /** Where each occurrence's name starts and ends in the query, two numbers per occurrence. */
  private readonly spans: number[];

  constructor(
    readonly name: string,
    private readonly query: string,
    value: string,
    start: number,
    end: number,
  ) {
    this.values = [value];
    this.spans = [start, end];
  }

  add(value: string, start: number, end: number): void {
    this.values.push(value);
    this.spans.push(start, end);
  }

  locate(occurrence: number, offset: number): { input: string; offset: number } {
    const at = 2 * Math.min(occurrence, this.values.length - 1);
    const rawStart = this.spans[at]!;
    return {
      input: this.query,
      offset: rawStart + rawOffset(this.query.slice(rawStart, this.spans[at + 1]!), offset),
    };
  }
}

/** A map level under construction (Java's `MapMap`). */
class MapNode {
  readonly entries = new Map<string, Node>();
}

/** A list level under construction: index → element (Java's `ListMap`). */
class IndexNode {
  readonly entries = new Map<number, Node>();
}

/** A leaf is a string (one value) or the values of a repeated name. */
type Node = MapNode | IndexNode | string | string[];

/**
 * Parses a raw v1 query string (spec e.4) into parameters. See {@link decodeQueryV1Detailed},
 * which also says which leaves could have been one-element lists.
 *
 * @example
 * ```ts
 * decodeQueryV1('ids=1&ids=2&q=search'); // { ids: ['1', '2'], q: 'search' }
 * decodeQueryV1('a.b%5B0%5D=x&c+d=e+f'); // { a: { b: ['x'] }, 'c d': 'e f' }
 * ```
 */
export function decodeQueryV1(query: string, options?: DecodeQueryV1Options): RestliDataMap {
  return decode(query, options, false).params;
}

/**
 * Parses a raw v1 query string as a Java v1 server does (spec e.4):
 *
 * 1. split on `&` (empty pieces skipped), each piece on its first `=` (none: the value is `""`;
 *    an empty name: the piece is ignored); form-decode name and value (`+` is a space);
 * 2. a name with one value is a path: `.` separates map keys, a trailing `[n]` indexes a list,
 *    each key is `~`-decoded (`a~2Eb` is key `a.b`); trailing dots are dropped (`a.=1`);
 * 3. a name with several values is a list of them, the name used verbatim (no `~`-decoding);
 * 4. index tables become lists ordered by index, holes closed (`a[4]`, `a[8]` → two elements).
 *
 * Names are read in the order a Java HashMap iterates them, so that conflicting names report the
 * reference's error. Leaves are strings; `fields`, `metadataFields` and `pagingFields` come back
 * as their form-decoded mask text. Keys are own properties, `__proto__` included.
 *
 * @example
 * ```ts
 * decodeQueryV1Detailed('ids=1&a.b[0]=x&c=1&c=2');
 * // { params: { ids: '1', a: { b: ['x'] }, c: ['1', '2'] }, singleValued: ['a.b[0]', 'ids'] }
 * ```
 * @throws {@link RestliSyntaxError} with the Java message as `reason` and the offset into the raw
 * query: `MALFORMED_ESCAPE`, `INVALID_UTF8`, `MULTIPLE_V1_COMPLEX_VALUES` (`a.b=1&a.b=2`),
 * `MULTIPLE_V1_INDEXED_VALUES` (`a[0]=1&a[0]=2`), `CONFLICTING_V1_KEY` (`a=1&a.b=2`),
 * `DUPLICATE_V1_KEY` (`a[01]=x&a[1]=y`), `INVALID_V1_INDEX`, `NEGATIVE_V1_INDEX`, `MISSING_V1_BRACKET`,
 * `MISSING_V1_NAME`, `INVALID_V1_NAME_ESCAPE`, `EMPTY_V1_SEGMENT` (`.a=1`, `a..b=1`: the Java server
 * fails with a NullPointerException there), `DEPTH_EXCEEDED`, `MAX_LENGTH_EXCEEDED`.
 */
export function decodeQueryV1Detailed(
  query: string,
  options?: DecodeQueryV1Options,
): DecodedQueryV1 {
  return decode(query, options, true);
}

function decode(
  query: string,
  options: DecodeQueryV1Options | undefined,
  wantPaths: boolean,
): DecodedQueryV1 {
  expectString(query, 'decodeQueryV1: query');
  expectOptions(options, 'decodeQueryV1: options');
  checkLength(query, maxLengthOf(options));
  const replace = invalidUtf8Of(options) === 'replace';
  const byName = new Map<string, QueryParam>();
  for (const { start, nameEnd, valueStart, end } of splitQuery(query)) {
    if (nameEnd > start) {
      const name = formDecodeAt(query.slice(start, nameEnd), replace, query, start);
      const value = formDecodeAt(query.slice(valueStart, end), replace, query, valueStart);
      const param = byName.get(name);
      if (param === undefined) byName.set(name, new QueryParam(name, query, value, start, nameEnd));
      else param.add(value, start, nameEnd);
    }
  }
  return unflatten(byName, maxDepthOf(options), wantPaths);
}

/**
 * Unflattens already-decoded v1 `name → values` (spec e.4 from step 2), as for a v1 complex key
 * (spec d.3) whose path segment was split and form-decoded. Names are read in the order a Java
 * HashMap filled in the map's order would iterate them; a name with no values is skipped.
 *
 * @example
 * ```ts
 * unflattenV1(new Map([['$params.x', ['1']], ['id', ['2']]])); // { $params: { x: '1' }, id: '2' }
 * ```
 * @throws {@link RestliSyntaxError} as {@link decodeQueryV1Detailed}, the offset into the name.
 */
export function unflattenV1(
  multimap: ReadonlyMap<string, readonly string[]>,
  options?: UnflattenV1Options,
): RestliDataMap {
  return unflattenMultimap(multimap, options, false).params;
}

/**
 * {@link unflattenV1}, plus the paths of the leaves that could have been one-element lists (see
 * {@link DecodedQueryV1.singleValued}).
 * @example
 * ```ts
 * unflattenV1Detailed(new Map([['a.b', ['1']], ['c', ['2', '3']]]));
 * // { params: { c: ['2', '3'], a: { b: '1' } }, singleValued: ['a.b'] }
 * ```
 */
export function unflattenV1Detailed(
  multimap: ReadonlyMap<string, readonly string[]>,
  options?: UnflattenV1Options,
): DecodedQueryV1 {
  return unflattenMultimap(multimap, options, true);
}

/** Whether `multimap` is a Map of string names to arrays of strings, as unflattenV1 takes. */
function isStringMultimap(multimap: unknown): multimap is ReadonlyMap<string, readonly string[]> {
  if (!(multimap instanceof Map)) return false;
  for (const [name, values] of multimap) {
    if (typeof name !== 'string' || !Array.isArray(values)) return false;
    if (values.some((v) => typeof v !== 'string')) return false;
  }
  return true;
}

function unflattenMultimap(
  multimap: ReadonlyMap<string, readonly string[]>,
  options: UnflattenV1Options | undefined,
  wantPaths: boolean,
): DecodedQueryV1 {
  if (!isStringMultimap(multimap)) {
    throw argumentError('unflattenV1: multimap', 'a Map of names to lists of strings', multimap);
  }
  expectOptions(options, 'unflattenV1: options');
  const byName = new Map<string, Param>();
  for (const [name, values] of multimap) {
    byName.set(name, {
      name,
      values: [...values],
      locate: (_, offset) => ({ input: name, offset }),
    });
  }
  return unflatten(byName, maxDepthOf(options), wantPaths);
}

const MULTIPLE_COMPLEX = 'Multiple values of complex query parameter are not supported';
const MULTIPLE_INDEXED = 'Multiple values of indexed query parameter are not supported';

/** Unflattens the parameters `byName` holds (one per name). */
function unflatten(
  byName: ReadonlyMap<string, Param>,
  maxDepth: number,
  wantPaths: boolean,
): DecodedQueryV1 {
  const root = new MapNode();
  for (const name of javaHashMapOrder([...byName.keys()])) {
    const param = byName.get(name)!;
    if (param.values.length === 0) continue;
    if (param.values.length > 1) {
      if (name.includes('.')) fail(param, 'MULTIPLE_V1_COMPLEX_VALUES', MULTIPLE_COMPLEX, 0, 1);
      if (name.endsWith(']')) fail(param, 'MULTIPLE_V1_INDEXED_VALUES', MULTIPLE_INDEXED, 0, 1);
      // A plain put would silently drop what a dotted name built here (the reference's behaviour
      // is unverified); refuse instead.
      if (root.entries.has(name)) {
        fail(param, 'CONFLICTING_V1_KEY', `Conflicting references to key ${name}`, 0);
      }
      root.entries.set(name, param.values);
      continue;
    }
    addPath(root, param.values[0]!, param, maxDepth);
  }
  return toData(root, wantPaths);
}

/** Throws the error `code` about occurrence `occurrence` of `param`, at `offset` in its name. */
function fail(
  param: Param,
  code: ErrorCode,
  reason: string,
  offset: number,
  occurrence = 0,
): never {
  const at = param.locate(occurrence, offset);
  throw new RestliSyntaxError(code, reason, at.input, at.offset);
}

/** Walks (creating) the levels that `param` names below `root`, and puts `value` at its end. */
function addPath(root: MapNode, value: string, param: Param, maxDepth: number): void {
  const name = param.name;
  // Java splits with String.split, which drops trailing empty segments: `a.=1` is `a=1`.
  let end = name.length;
  while (end > 0 && name.charCodeAt(end - 1) === 0x2e) end--;
  if (end === 0) fail(param, 'EMPTY_V1_SEGMENT', `Empty segment in parameter name: ${name}`, 0);
  // Refuse a depth bomb before splitting it.
  let dots = 0;
  for (let i = name.indexOf('.'); i !== -1 && i < end; i = name.indexOf('.', i + 1)) {
    if (++dots > maxDepth)
      fail(param, 'DEPTH_EXCEEDED', `nesting deeper than maxDepth ${maxDepth}`, i);
  }
  let depth = 0;
  let current = root;
  let start = 0;
  for (;;) {
    const dot = name.indexOf('.', start);
    const last = dot === -1 || dot >= end;
    const segmentEnd = last ? end : dot;
    // Java parses each segment just before using it, so earlier conflicts are reported first.
    if (segmentEnd === start)
      fail(param, 'EMPTY_V1_SEGMENT', `Empty segment in parameter name: ${name}`, start);
    let segment: NameSegment;
    try {
      segment = parseNameSegment(name.slice(start, segmentEnd));
    } catch (error) {
      if (error instanceof RestliSyntaxError)
        fail(param, error.code, error.reason, start + error.offset);
      throw error;
    }
    depth += (segment.index === undefined ? 0 : 1) + (last ? 0 : 1);
    if (depth > maxDepth)
      fail(param, 'DEPTH_EXCEEDED', `nesting deeper than maxDepth ${maxDepth}`, start);
    if (last) {
      put(current, segment, value, param, start);
      return;
    }
    current = nextLevelMap(current, segment, param, start);
    start = dot + 1;
  }
}

function display(segment: NameSegment): string {
  return `${segment.name}[${segment.index}]`;
}

/** The index table `segment.name` holds in `level`, created when missing. */
function listMap(level: MapNode, segment: NameSegment, param: Param, at: number): IndexNode {
  const existing = level.entries.get(segment.name);
  if (existing === undefined) {
    const list = new IndexNode();
    level.entries.set(segment.name, list);
    return list;
  }
  if (existing instanceof IndexNode) return existing;
  return fail(
    param,
    'CONFLICTING_V1_KEY',
    `Conflicting references to key: ${display(segment)}`,
    at,
  );
}

/** The map that `segment` names below `level`, created when missing. */
function nextLevelMap(level: MapNode, segment: NameSegment, param: Param, at: number): MapNode {
  const { index } = segment;
  const holder = index === undefined ? level.entries : listMap(level, segment, param, at).entries;
  const key = index ?? segment.name;
  const existing = (holder as Map<string | number, Node>).get(key);
  if (existing === undefined) {
    const map = new MapNode();
    (holder as Map<string | number, Node>).set(key, map);
    return map;
  }
  if (existing instanceof MapNode) return existing;
  return index === undefined
    ? fail(param, 'CONFLICTING_V1_KEY', `Conflicting references to key ${segment.name}`, at)
    : fail(param, 'CONFLICTING_V1_KEY', `Conflicting references to key: ${display(segment)}`, at);
}

/** Puts the leaf `value` where `segment` names in `level`. */
function put(level: MapNode, segment: NameSegment, value: string, param: Param, at: number): void {
  const { index } = segment;
  const holder = index === undefined ? level.entries : listMap(level, segment, param, at).entries;
  const key = index ?? segment.name;
  if ((holder as Map<string | number, Node>).has(key)) {
    fail(param, 'DUPLICATE_V1_KEY', `Duplicate references to key: ${segment.name}`, at);
  }
  (holder as Map<string | number, Node>).set(key, value);
}

/**
 * The plain data of the tree under `root`: maps as objects, index tables as lists in index order,
 * leaves as strings. Iterative, so that a deep tree (a raised `maxDepth`) cannot overflow the
 * stack; collects the paths of the single-valued leaves when asked.
 */
function toData(root: MapNode, wantPaths: boolean): DecodedQueryV1 {
  const params: RestliDataMap = {};
  const out: ToData = { singleValued: [], jobs: [], wantPaths };
  out.jobs.push({ node: root, target: params, path: '' });
  for (let job = out.jobs.pop(); job !== undefined; job = out.jobs.pop()) {
    const { node, target, path } = job;
    // A map's entries are walked as they are (keys, then a lookup: iterating entries makes an
    // array per entry); an index table's are ordered by index and renumbered.
    if (node instanceof MapNode) {
      for (const key of node.entries.keys()) {
        const childPath = !wantPaths
          ? ''
          : path === ''
            ? escapeNameSegment(key)
            : `${path}.${escapeNameSegment(key)}`;
        setOwn(target as RestliDataMap, key, dataOf(node.entries.get(key)!, childPath, out));
      }
    } else {
      const children = indexOrder(node.entries);
      for (let i = 0; i < children.length; i++) {
        const childPath = wantPaths ? `${path}[${i}]` : '';
        (target as RestliData[]).push(dataOf(children[i]!, childPath, out));
      }
    }
  }
  return { params, singleValued: sortStrings(out.singleValued) };
}

/** What {@link toData} builds as it walks: the single-valued paths and the levels still to do. */
interface ToData {
  singleValued: string[];
  jobs: { node: MapNode | IndexNode; target: RestliDataMap | RestliData[]; path: string }[];
  wantPaths: boolean;
}

/** The data of `child`: a leaf as it is, repeated values copied, a level empty until its job. */
function dataOf(child: Node, path: string, out: ToData): RestliData {
  if (typeof child === 'string') {
    if (out.wantPaths) out.singleValued.push(path);
    return child;
  }
  if (Array.isArray(child)) return [...child];
  const data = child instanceof MapNode ? {} : [];
  out.jobs.push({ node: child, target: data, path });
  return data;
}

/**
 * An index table's children in index order (holes closed: the position is the new index). Most
 * tables were filled in order (`a[0]`, `a[1]`, …) and need no sort.
 */
function indexOrder(entries: Map<number, Node>): Node[] {
  const indexes = [...entries.keys()];
  for (let i = 1; i < indexes.length; i++) {
    if (indexes[i]! < indexes[i - 1]!) {
      indexes.sort((x, y) => x - y);
      break;
    }
  }
  return indexes.map((index) => entries.get(index)!);
}
