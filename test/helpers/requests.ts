/** Turns the `request-uri-*` vectors' inputs into our request descriptions, and compares URLs. */
import { expect } from 'vitest';
import { buildUrl, type RestliRequest } from '../../src/http/url.ts';
import type { Key, KeyKind } from '../../src/wire/keys.ts';
import { fromJava, type Vector } from './vectors.ts';

interface JavaKey {
  keyType: 'simple' | 'compound' | 'complex';
  key: unknown;
  params?: Record<string, unknown> | null;
}

const isJavaKey = (k: unknown): k is JavaKey =>
  typeof k === 'object' && k !== null && 'keyType' in k;

/** A vector key in our shape: complex keys carry their params under `$params`. */
export function keyOf(k: unknown): { key: Key; kind: KeyKind } {
  if (!isJavaKey(k)) return { key: fromJava(k) as Key, kind: 'primitive' };
  const key = fromJava(k.key) as Key;
  if (k.keyType === 'simple') return { key, kind: 'primitive' };
  if (k.keyType === 'compound') return { key, kind: 'compound' };
  const params = k.params ? (fromJava(k.params) as Record<string, unknown>) : undefined;
  return {
    key: (params && Object.keys(params).length > 0
      ? { ...(key as object), $params: params }
      : key) as Key,
    kind: 'complex',
  };
}

export interface VectorRequest {
  version: '1.0.0' | '2.0.0';
  method: string;
  template: string;
  pathKeys?: Record<string, unknown>;
  id?: unknown;
  assocKey?: Record<string, unknown>;
  ids?: unknown[];
  params?: Record<string, unknown>;
  fields?: string[];
}

export function requestOf(input: VectorRequest): RestliRequest {
  const request: { -readonly [K in keyof RestliRequest]: RestliRequest[K] } = {
    method: input.method as RestliRequest['method'],
    resource: input.template,
  };
  if (input.pathKeys) {
    const pathKeys: Record<string, Key> = {};
    const kinds: Record<string, KeyKind> = {};
    for (const [name, k] of Object.entries(input.pathKeys)) {
      const { key, kind } = keyOf(k);
      pathKeys[name] = key;
      kinds[name] = kind;
    }
    request.pathKeys = pathKeys;
    request.pathKeyKinds = kinds;
  }
  if (input.id !== undefined) {
    const { key, kind } = keyOf(input.id);
    request.id = key;
    request.keyKind = kind;
  }
  if (input.ids !== undefined) {
    const keys = input.ids.map(keyOf);
    request.ids = keys.map((k) => k.key);
    request.keyKind = keys[0]?.kind ?? 'primitive';
  }
  if (input.assocKey) request.assocKey = fromJava(input.assocKey) as never;
  if (input.params) request.params = fromJava(input.params) as never;
  if (input.fields) request.fields = input.fields;
  return request;
}

/** Splits `text` at the commas that are not inside parentheses. */
function topLevelItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      items.push(text.slice(start, i));
      start = i + 1;
    }
  }
  items.push(text.slice(start));
  return items;
}

/** Mask text with its siblings sorted at every level (the spec: sibling order carries no meaning). */
function sortedMask(text: string): string {
  return topLevelItems(text)
    .map((item) => {
      const open = item.indexOf(':(');
      if (open < 0 || !item.endsWith(')')) return item;
      return `${item.slice(0, open)}:(${sortedMask(item.slice(open + 2, -1))})`;
    })
    .sort()
    .join(',');
}

const MASK_PARAMS = new Set(['fields', 'metadataFields', 'pagingFields']);

/**
 * The URL with the items whose order the spec says carries no meaning sorted, byte for byte
 * otherwise: batch ids (the items of a 2.0 `ids=List(…)`, the repeated 1.0 `ids=` parameters)
 * and mask siblings. Nothing is decoded, so an escaping difference still shows.
 */
export function orderFree(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url.slice(q + 1).split('&');
  const ids = params.filter((p) => p.startsWith('ids=')).sort();
  let next = 0;
  const out = params.map((p) => {
    const eq = p.indexOf('=');
    const name = eq < 0 ? p : p.slice(0, eq);
    const value = p.slice(eq + 1);
    if (name === 'ids') {
      if (ids.length > 1) return ids[next++];
      if (value.startsWith('List(') && value.endsWith(')'))
        return `ids=List(${topLevelItems(value.slice(5, -1)).sort().join(',')})`;
      return p;
    }
    return MASK_PARAMS.has(name) ? `${name}=${sortedMask(value)}` : p;
  });
  return `${url.slice(0, q)}?${out.join('&')}`;
}

/**
 * Asserts that `actual` is the URL the vector expects: byte for byte, or the vector's
 * `equivalentOutput`, or the same bytes once batch ids and mask siblings are sorted (the only
 * orders the spec leaves free).
 */
export function expectSameUrl(actual: string, v: Vector): void {
  if (actual === v.expected || actual === v.equivalentOutput) return;
  expect(orderFree(actual)).toBe(orderFree(v.expected as string));
}

export function build(v: Vector): string {
  const input = v.input as VectorRequest;
  return buildUrl(requestOf(input), { version: input.version });
}
