/**
 * Protocol 1.0 query flattening (spec e.1, e.3; Java's `QueryParamsDataMap`): a params map
 * becomes `name=value` pairs whose names carry the structure (`a.b[0].c`), and the v1 query
 * string or complex-key string is written from them.
 *
 * @module
 */

import { encodeLeaf, notPlainReason } from '../../codec/encode.ts';
import { encodeUriComponent, urlEncoderEncode } from '../../codec/escape.ts';
import { type ErrorCode, RestliEncodeError } from '../../errors.ts';
import { argumentError, expectOptions, expectRecord, isPlainRecord } from '../../internal/args.ts';
import { maxDepthOf } from '../../internal/limits.ts';
import { formatPath } from '../../internal/paths.ts';
import { isProjectionParam, PROJECTION_PARAMS } from '../../internal/projections.ts';
import { sortStrings } from '../../internal/sort.ts';
import { isStackOverflow } from '../../internal/stack.ts';
import { loneSurrogateIndex } from '../../internal/utf8.ts';
import type { RestliValue } from '../../types.ts';
import { escapeNameSegment } from './tilde.ts';

/** Parameters to flatten: names to values; `undefined` values are omitted. */
export type V1Params = { readonly [name: string]: RestliValue | undefined };

/** Options of the v1 writers. */
export interface FlattenV1Options {
  /** Deepest nesting of lists and maps in a parameter value; deeper is `DEPTH_EXCEEDED`. Default 256. */
  maxDepth?: number;
}

// The projection parameters: v1 writes them in mask syntax, not flattened; the query layer turns
// mask trees into mask strings before calling the v1 writers, which take only the string form.
export { PROJECTION_PARAMS };

/**
 * Flattens `params` into v1 `name → values` (spec e.1). Each map key is one name segment,
 * `~`-escaped (`a.b` → `a~2Eb`) and joined to its parent with `.`; list elements that are maps
 * or lists get `[i]`; primitive list elements repeat the name at the root (`ids=1&ids=2`) and are
 * indexed below it (`a.b[0]`); empty lists and maps emit nothing. Leaves are text: strings as
 * they are, numbers, bigints and booleans as `encodeLeaf` prints them. Names come sorted by UTF-16
 * code units and each name's values sorted as strings, as Java writes them.
 *
 * `fields`, `metadataFields` and `pagingFields` must already be mask strings (the query layer
 * encodes mask trees): they are emitted as one value, unflattened.
 *
 * @example
 * ```ts
 * flattenV1({ ids: [2, 1], a: { b: ['x'] } });
 * // new Map([['a.b[0]', ['x']], ['ids', ['1', '2']]])
 * ```
 * @throws {@link RestliEncodeError} naming the path of what v1 cannot write: `null`, a function,
 * a non-plain object or a mask tree (`UNSUPPORTED_VALUE`), an empty key, which no v1 server
 * reads back (`EMPTY_V1_KEY`), a lone surrogate in a key or string (`LONE_SURROGATE`), a cycle
 * (`CIRCULAR_VALUE`), nesting deeper than `maxDepth` (`DEPTH_EXCEEDED`).
 */
