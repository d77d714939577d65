/**
 * Protocol 1.0 query flattening (spec e.1, e.3; Java's `QueryParamsDataMap`): a params map
 * becomes `name=value` pairs whose names carry the structure (`a.b[0].c`), and the v1 query
 * string or complex-key string is written from them.
 *
 * @module
 */

import { encodeLeaf, isPlainObject } from '../../codec/encode.ts';
import { encodeUriComponent, urlEncoderEncode } from '../../codec/escape.ts';
import { DEFAULT_MAX_DEPTH } from '../../codec/limits.ts';
import { type ErrorCode, RestliEncodeError } from '../../errors.ts';
import { formatPath } from '../../internal/paths.ts';
import { PROJECTION_PARAMS } from '../../internal/projections.ts';
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
  const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
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
      // Java indexes primitives only below the root; at the root it repeats the name.
      const below = name.includes('.');
      for (let i = 0; i < container.length; i++) {
        const element: unknown = container[i];
        trail.push(i);
        const elementText = leafText(element);
        if (elementText === undefined) emit(`${name}[${i}]`, element, depth + 1);
        else add(below ? `${name}[${i}]` : name, elementText);
        trail.pop();
      }
    } else if (isPlainObject(container)) {
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
      const type = (container as { constructor?: { name?: string } }).constructor?.name;
      fail('UNSUPPORTED_VALUE', `${type ?? 'object'} is not a plain object or array`);
    }
    onPath.delete(container);
  };

  if (
    typeof params !== 'object' ||
    params === null ||
    Array.isArray(params) ||
    !isPlainObject(params)
  ) {
    fail('UNSUPPORTED_VALUE', 'v1 parameters must be a plain object');
  }
  try {
    for (const name of Object.keys(params)) {
      const value = params[name];
      if (value === undefined) continue;
      trail.push(name);
      checkKey(name);
      if (PROJECTION_PARAMS.has(name)) {
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
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new RestliEncodeError('DEPTH_EXCEEDED', 'nesting too deep for the call stack', '$');
    }
    throw error;
  }
  return sortMultimap(out);
}

/** Names in UTF-16 order, each name's values sorted as strings. */
function sortMultimap(multimap: Map<string, string[]>): Map<string, string[]> {
  const sorted = new Map<string, string[]>();
  for (const name of [...multimap.keys()].sort()) sorted.set(name, multimap.get(name)!.sort());
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

/** How {@link dataMapToQueryString} escapes: not at all, or java URLEncoder on values. */
export type V1StringEscaping = 'none' | 'url';

/**
 * The v1 string form of a map (Java's `dataMapToQueryString`), used for v1 complex keys: the
 * flattened pairs as `name=value` joined with `&`, names only `~`-escaped. With `'url'` each
 * value goes through java URLEncoder (space → `+`, `&` → `%26`); names are never URL-escaped.
 * An empty value keeps its `=`.
 *
 * @example
 * ```ts
 * dataMapToQueryString({ b: 'x y', a: ['2', '10'] });        // 'a=10&a=2&b=x y'
 * dataMapToQueryString({ b: 'x y', 'c d': { e: '&' } }, 'url'); // 'b=x+y&c d.e=%26'
 * ```
 * @throws {@link RestliEncodeError} as {@link flattenV1}.
 */
export function dataMapToQueryString(
  params: V1Params,
  escaping: V1StringEscaping = 'none',
  options?: FlattenV1Options,
): string {
  const pairs: string[] = [];
  for (const [name, values] of flattenV1(params, options)) {
    for (const value of values) {
      pairs.push(`${name}=${escaping === 'url' ? urlEncoderEncode(value) : value}`);
    }
  }
  return pairs.join('&');
}
