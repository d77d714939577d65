/**
 * Whole request URLs (spec d.4, d.5, i.1, i.2): building them from a plain request description
 * and reading them back, in either protocol version, plus the headers a request needs.
 *
 * @module
 */

import { type DecodeOptions, decodeLimits } from '../codec/decode.ts';
import { RestliError, RestliSyntaxError } from '../errors.ts';
import {
  argumentError,
  expectOptionalString,
  expectOptions,
  expectRecord,
  expectString,
  ownValue,
} from '../internal/args.ts';
import { checkLength } from '../internal/limits.ts';
import { numberText } from '../internal/number-text.ts';
import { rebased } from '../internal/offsets.ts';
import { setOwn } from '../internal/own.ts';
import {
  compileTemplate,
  matchTemplate,
  placeholderName,
  templateSegments,
} from '../internal/template.ts';
import { splitSegments, splitUrl } from '../internal/url-parts.ts';
import { type ProtocolVersionText, V1, V2 } from '../internal/version-text.ts';
import type { RestliData, RestliDataMap, RestliValue } from '../types.ts';
import {
  type CompoundKey,
  decodeKey,
  encodeKey,
  inferKeyKind,
  type Key,
  type KeyKind,
} from '../wire/keys.ts';
import type { MaskTree } from '../wire/mask.ts';
import {
  type DecodedQuery,
  decodeQueryDetailed,
  encodeQuery,
  type MaskInput,
  PROJECTION_PARAMS,
  type QueryParams,
} from '../wire/query.ts';

/** The Rest.li methods (spec i.1), as the `X-RestLi-Method` header names them. */
export type RestliMethod =
  | 'get'
  | 'batch_get'
  | 'get_all'
  | 'finder'
  | 'batch_finder'
  | 'create'
  | 'batch_create'
  | 'partial_update'
  | 'batch_partial_update'
  | 'update'
  | 'batch_update'
  | 'delete'
  | 'batch_delete'
  | 'action'
  | 'options';

const HTTP_VERBS: Record<RestliMethod, string> = {
  get: 'GET',
  batch_get: 'GET',
  get_all: 'GET',
  finder: 'GET',
  batch_finder: 'GET',
  create: 'POST',
  batch_create: 'POST',
  partial_update: 'POST',
  batch_partial_update: 'POST',
  action: 'POST',
  update: 'PUT',
  batch_update: 'PUT',
  delete: 'DELETE',
  batch_delete: 'DELETE',
  options: 'OPTIONS',
};

/** Methods whose URL ends with the entity key. */
const KEYED = new Set<RestliMethod>([
  'get',
  'update',
  'partial_update',
  'delete',
  'action',
  'options',
]);
/**
 * A Rest.li request, described as plain data.
 *
 * - `resource`: the resource path template, e.g. `people/{personId}/certifications`; its
 *   placeholders are filled from `pathKeys`.
 * - `id`: the entity key (get, update, partial_update, delete, an action on an entity); `ids`: the
 *   keys of a batch method (duplicates removed, order kept).
 * - `keyKind` / `pathKeyKinds`: the kinds of `id`/`ids` and of each parent key; default inferred
 *   by {@link inferKeyKind}.
 * - `assocKey`: a finder's partial association key, written as an extra path segment.
 * - `finder`, `batchFinder`, `action`: the name behind `q`, `bq`, `action` (or put `q`, `bq`,
 *   `action` in `params`).
 * - `fields`, `metadataFields`, `pagingFields`: projections (or put them in `params`).
 */
export interface RestliRequest {
  method: RestliMethod | Uppercase<RestliMethod>;
  resource: string;
  pathKeys?: { readonly [name: string]: Key };
  pathKeyKinds?: { readonly [name: string]: KeyKind };
  id?: Key;
  ids?: readonly Key[];
  keyKind?: KeyKind;
  assocKey?: CompoundKey;
  finder?: string;
  batchFinder?: string;
  action?: string;
  params?: QueryParams;
  fields?: MaskInput;
  metadataFields?: MaskInput;
  pagingFields?: MaskInput;
}

/** Options of {@link buildUrl}. */
export interface BuildUrlOptions {
  /** `'2.0.0'` (default) or `'1.0.0'`. */
  version?: ProtocolVersionText;
  /** Prefix, kept as given: `https://api.linkedin.com/v2/`, `/rest/`. Default none. */
  base?: string;
}

