/**
 * The v1 ⇄ v2 translator for whole request URLs (issue 4; spec d, e.5, i). It reads a URL as a
 * server of the source version would, and writes it as the Java client of the target version
 * writes that request. Where protocol 1.0 is ambiguous, a resource IDL settles it; without one,
 * documented heuristics apply and every guess is reported in `warnings`.
 *
 * @module
 */

import { type DecodeOptions, decodeLimits } from '../codec/decode.ts';
import { RestliError, RestliSyntaxError } from '../errors.ts';
import { segmentKeyKind } from '../http/url.ts';
import { checkLength } from '../internal/limits.ts';
import { rebased } from '../internal/offsets.ts';
import { placeholderName, templateSegments } from '../internal/template.ts';
import { splitUrl } from '../internal/url-parts.ts';
import { type ProtocolVersionText, V1, V2 } from '../internal/version-text.ts';
import type { RestliData, RestliDataMap, RestliValue } from '../types.ts';
import { decodeKey, encodeKey, type Key, type KeyKind } from '../wire/keys.ts';
import type { MaskTree } from '../wire/mask.ts';
import {
  type DecodedQuery,
  decodeQueryDetailed,
  encodeQuery,
  PROJECTION_PARAMS,
  type QueryParams,
} from '../wire/query.ts';
import { type Detection, detectVersion } from './detect.ts';
import {
  loadResources,
  type ParameterInfo,
  type ResourceIndex,
  type ResourceInfo,
  type Restspec,
  type Snapshot,
  type TypeShape,
} from './idl.ts';

/** A place where a translation rests on a guess, or loses something the target cannot say. */
export interface ConvertWarning {
  /** `SINGLE_VALUE_ASSUMED_SCALAR`, `KEY_KIND_GUESSED`, `EMPTY_CONTAINER_DROPPED`, … */
  code: string;
  message: string;
  /** The parameter name or path segment concerned. */
  where: string;
}

/** The translated URL. */
export interface ConvertResult {
  url: string;
  from: ProtocolVersionText;
  to: ProtocolVersionText;
  warnings: ConvertWarning[];
  /** How the source version was detected, when `from` was not given. */
  detection?: Detection;
}

/** Options of {@link convertUrl}; the value parser's limits apply to every key and value read. */
export interface ConvertOptions extends DecodeOptions {
  /** The target version. */
  to: ProtocolVersionText;
  /** The source version; detected when absent (`'either'` means the URL is the same in both). */
  from?: ProtocolVersionText;
  /** Resource IDLs (restspecs or snapshots), or an index built once with `loadResources`. */
  resources?: ResourceIndex | readonly (Restspec | Snapshot)[];
  /** The HTTP verb, to find a method's parameter types in the IDL. */
  httpMethod?: string;
}

/** Parameters whose values are scalars in every resource: no warning for their single value. */
const RESERVED_SCALARS = new Set([
  'q',
  'bq',
  'action',
  'start',
  'count',
  'altkey',
  '$returnEntity',
  '$fillInDefaults',
]);

/**
 * Translates a request URL between protocol 1.0 and 2.0. Scheme, host, base path and fragment
 * are kept; key segments, every query parameter, `ids` and projections are rewritten; the output
 * is canonical (what the Java client writes for that request in the target version).
 *
 * @example
 * ```ts
 * convertUrl('/people?ids=1&ids=2', { to: '2.0.0' }).url;           // '/people?ids=List(1,2)'
 * convertUrl('/people/a=1&b=2?x=y', { to: '2.0.0' }).url;            // '/people/(a:1,b:2)?x=y' (+ warnings)
 * convertUrl('/people?ids=List(1,2)&f=(a:b)', { to: '1.0.0' }).url;  // '/people?f.a=b&ids=1&ids=2'
 * ```
 * @throws {@link RestliSyntaxError} when the URL is not valid in the source version, with the
 * offset in the URL; {@link RestliError} when the target version cannot write it.
 */