export function flattenV1(params: V1Params, options?: FlattenV1Options): Map<string, string[]> {
  expectRecord(params, 'flattenV1: params');
  expectOptions(options, 'flattenV1: options');
  const maxDepth = maxDepthOf(options);
  const out = new Map<string, string[]>();
  const trail: (string | number)[] = [];
  const onPath = new Set<object>();

  const fail = (code: ErrorCode, reason: string): never => {
    throw new RestliEncodeError(code, reason, formatPath(trail));
  };
  const checkString = (s: string, what: string): void => {
    const bad = loneSurrogateIndex(s);
    if (bad !== -1) fail('LONE_SURROGATE', `lone surrogate at index ${bad} of a ${what}`);
  };
  const checkKey = (key: string): void => {
    checkString(key, 'key');
    // An empty segment cannot be read back: `=x` is ignored, `a.=x` is `a=x`, `a..b=x` fails.
    if (key === '') fail('EMPTY_V1_KEY', 'an empty key cannot be written in a v1 name');
  };
  const add = (name: string, text: string): void => {
    const values = out.get(name);
    if (values === undefined) out.set(name, [text]);
    else values.push(text);
  };
  /** The text of a primitive leaf, or `undefined` for anything else. */
  const leafText = (value: unknown): string | undefined => {
    if (typeof value === 'string') {
      checkString(value, 'string');
      return value;
    }
    // Numbers, bigints and booleans print as in 2.0; their text holds nothing to escape.
    return typeof value === 'object' ? undefined : encodeLeaf(value, 'body');
  };

  /**
   * A list directly inside a list. No v1 name holds one (`a[0][1]` reads back as the key `a[0]`,
   * index 1), so it is refused, except in the form Java writes that every reader rejects loudly
   * instead of misreading: inside a root list, inner lists of primitives repeat the indexed name
   * (`a[0]=x&a[0]=y&a[1]=z`, spec e.1, pinned by the Java vectors), when one of them has two or
   * more elements (a repeated indexed name is an error to every reader).
   */
  const nestedList = (
    name: string,
    i: number,
    element: unknown[],
    depth: number,
    javaNested: boolean,
  ): void => {
    if (!javaNested)
      fail('NESTED_V1_LIST', 'a list directly inside a list cannot be written in v1');
    // Leaves only (javaNested says so); emit writes each under the repeated indexed name and
    // refuses what is not a value (null, undefined, functions).
    for (let j = 0; j < element.length; j++) {
      trail.push(j);
      emit(`${name}[${i}]`, element[j], depth + 1);
      trail.pop();
    }
  };

  const emit = (name: string, value: unknown, depth: number): void => {
    const text = leafText(value);
    if (text !== undefined) {
      add(name, text);
      return;
    }
    if (value === null) fail('UNSUPPORTED_VALUE', 'null is not encodable in v1');
    if (typeof value !== 'object') fail('UNSUPPORTED_VALUE', `${typeof value} is not encodable`);
    const container = value as object;
    if (onPath.has(container)) fail('CIRCULAR_VALUE', 'circular reference');
    if (depth >= maxDepth) fail('DEPTH_EXCEEDED', `nesting deeper than maxDepth ${maxDepth}`);
    onPath.add(container);
    if (Array.isArray(container)) {
      // Java indexes primitives only below the root; at the root it repeats the name. A reader
      // takes a repeated name verbatim (no `~`-decoding) and cannot mix it with indexed names,
      // so a root list whose name was `~`-escaped, or that holds maps, is indexed like a nested
      // one (Java writes `a~2Eb=x&a~2Eb=y` and `a=x&a[1].b=y`, which it reads back as another
      // name or rejects).
      const isLeaf = (e: unknown): boolean => typeof e !== 'object' || e === null;
      const repeated = depth === 0 && !name.includes('~') && container.every(isLeaf);
      // Java's form for lists inside a root list, kept where the repeated indexed name makes
      // every reader reject the parameter rather than misread it (see nestedList).
      const javaNested =
        depth === 0 &&
        container.some((e) => Array.isArray(e) && e.length >= 2) &&
        container.every((e) => !Array.isArray(e) || e.every(isLeaf));
      for (let i = 0; i < container.length; i++) {
        const element: unknown = container[i];
        trail.push(i);
        if (Array.isArray(element)) {
          nestedList(name, i, element, depth, javaNested);
          trail.pop();
          continue;
        }
        const elementText = leafText(element);
        if (elementText === undefined) emit(`${name}[${i}]`, element, depth + 1);
        else add(repeated ? name : `${name}[${i}]`, elementText);
        trail.pop();
      }
    } else if (isPlainRecord(container)) {
      const record = container as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const child = record[key];
        if (child === undefined) continue;
        trail.push(key);
        checkKey(key);
        emit(`${name}.${escapeNameSegment(key)}`, child, depth + 1);
        trail.pop();
      }
    } else {
      fail('UNSUPPORTED_VALUE', notPlainReason(container));
    }
    onPath.delete(container);
  };

  try {
    for (const name of Object.keys(params)) {
      const value = params[name];
      if (value === undefined) continue;
      trail.push(name);
      checkKey(name);
      if (isProjectionParam(name)) {
        if (typeof value !== 'string') {
          fail('UNSUPPORTED_VALUE', `projection parameter ${name} must be a mask string`);
        }
        add(name, leafText(value)!);
      } else {
        emit(escapeNameSegment(name), value, 0);
      }
      trail.pop();
    }
  } catch (error) {
    if (isStackOverflow(error)) {
      throw new RestliEncodeError('DEPTH_EXCEEDED', 'nesting too deep for the call stack', '$');
    }
    throw error;
  }
  return sortMultimap(out);
}

/** Names in UTF-16 order, each name's values sorted as strings. */
function sortMultimap(multimap: Map<string, string[]>): Map<string, string[]> {
  const sorted = new Map<string, string[]>();
  for (const name of sortStrings([...multimap.keys()])) {
    sorted.set(name, sortStrings(multimap.get(name)!));
  }
  return sorted;
}