/** The method named `method` (any case); only the table's own names, never `constructor`. */
function methodOf(method: unknown, name = 'method'): RestliMethod {
  expectString(method, name);
  const m = method.toLowerCase() as RestliMethod;
  if (!Object.hasOwn(HTTP_VERBS, m)) {
    throw new RestliError('INVALID_METHOD', `unknown Rest.li method ${method}`);
  }
  return m;
}

/**
 * The static components of a resource template (`foo/{k}/bar` → `['foo', 'bar']`).
 *
 * @example
 * ```ts
 * templateComponents('people/{id}/certifications'); // ['people', 'certifications']
 * ```
 */
export function templateComponents(template: string): string[] {
  expectString(template, 'template');
  return templateSegments(template).filter((s) => placeholderName(s) === undefined);
}

/**
 * The URL of a request, exactly as the Java client writes it for `version`: parent keys in the
 * template, the entity key or association key as the last segment, then the query sorted by name
 * (`ids`, `q`/`bq`/`action`, projections and the other parameters). `q`, `bq`, `action` and the
 * masks may come from their fields or from `params` (as {@link parseUrl} reports them), not
 * from both with different values; `q`, `bq` and `action` only on the method they name, and `ids`
 * only from `ids` (spec i.2): anything else would be read back as another request
 * (`RESERVED_PARAMETER`).
 *
 * @example
 * ```ts
 * buildUrl({ method: 'batch_get', resource: 'people', ids: [1, 2] });
 * // 'people?ids=List(1,2)'
 * buildUrl({ method: 'batch_get', resource: 'people', ids: [1, 2] }, { version: '1.0.0' });
 * // 'people?ids=1&ids=2'
 * buildUrl({ method: 'finder', resource: 'people/{id}/certifications', pathKeys: { id: { id: 7 } },
 *   finder: 'recent', fields: ['name'] }, { base: 'https://api.linkedin.com/v2/' });
 * // 'https://api.linkedin.com/v2/people/(id:7)/certifications?fields=name&q=recent'
 * ```
 */
export function buildUrl(request: RestliRequest, options?: BuildUrlOptions): string {
  expectRecord(request, 'request');
  expectOptions(options);
  expectOptionalString(options?.base, 'options.base');
  const version = options?.version ?? V2;
  const method = methodOf(request.method, 'request.method');
  expectString(request.resource, 'request.resource');
  for (const name of ['pathKeys', 'pathKeyKinds', 'params'] as const) {
    if (request[name] !== undefined) expectRecord(request[name], `request.${name}`);
  }
  if (request.ids !== undefined && !Array.isArray(request.ids)) {
    throw argumentError('request.ids', 'an array', request.ids);
  }
  let path = request.resource.replace(/\{([^}]*)\}/g, (_m, name: string) => {
    // Own properties only: a placeholder `{constructor}` must not find Object's constructor.
    const key = ownValue(request.pathKeys, name);
    if (key === undefined) {
      throw new RestliError('MISSING_PATH_KEY', `no value for the path key {${name}}`);
    }
    return encodeKey(key, { kind: ownValue(request.pathKeyKinds, name), version, context: 'path' });
  });
  const appendSegment = (segment: string) => {
    // A v1 empty primitive key is an empty segment, which the URI builder drops (spec d.1).
    if (segment === '') return;
    path += path.endsWith('/') ? segment : `/${segment}`;
  };
  if (request.id !== undefined && KEYED.has(method)) {
    appendSegment(encodeKey(request.id, { kind: request.keyKind, version, context: 'path' }));
  }
  if (request.assocKey !== undefined) {
    appendSegment(encodeKey(request.assocKey, { kind: 'compound', version, context: 'path' }));
  }

  const params: Record<string, RestliValue | MaskInput> = {};
  for (const [name, value] of Object.entries(request.params ?? {})) {
    if (value !== undefined) setOwn(params, name, value);
  }
  // A request part may come from its field or from params (as parseUrl reports it), never from
  // both with different values; `q`, `bq` and `action` decide how a server routes the request
  // (spec i.1), so each only on the method it names; `ids` only from request.ids.
  for (const [name, field, owner] of REQUEST_PARTS) {
    const value = field && request[field];
    // The method-naming fields are strings; the masks are checked by encodeQuery.
    if (owner) expectOptionalString(value, `request.${field}`);
    const given = Object.hasOwn(params, name);
    if (
      (given && (field === undefined || (value !== undefined && params[name] !== value))) ||
      ((given || value !== undefined) && owner !== undefined && owner !== method)
    ) {
      throw new RestliError(
        'RESERVED_PARAMETER',
        `${JSON.stringify(name)} is given twice or is not a ${method} request's (spec i.2)`,
      );
    }
    if (value !== undefined) params[name] = value;
  }
  if (request.ids !== undefined) params.ids = idsValue(request.ids, request.keyKind, version);
  if (method === 'action') checkActionQuery(params);
  const query = encodeQuery(params, { version });
  return `${options?.base ?? ''}${path}${query === '' ? '' : `?${query}`}`;
}