export function convertUrl(url: string, options: ConvertOptions): ConvertResult {
  const to = options.to;
  if (to !== V1 && to !== V2)
    throw new RestliError('INVALID_VERSION', `unsupported target version ${String(to)}`);
  // Detection without its own parse: the conversion parses anyway, and falls back below.
  const detection =
    options.from === undefined ? detectVersion(url, { validate: false }) : undefined;
  // A URL that reads the same in both is taken as written in the other version: that is what a
  // migration converts from, and it keeps v1's one-value ambiguity in view.
  let from: ProtocolVersionText =
    options.from ?? (detection!.version === 'either' ? (to === V2 ? V1 : V2) : detection!.version);
  const warnings: ConvertWarning[] = [];
  const warn = (code: string, where: string, message: string) => {
    // Reading 2.0 as 2.0 (or 1.0 as 1.0), a key's kind changes nothing in what is written.
    if (code === 'KEY_KIND_GUESSED' && from === to) return;
    warnings.push({ code, where, message });
  };
  const index = options.resources === undefined ? undefined : toIndex(options.resources);

  const limits = decodeLimits(options);
  checkLength(url, limits.maxLength);
  const { origin, path, query, fragment, pathStart, queryStart } = splitUrl(url);
  const rawSegments = path.split('/');
  // Where each segment starts in the URL, for error offsets.
  const segmentStarts: number[] = [];
  for (let at = pathStart, i = 0; i < rawSegments.length; i++) {
    segmentStarts.push(at);
    at += rawSegments[i]!.length + 1;
  }
  const nonEmpty = rawSegments.filter((s) => s !== '');
  const match = index?.match(nonEmpty);
  if (index && !match)
    warn('RESOURCE_NOT_FOUND', path, 'no loaded IDL matches this path; heuristics apply');
  const resource = match?.resource;

  let detailed: ReturnType<typeof decodeQueryDetailed>;
  try {
    detailed = rebased(
      () => decodeQueryDetailed(query ?? '', { version: from, ...limits }),
      url,
      queryStart,
    );
  } catch (error) {
    // A detected version whose server cannot read the query: the other one may (`ids=List(` is a
    // 1.0 string). A version the caller gave is not second-guessed.
    if (detection === undefined || !(error instanceof RestliError)) throw error;
    const other = from === V1 ? V2 : V1;
    try {
      detailed = decodeQueryDetailed(query ?? '', { version: other, ...limits });
    } catch {
      throw error;
    }
    from = other;
    warnings.push({
      code: 'VERSION_GUESSED',
      where: query ?? '',
      message: `read as ${other}: its marks say ${other === V1 ? V2 : V1}, but only a ${other} server reads the query`,
    });
    detection.evidence.push({
      version: other,
      reason: `only a ${other} server reads the query`,
      where: query ?? '',
    });
    detection.version = other;
  }
  const params = detailed.params;
  const isFinder = typeof params.q === 'string';

  // Path: each segment is static, a parent key, or the entity (or association) key.
  const roles = segmentRoles(nonEmpty, resource, match?.start ?? 0, isFinder);
  let position = 0;
  const outSegments: string[] = [];
  for (const [rawIndex, raw] of rawSegments.entries()) {
    if (raw === '') {
      outSegments.push(raw);
      continue;
    }
    const role = roles[position++]!;
    if (role.kind === 'static') {
      outSegments.push(raw);
      continue;
    }
    let kind = role.keyKind;
    if (kind === undefined) {
      kind = segmentKeyKind(raw, from);
      if (kind !== 'primitive') {
        warn(
          'KEY_KIND_GUESSED',
          raw,
          `read as a ${kind} key from its form; without an IDL it could also be a string key`,
        );
      }
    }
    // The 2.0 client writes the empty key as `''` (a Java server would read two apostrophes):
    // the translator keeps the client's meaning.
    const value =
      from === V2 && kind === 'primitive' && raw === "''"
        ? ''
        : rebased(
            () => decodeKey(raw, { kind, version: from, context: 'path', ...limits }),
            url,
            segmentStarts[rawIndex]!,
          );
    const repaired =
      kind === 'complex' && from === V1
        ? wrapArrays(value, role.shape, raw, warn, !resource)
        : value;
    const written = encodeKey(repaired as Key, { kind, version: to, context: 'path' });
    // A 1.0 empty primitive key is an empty segment, which the URI builder drops (spec d.1).
    if (written === '') {
      warn('EMPTY_KEY_DROPPED', raw, 'an empty key has no 1.0 path form: its segment vanishes');
      continue;
    }
    outSegments.push(written);
  }
  // Trailing empty pieces left by a dropped last segment.
  let newPath = outSegments.join('/');
  if (path !== '' && !path.endsWith('/'))
    newPath = newPath.replace(/\/+$/, '') || (path.startsWith('/') ? '/' : '');

  // Query.
  const shapes = resource?.parameters(
    { q: str(params.q), bq: str(params.bq), action: str(params.action) },
    options.httpMethod,
  );
  const out: Record<string, RestliValue | MaskTree> = {};
  for (const name of Object.keys(params)) {
    const value = params[name]!;
    if (PROJECTION_PARAMS.has(name)) {
      out[name] = value as MaskTree;
      continue;
    }
    if (name === 'ids') {
      out.ids = convertIds(value as RestliData, resource, from, to, warn) as RestliValue;
      continue;
    }
    out[name] = value as RestliValue;
  }
  if (from === V1) {
    repairSingleValues(out, detailed.singleValued, shapes, warn);
    // 1.0 writes nothing for an empty list or map: a required one that is absent was empty.
    for (const [name, info] of shapes ?? []) {
      if (name in out || info.optional) continue;
      if (info.shape.kind === 'array') out[name] = [];
      else if (info.shape.kind === 'map' || info.shape.kind === 'record') out[name] = {};
    }
  }
  if (to === V1) warnV1Losses(out, warn);

  const written = encodeQuery(out as QueryParams, { version: to });
  const newQuery = query === undefined || (written === '' && query !== '') ? '' : `?${written}`;
  const result: ConvertResult = {
    url: `${origin}${newPath}${newQuery}${fragment}`,
    from,
    to,
    warnings,
  };
  if (detection) result.detection = detection;
  return result;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function toIndex(resources: ResourceIndex | readonly (Restspec | Snapshot)[]): ResourceIndex {
  return Array.isArray(resources)
    ? loadResources(resources as (Restspec | Snapshot)[])
    : (resources as ResourceIndex);
}

type Role = { kind: 'static' } | { kind: 'key'; keyKind: KeyKind | undefined; shape?: TypeShape };

/** What each path segment is: with a matched resource, from its template; else from its form. */
function segmentRoles(
  segments: readonly string[],
  resource: ResourceInfo | undefined,
  start: number,
  isFinder: boolean,
): Role[] {
  if (!resource) {
    // Without an IDL, only segments that look like keys in the source form are translated;
    // plain segments are kept as they are (a resource name reads the same in both versions).
    return segments.map((s, i) =>
      i > 0 && (s.includes('=') || s.startsWith('(') || /[%+']/.test(s))
        ? { kind: 'key', keyKind: undefined }
        : { kind: 'static' },
    );
  }
  const template = templateSegments(resource.template);
  return segments.map((_s, i) => {
    if (i < start) return { kind: 'static' };
    const t = template[i - start];
    if (t === undefined) {
      // The segment after the resource path: the entity key, or a finder's association key.
      return isFinder
        ? { kind: 'key', keyKind: 'compound' }
        : {
            kind: 'key',
            keyKind: resource.key?.kind,
            ...(resource.key?.shape ? { shape: resource.key.shape } : {}),
          };
    }
    const placeholder = placeholderName(t);
    if (placeholder === undefined) return { kind: 'static' };
    const shape = resource.pathKeyShapes[placeholder];
    return {
      kind: 'key',
      keyKind:
        resource.pathKeyKinds[placeholder] ??
        (resource.key?.name === placeholder ? resource.key.kind : undefined),
      ...(shape ? { shape } : {}),
    };
  });
}

/** `ids` in the target form; 1.0 compound ids are `a=1&b=2` strings, 2.0 ones maps. */
function convertIds(
  value: RestliData,
  resource: ResourceInfo | undefined,
  from: ProtocolVersionText,
  to: ProtocolVersionText,
  warn: (code: string, where: string, message: string) => void,
): RestliData[] {
  const list = Array.isArray(value) ? value : [value];
  const declared = resource?.key?.kind;
  return list.map((id) => {
    let kind: KeyKind =
      declared ??
      (typeof id === 'string'
        ? from === V1
          ? segmentKeyKind(id, V1)
          : 'primitive'
        : inferMapKind(id));
    let key: RestliData = id;
    if (from === V1 && typeof id === 'string' && kind === 'compound') {
      try {
        key = decodeKey(id, { kind: 'compound', version: V1, context: 'body' });
        if (declared === undefined)
          warn(
            'KEY_KIND_GUESSED',
            'ids',
            `id '${id}' read as a compound key; without an IDL it could be a string`,
          );
      } catch (error) {
        if (declared !== undefined || !(error instanceof RestliError)) throw error;
        kind = 'primitive';
      }
    }
    if (from === V1 && kind === 'complex' && typeof key === 'object') {
      key = wrapArrays(key, resource?.key?.shape, 'ids', warn, !resource) as RestliData;
    }
    if (to === V1 && kind === 'compound' && typeof key === 'object' && !Array.isArray(key)) {
      if (declared === undefined)
        warn(
          'KEY_KIND_GUESSED',
          'ids',
          'a map id written as a 1.0 compound key; a complex key would be flattened instead',
        );
      return encodeKey(key as Key, { kind: 'compound', version: V1, context: 'body' });
    }
    return key;
  });
}

function inferMapKind(id: RestliData): KeyKind {
  if (typeof id !== 'object' || Array.isArray(id)) return 'primitive';
  return '$params' in id || Object.values(id).some((v) => typeof v === 'object')
    ? 'complex'
    : 'compound';
}

/** Wraps the fields a complex key's schema declares as arrays, which 1.0 wrote as scalars. */
function wrapArrays(
  value: RestliData,
  shape: TypeShape | undefined,
  where: string,
  warn: (code: string, where: string, message: string) => void,
  guessing: boolean,
): RestliData {
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  if (shape?.kind !== 'record') {
    if (guessing && hasScalar(value)) {
      warn(
        'SINGLE_VALUE_ASSUMED_SCALAR',
        where,
        'a 1.0 complex key writes one-element lists as scalars; without an IDL they stay scalars',
      );
    }
    return value;
  }
  const out: RestliDataMap = {};
  for (const [k, v] of Object.entries(value)) {
    const field = shape.fields.get(k);
    out[k] = field?.kind === 'array' && !Array.isArray(v) ? [v] : v;
  }
  return out;
}

function hasScalar(value: RestliDataMap): boolean {
  return Object.entries(value).some(([k, v]) => k !== '$params' && typeof v === 'string');
}

/**
 * 1.0 wrote a one-element list exactly like a scalar (spec e.5): with the parameter types, wrap
 * what is declared an array; without them, keep the scalar and say so.
 */
function repairSingleValues(
  params: Record<string, RestliValue | MaskTree>,
  singleValued: readonly string[],
  parameters: Map<string, ParameterInfo> | undefined,
  warn: (code: string, where: string, message: string) => void,
): void {
  for (const path of singleValued) {
    // A leaf inside an indexed list is a list element: 1.0 cannot hold a list of lists anyway.
    if (path.endsWith(']')) continue;
    const rootEnd = path.search(/[.[]/);
    const rootName = rootEnd === -1 ? path : path.slice(0, rootEnd);
    if (rootName === 'ids' || PROJECTION_PARAMS.has(rootName)) continue;
    if (parameters === undefined) {
      if (rootEnd === -1 && RESERVED_SCALARS.has(rootName)) continue;
      warn(
        'SINGLE_VALUE_ASSUMED_SCALAR',
        path,
        `'${path}' has one value in 1.0: written as a scalar; if it is an array, 2.0 needs List(…)`,
      );
      continue;
    }
    const steps = pathSteps(path);
    const root = steps[0]!;
    let shape: TypeShape | undefined = parameters?.get(String(root))?.shape;
    let parent: unknown = params;
    let key: string | number = root;
    for (let i = 1; i < steps.length; i++) {
      parent = (parent as Record<string | number, unknown>)[key];
      key = steps[i]!;
      shape = shape === undefined ? undefined : stepShape(shape, key);
    }
    const holder = parent as Record<string | number, unknown>;
    if (shape?.kind === 'array') {
      holder[key] = [holder[key]];
    } else if (shape === undefined || shape.kind === 'unknown') {
      if (steps.length === 1 && RESERVED_SCALARS.has(String(root))) continue;
      warn(
        'SINGLE_VALUE_ASSUMED_SCALAR',
        path,
        `'${path}' has one value in 1.0: written as a scalar; if it is an array, 2.0 needs List(…)`,
      );
    }
  }
}

/** `a.b[0].c` → `['a', 'b', 0, 'c']`, names `~`-decoded. */
function pathSteps(path: string): (string | number)[] {
  const steps: (string | number)[] = [];
  for (const segment of path.split('.')) {
    const m = /^(.*?)((?:\[\d+\])*)$/.exec(segment)!;
    steps.push(
      m[1]!.replace(/~([0-9A-Fa-f]{2})/g, (_x, h: string) =>
        String.fromCharCode(Number.parseInt(h, 16)),
      ),
    );
    for (const index of m[2]!.matchAll(/\[(\d+)\]/g)) steps.push(Number(index[1]));
  }
  return steps;
}

function stepShape(shape: TypeShape, step: string | number): TypeShape | undefined {
  if (typeof step === 'number') return shape.kind === 'array' ? shape.items : undefined;
  if (shape.kind === 'record') return shape.fields.get(step);
  if (shape.kind === 'map') return shape.values;
  return undefined;
}

/** What protocol 1.0 cannot write: empty lists and maps vanish, lists of lists do not read back. */
function warnV1Losses(
  params: Record<string, unknown>,
  warn: (code: string, where: string, message: string) => void,
): void {
  const visit = (value: unknown, where: string, inList: boolean) => {
    if (Array.isArray(value)) {
      if (value.length === 0)
        warn('EMPTY_CONTAINER_DROPPED', where, '1.0 writes nothing for an empty list');
      if (inList)
        warn('LIST_OF_LISTS', where, '1.0 writes a list of lists in a form no server reads back');
      for (const [i, v] of value.entries()) visit(v, `${where}[${i}]`, true);
    } else if (value !== null && typeof value === 'object') {
      if (Object.keys(value).length === 0)
        warn('EMPTY_CONTAINER_DROPPED', where, '1.0 writes nothing for an empty map');
      for (const [k, v] of Object.entries(value)) visit(v, `${where}.${k}`, false);
    }
  };
  for (const [name, value] of Object.entries(params)) {
    if (!PROJECTION_PARAMS.has(name)) visit(value, name, false);
  }
}

export type { DecodedQuery };