/**
 * Writes `params` as a v1 query string (spec e.3): the flattened pairs in order, names and values
 * URL-escaped with the v1 query set, non-contextually (`%` → `%25`, space → `%20`, `+ & =` →
 * `%2B %26 %3D`, `( ) : , ' / ?` raw); an empty-string value is written as the bare name.
 *
 * @example
 * ```ts
 * encodeQueryV1({ q: 'search', ids: [1, 10, 9] }); // 'ids=1&ids=10&ids=9&q=search'
 * encodeQueryV1({ a: { b: ['x'] }, e: '' });       // 'a.b%5B0%5D=x&e'
 * encodeQueryV1({ fields: 'a,b:(c)' });            // 'fields=a,b:(c)'
 * ```
 * @throws {@link RestliEncodeError} as {@link flattenV1}.
 */
export function encodeQueryV1(params: V1Params, options?: FlattenV1Options): string {
  expectRecord(params, 'encodeQueryV1: params');
  const pairs: string[] = [];
  for (const [name, values] of flattenV1(params, options)) {
    const escapedName = encodeUriComponent(name, 'QUERY_PARAM', false);
    for (const value of values) {
      pairs.push(
        value === ''
          ? escapedName
          : `${escapedName}=${encodeUriComponent(value, 'QUERY_PARAM', false)}`,
      );
    }
  }
  return pairs.join('&');
}

const FORM_SPECIALS = /[%&=+]/g;
const FORM_ESCAPES: Readonly<Record<string, string>> = {
  '%': '%25',
  '&': '%26',
  '=': '%3D',
  '+': '%2B',
};

/**
 * A flattened name as the `'url'` variant writes it: Java writes names raw, but the reader
 * form-decodes them and splits on `&` and `=`, so exactly those four characters are escaped
 * (`{ 'a&b': 'x' }` would read back as `{ a: '', b: 'x' }`). Every name Java round-trips is
 * written as Java writes it.
 */
function escapeFormName(name: string): string {
  return name.replace(FORM_SPECIALS, (c) => FORM_ESCAPES[c]!);
}

/** How {@link dataMapToQueryString} escapes: not at all, or java URLEncoder on values. */
export type V1StringEscaping = 'none' | 'url';

/**
 * The v1 string form of a map (Java's `dataMapToQueryString`), used for v1 complex keys: the
 * flattened pairs as `name=value` joined with `&`, names `~`-escaped. With `'url'` each value goes
 * through java URLEncoder (space → `+`, `&` → `%26`) and names have only `% & = +` escaped, which
 * the reader would otherwise decode or split on (Java writes names raw). Unescaped, a name with
 * `&` or `=`, or a value with `=` after an `&`, is refused: nothing reads it back. An empty value
 * keeps its `=`.
 *
 * @example
 * ```ts
 * dataMapToQueryString({ b: 'x y', a: ['2', '10'] });        // 'a=10&a=2&b=x y'
 * dataMapToQueryString({ b: 'x y', 'c d': { e: '&' } }, 'url'); // 'b=x+y&c d.e=%26'
 * ```
 * @throws {@link RestliEncodeError} as {@link flattenV1}; `UNWRITABLE_V1_KEY` unescaped.
 */
export function dataMapToQueryString(
  params: V1Params,
  escaping: V1StringEscaping = 'none',
  options?: FlattenV1Options,
): string {
  expectRecord(params, 'dataMapToQueryString: params');
  if (escaping !== 'none' && escaping !== 'url') {
    throw argumentError('dataMapToQueryString: escaping', "'none' or 'url'", escaping);
  }
  const pairs: string[] = [];
  for (const [name, values] of flattenV1(params, options)) {
    if (escaping === 'url') {
      const written = escapeFormName(name);
      for (const value of values) pairs.push(`${written}=${urlEncoderEncode(value)}`);
      continue;
    }
    // Unescaped (request-body keys, as Java writes them), every pair has its `=`, so the reader
    // (decodeKey) takes a piece without `=` as the rest of a value holding `&`. What stays
    // ambiguous is refused: a name with `&` or `=`, a value with `=` after an `&` (`x&b=y`).
    if (/[&=]/.test(name)) {
      throw new RestliEncodeError(
        'UNWRITABLE_V1_KEY',
        'a name with & or = cannot be written in an unescaped v1 key',
        `$[${JSON.stringify(name)}]`,
      );
    }
    for (const value of values) {
      const amp = value.indexOf('&');
      if (amp !== -1 && value.indexOf('=', amp) !== -1) {
        throw new RestliEncodeError(
          'UNWRITABLE_V1_KEY',
          'a value with = after & cannot be written in an unescaped v1 key: it would read as another field',
          `$[${JSON.stringify(name)}]`,
        );
      }
      pairs.push(`${name}=${value}`);
    }
  }
  return pairs.join('&');
}