/** Query names (spec i.2) that a request field writes, with that field. */
type PartField = 'finder' | 'batchFinder' | 'action' | 'fields' | 'metadataFields' | 'pagingFields';
const REQUEST_PARTS: ReadonlyArray<readonly [string, PartField?, RestliMethod?]> = [
  ['q', 'finder', 'finder'],
  ['bq', 'batchFinder', 'batch_finder'],
  ['action', 'action', 'action'],
  ['ids'],
  ...[...PROJECTION_PARAMS].map((name) => [name, name as PartField] as const),
];

/**
 * An action's URL carries only the action's name: its parameters travel in the JSON body (spec
 * i.1; the Java client's `ActionRequest` never writes them into the query), so a parameter given
 * here would be sent where no server reads it.
 */
function checkActionQuery(params: Readonly<Record<string, unknown>>): void {
  if (typeof params.action !== 'string') {
    throw new RestliError('MISSING_ACTION', 'an action request needs request.action');
  }
  for (const name of Object.keys(params)) {
    if (name !== 'action') {
      throw new RestliError(
        'UNEXPECTED_ACTION_PARAMETER',
        `an action's parameters travel in the JSON body, not in the query: ${JSON.stringify(name)}`,
      );
    }
  }
}

/**
 * `ids` as a query value: 2.0 writes every key as a 2.0 value in one list; 1.0 repeats `ids=`
 * with primitive keys, writes compound keys as their `a=1&b=2` text (escaped once more as a
 * value), and flattens complex keys as `ids[i].field` (spec d.5). Duplicates are removed.
 */
function idsValue(
  ids: readonly Key[],
  kind: KeyKind | undefined,
  version: ProtocolVersionText,
): RestliValue[] {
  const seen = new Set<string>();
  const out: RestliValue[] = [];
  for (const id of ids) {
    const k = kind ?? inferKeyKind(id);
    // Two ids are the same key when they are written the same; a primitive's text is enough
    // (numberText, not String: -0 is written -0.0, another key than 0).
    const identity =
      k === 'primitive' ? numberText(id) : encodeKey(id, { kind: k, version: V2, context: 'body' });
    if (seen.has(identity)) continue;
    seen.add(identity);
    if (version === V1 && k === 'compound') {
      out.push(encodeKey(id, { kind: k, version: V1, context: 'body' }));
    } else {
      out.push(id as RestliValue);
    }
  }
  return out;
}

/**
 * The headers of a request: the protocol version, and `X-RestLi-Method` for POST methods.
 *
 * @example
 * ```ts
 * requestHeaders({ method: 'finder', resource: 'people', finder: 'search' });
 * // { 'X-RestLi-Protocol-Version': '2.0.0' }
 * ```
 */
export function requestHeaders(
  request: Pick<RestliRequest, 'method'>,
  options?: { version?: ProtocolVersionText },
): Record<string, string> {
  expectRecord(request, 'request');
  expectOptions(options);
  const method = methodOf(request.method, 'request.method');
  const headers: Record<string, string> = {
    'X-RestLi-Protocol-Version': options?.version ?? V2,
  };
  // The Java client names the method only where the verb is ambiguous: on POST (spec i.1).
  if (HTTP_VERBS[method] === 'POST') headers['X-RestLi-Method'] = method;
  return headers;
}

/**
 * The HTTP verb of a Rest.li method.
 *
 * @example
 * ```ts
 * httpMethod('batch_update'); // 'PUT'
 * httpMethod('action'); // 'POST'
 * ```
 */
