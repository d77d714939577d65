/** Turns the `request-uri-*` vectors' inputs into our request descriptions, and compares URLs. */
import { expect } from 'vitest';
import { buildUrl, type RestliRequest, splitUrl } from '../../src/http/url.ts';
import type { Key, KeyKind } from '../../src/wire/keys.ts';
import { decodeQuery } from '../../src/wire/query.ts';
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

/** The ids of a decoded query as a sorted set of JSON texts. */
function idSet(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((x) => JSON.stringify(x)).sort();
}

/**
 * Asserts that `actual` is the URL the vector expects: byte for byte, or the vector's
 * `equivalentOutput`, or differing only in orders that are not significant (ids, mask siblings).
 */
export function expectSameUrl(actual: string, v: Vector, version: '1.0.0' | '2.0.0'): void {
  if (actual === v.expected || actual === v.equivalentOutput) return;
  const a = splitUrl(actual);
  const e = splitUrl(v.expected as string);
  expect(a.path).toBe(e.path);
  const qa = decodeQuery(a.query ?? '', { version });
  const qe = decodeQuery(e.query ?? '', { version });
  expect(Object.keys(qa).sort()).toEqual(Object.keys(qe).sort());
  for (const name of Object.keys(qe)) {
    if (name === 'ids') expect(idSet(qa.ids)).toEqual(idSet(qe.ids));
    else expect(qa[name]).toEqual(qe[name]);
  }
}

export function build(v: Vector): string {
  const input = v.input as VectorRequest;
  return buildUrl(requestOf(input), { version: input.version });
}