export function httpMethod(method: RestliMethod | Uppercase<RestliMethod>): string {
  // methodOf checks the type and looks the name up as an own property of the table.
  return HTTP_VERBS[methodOf(method)];
}

/** What {@link parseUrl} knows of the resource a URL addresses. */
export interface ResourceDescription {
  /** The path template: `people/{personId}/certifications`. */
  path: string;
  /** Kind of the entity key; default: read from the segment's form. */
  keyKind?: KeyKind;
  /** Kinds of the parent keys, by placeholder name. */
  pathKeyKinds?: { readonly [name: string]: KeyKind };
  /**
   * A simple (singleton) resource: it has no key, so a GET on it is `get` (not `get_all`), a POST
   * is `partial_update` (or `action`), and no key segment follows its path. Default `false`.
   */
  simple?: boolean;
}

/** Options of {@link parseUrl}; the value parser's limits apply to every key and value. */
export interface ParseUrlOptions extends DecodeOptions {
  /** `'2.0.0'` (default) or `'1.0.0'`. */
  version?: ProtocolVersionText;
  /** The resource, as a template string or a description. */
  resource?: string | ResourceDescription;
  /** The HTTP verb (default `GET`), to tell batch and keyed methods apart. */
  httpMethod?: string;
  /** The `X-RestLi-Method` header, when the request has one. */
  restliMethod?: string;
}

/** A URL read back: the request, and where it sat. */
export interface ParsedUrl {
  /** The method the URL, verb and header indicate. */
  method: RestliMethod;
  /** Scheme, host and base path before the resource path (`https://api.linkedin.com/v2/`). */
  base: string;
  /** The resource path as written (still encoded), without base, key segment and query. */
  resourcePath: string;
  /** The fragment, with its `#`, or `''`. */
  fragment: string;
  /** Parent keys by placeholder name (only with a resource template). */
  pathKeys: Record<string, RestliData>;
  /** The entity key (or a finder's association key, see `assocKey`). */
  id?: RestliData;
  /** A finder's association key segment. */
  assocKey?: RestliDataMap;
  /** Batch keys. */
  ids?: RestliData[];
  /** The parameters other than `ids`; projections as mask trees. */
  params: DecodedQuery;
  /** Leaves protocol 1.0 read from one value: each may have been a one-element list. */
  singleValued: string[];
  /** Every path segment after the base, decoded as keys where the form says so. */
  segments: string[];
}

export { splitUrl } from '../internal/url-parts.ts';

/**
 * The kind a key segment's text suggests: a map in 2.0, `name=value` pairs in 1.0.
 *
 * @example
 * ```ts
 * segmentKeyKind('(a:1)', '2.0.0'); // 'compound'
 * segmentKeyKind('a=1&b=2', '1.0.0'); // 'compound'
 * segmentKeyKind('42', '2.0.0'); // 'primitive'
 * ```
 */
export function segmentKeyKind(segment: string, version: ProtocolVersionText): KeyKind {
  expectString(segment, 'segment');
  if (version === V2) {
    if (!segment.startsWith('(')) return 'primitive';
    return /\$params:|:\(|:List\(/.test(segment) ? 'complex' : 'compound';
  }
  if (!segment.includes('=')) return 'primitive';
  return /(^|&)\$params\.|[.[]/.test(segment.replace(/=[^&]*/g, '=')) ? 'complex' : 'compound';
}

/**
 * Reads a request URL back into a request description (the inverse of {@link buildUrl}). With a
 * `resource` template the path keys and the entity key are matched and decoded with the right
 * kinds; without one, the URL's own form decides (a `(…)` or `a=b` segment is a key) and every
 * segment is reported in `segments`.
 *
 * @throws {@link RestliSyntaxError} for a URL that is not valid in `version`, with the offset in
 * the URL.
 * @example
 * ```ts
 * parseUrl('/people/(groupId:g%201,memberId:1)?fields=id', { resource: 'people' });
 * // { method: 'get', id: { groupId: 'g 1', memberId: '1' }, params: { fields: { id: 1 } }, … }
 * parseUrl('/q=(/r?q=('); // RestliSyntaxError [UNEXPECTED_END]
 * ```
 */
export function parseUrl(url: string, options?: ParseUrlOptions): ParsedUrl {
  expectString(url, 'url');
  expectOptions(options);
  expectOptionalString(options?.httpMethod, 'options.httpMethod');
  expectOptionalString(options?.restliMethod, 'options.restliMethod');
  const version = options?.version ?? V2;
  const limits = decodeLimits(options);
  checkLength(url, limits.maxLength);
  const { origin, path, query, fragment, pathStart, queryStart } = splitUrl(url);
  const resource = resourceOf(options?.resource);
  const leadingSlash = path.startsWith('/');
  // An empty segment between two others is an empty key (Java writes the empty string key as an
  // empty v1 segment: `/widgets//members/1`); leading and trailing slashes are not segments.
  const rawSegments = splitSegments(path);
  const rawStarts: number[] = [];
  for (let at = pathStart, i = 0; i < rawSegments.length; i++) {
    rawStarts.push(at);
    at += rawSegments[i]!.length + 1;
  }
  let first = 0;
  let last = rawSegments.length;
  while (first < last && rawSegments[first] === '') first++;
  while (last > first && rawSegments[last - 1] === '') last--;
  const segments = rawSegments.slice(first, last);
  // Where each segment starts in the URL, for error offsets.
  const segmentStarts = rawStarts.slice(first, last);
  const keyIn = (index: number, kind: KeyKind): RestliData =>
    rebased(
      () =>
        decodeKey(segments[index]!, {
          kind,
          version,
          context: 'path',
          maxDepth: limits.maxDepth,
          maxLength: limits.maxLength,
          invalidUtf8: limits.invalidUtf8,
        }),
      url,
      segmentStarts[index]!,
    );

  let baseCount = 0;
  const pathKeys: Record<string, RestliData> = {};
  let keySegment: string | undefined;
  let resourceSegments: string[];
  if (resource) {
    const template = compileTemplate(resource.path);
    const start = matchTemplate(segments, template);
    if (start === -1) {
      throw new RestliSyntaxError(
        'MISMATCHED_RESOURCE',
        `URL path does not match the resource ${resource.path}`,
        url,
        origin.length,
      );
    }
    baseCount = start;
    resourceSegments = segments.slice(start, start + template.length);
    template.forEach((t, i) => {
      if (t.kind === 'static') return;
      const name = t.name;
      const text = resourceSegments[i]!;
      const kind = ownValue(resource.pathKeyKinds, name) ?? segmentKeyKind(text, version);
      setOwn(pathKeys, name, keyIn(start + i, kind));
    });
    const extra = segments.slice(start + template.length);
    if (extra.length > (resource.simple === true ? 0 : 1)) {
      throw new RestliSyntaxError(
        'MISMATCHED_RESOURCE',
        resource.simple === true
          ? 'a simple resource has no key segment'
          : 'more than one key segment after the resource path',
        url,
        origin.length,
      );
    }
    keySegment = extra[0];
  } else {
    resourceSegments = segments;
    const last = segments[segments.length - 1];
    if (
      last !== undefined &&
      segments.length > 1 &&
      segmentKeyKind(last, version) !== 'primitive'
    ) {
      keySegment = last;
      resourceSegments = segments.slice(0, -1);
    }
  }

  const detailed =
    query === undefined
      ? { params: {} as DecodedQuery, singleValued: [] }
      : rebased(
          () =>
            decodeQueryDetailed(query, {
              version,
              maxDepth: limits.maxDepth,
              maxLength: limits.maxLength,
              invalidUtf8: limits.invalidUtf8,
            }),
          url,
          queryStart,
        );
  const params: DecodedQuery = {};
  let ids: RestliData[] | undefined;
  for (const name of Object.keys(detailed.params)) {
    const value = detailed.params[name]!;
    if (name === 'ids') ids = idsOf(value as RestliData, resource?.keyKind, version);
    else setOwn(params, name, value);
  }

  const method = inferMethod(
    params,
    ids !== undefined,
    keySegment !== undefined,
    resource?.simple === true,
    options,
  );
  if (method === 'action') checkActionParams(url, query ?? '', params, ids !== undefined);
  const parsed: ParsedUrl = {
    method,
    base:
      origin +
      (leadingSlash ? '/' : '') +
      segments
        .slice(0, baseCount)
        .map((s) => `${s}/`)
        .join(''),
    resourcePath: resourceSegments.join('/'),
    fragment,
    pathKeys,
    params,
    singleValued: detailed.singleValued.filter((p) => p !== 'ids' && !p.startsWith('ids[')),
    segments: segments.slice(baseCount),
  };
  if (ids !== undefined) parsed.ids = ids;
  if (keySegment !== undefined) {
    const kind = resource?.keyKind ?? segmentKeyKind(keySegment, version);
    const key = keyIn(segments.length - 1, method === 'finder' ? 'compound' : kind);
    if (method === 'finder') parsed.assocKey = key as RestliDataMap;
    else parsed.id = key;
  }
  return parsed;
}

/** The resource option as a description, checked. */
function resourceOf(resource: unknown): ResourceDescription | undefined {
  if (resource === undefined) return undefined;
  if (typeof resource === 'string') return { path: resource };
  expectRecord(resource, 'options.resource');
  const description = resource as ResourceDescription;
  expectString(description.path, 'options.resource.path');
  if (description.pathKeyKinds !== undefined) {
    expectRecord(description.pathKeyKinds, 'options.resource.pathKeyKinds');
  }
  if (description.simple !== undefined && typeof description.simple !== 'boolean') {
    throw argumentError('options.resource.simple', 'a boolean', description.simple);
  }
  return description;
}

/**
 * An action URL names the action and nothing else: its parameters travel in the JSON body, so a
 * query parameter beside `action` is not one of them (spec i.1).
 */
function checkActionParams(
  url: string,
  query: string,
  params: DecodedQuery,
  hasIds: boolean,
): void {
  const action = params.action;
  const at = url.length - query.length;
  if (hasIds) {
    throw new RestliSyntaxError(
      'UNEXPECTED_ACTION_PARAMETER',
      'an action URL carries only the action name, not ids',
      url,
      at,
    );
  }
  if (typeof action !== 'string') {
    throw new RestliSyntaxError('INVALID_ACTION', 'the action name must be a string', url, at);
  }
  for (const name of Object.keys(params)) {
    if (name === 'action') continue;
    throw new RestliSyntaxError(
      'UNEXPECTED_ACTION_PARAMETER',
      `an action's parameters travel in the JSON body, not in the query: ${JSON.stringify(name)}`,
      url,
      at,
    );
  }
}

/** Batch keys from the decoded `ids` parameter. */
function idsOf(
  value: RestliData | MaskTree,
  kind: KeyKind | undefined,
  version: ProtocolVersionText,
): RestliData[] {
  const list = Array.isArray(value) ? value : [value as RestliData];
  if (version !== V1) return list;
  return list.map((id) => {
    if (typeof id !== 'string' || kind === 'primitive') return id;
    // A v1 compound id is its `a=1&b=2` text, form-decoded once by the query layer. Without a
    // declared kind, text that does not read as a compound key stays a primitive key.
    if (kind === 'compound')
      return decodeKey(id, { kind: 'compound', version: V1, context: 'body' });
    if (segmentKeyKind(id, V1) !== 'compound') return id;
    try {
      return decodeKey(id, { kind: 'compound', version: V1, context: 'body' });
    } catch {
      return id;
    }
  });
}

function inferMethod(
  params: DecodedQuery,
  hasIds: boolean,
  hasKey: boolean,
  simple: boolean,
  options: ParseUrlOptions | undefined,
): RestliMethod {
  if (options?.restliMethod) return methodOf(options.restliMethod, 'options.restliMethod');
  const verb = (options?.httpMethod ?? 'GET').toUpperCase();
  // A simple resource is its own entity: a request without a key addresses it, not a collection.
  const keyed = hasKey || simple;
  if (verb === 'GET') {
    if (Object.hasOwn(params, 'q')) return 'finder';
    if (Object.hasOwn(params, 'bq')) return 'batch_finder';
    if (hasIds) return 'batch_get';
    return keyed ? 'get' : 'get_all';
  }
  if (verb === 'POST') {
    if (Object.hasOwn(params, 'action')) return 'action';
    if (hasIds) return 'batch_partial_update';
    return keyed ? 'partial_update' : 'create';
  }
  if (verb === 'PUT') return hasIds ? 'batch_update' : 'update';
  if (verb === 'DELETE') return hasIds ? 'batch_delete' : 'delete';
  if (verb === 'OPTIONS') return 'options';
  throw new RestliError('INVALID_METHOD', `no Rest.li method uses HTTP ${verb}`);
}
