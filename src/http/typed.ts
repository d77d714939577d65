/**
 * Requests and responses as data, typed through a resource's IDL: from a typed request
 * description, the whole HTTP request (method, URL, headers, body) as the Java client writes it in
 * either protocol version; from a status, headers and body, the typed response (entities, keys,
 * ids, batch maps, paging, metadata, action values, errors). No I/O here: `fetch.ts` adapts these
 * to WHATWG `Request`/`Response`.
 *
 * @module
 */

import { RestliError } from '../errors.ts';
import { argumentError, expectObject, expectOptions, expectString } from '../internal/args.ts';
import { parseJson, stringifyJson } from '../internal/json.ts';
import { setOwn } from '../internal/own.ts';
import { type ProtocolVersionText, V1, V2 } from '../internal/version-text.ts';
import { type DataSchema, type PegasusData, SchemaSet } from '../schema/model.ts';
import {
  fromStrings,
  fromData as schemaFromData,
  toData as schemaToData,
  type TypedValue,
} from '../schema/typed.ts';
import type { RestliValue } from '../types.ts';
import { decodeKey, encodeKey, type Key } from '../wire/keys.ts';
import type { MaskInput } from '../wire/query.ts';
import { codecForContentType } from './content-type.ts';
import { errorResponseOf, type RestliResponseError } from './envelope.ts';
import { decodeIdHeader } from './id-header.ts';
import type {
  ResourceIndexByName,
  ResourceKey,
  ResourceOperation,
  TypedResource,
} from './resource.ts';
import { buildUrl, httpMethod, type RestliMethod, requestHeaders } from './url.ts';
import { errorResponseHeaderName, type HeadersLike, headerValue } from './version.ts';

/**
 * A typed request. Keys, entities and parameters are typed values (long as bigint, bytes as
 * Uint8Array, unions as `{ member: value }`); a complex key is its record with `$params`, an
 * association key an object of its parts.
 */
export interface TypedRequest {
  /** The resource by name from the root: `collection`, `collection/subcollection`. */
  resource: string;
  method: RestliMethod;
  /** Parent keys by placeholder name. */
  pathKeys?: { readonly [name: string]: unknown };
  /** The entity key (get, update, partial_update, delete, an entity action). */
  id?: unknown;
  /** The keys of batch_get and batch_delete (duplicates removed, order kept). */
  ids?: readonly unknown[];
  /** The entity of create and update. */
  entity?: unknown;
  /** batch_update: `[key, entity]` pairs; batch_partial_update: `[key, patch]` pairs. */
  entities?: readonly (readonly [unknown, unknown])[];
  /** batch_create: the entities. */
  elements?: readonly unknown[];
  /** partial_update: the patch tree (`{ $set, $delete, field: subtree }`), `$set` values typed. */
  patch?: unknown;
  finder?: string;
  batchFinder?: string;
  action?: string;
  /** A finder's association key parts (on an association resource). */
  assocKey?: { readonly [part: string]: unknown };
  /** Query parameters (methods, finders) or action parameters (sent in the body). */
  params?: { readonly [name: string]: unknown };
  fields?: MaskInput;
  metadataFields?: MaskInput;
  pagingFields?: MaskInput;
}

/** A whole HTTP request as data. */
export interface HttpRequestData {
  method: string;
  /** The URL: `base` + resource path + query. */
  url: string;
  headers: Record<string, string>;
  /** The JSON body, when the method has one. */
  body?: string;
}

/** Options of {@link buildRequest} and {@link parseResponse}. */
export interface TypedOptions {
  /** `'2.0.0'` (default) or `'1.0.0'`. */
  version?: ProtocolVersionText;
  /** Prefix of the URL, kept as given: `https://host/`, `/`. Default `/`. */
  base?: string;
  /** Write the body as Jackson's pretty printer does (as the Java reference's recordings). */
  pretty?: boolean;
  /**
   * `false` sends entities that miss required fields, as the Java client (which does not
   * validate) does, leaving the refusal to the server. Default `true`: refused with the path.
   */
  requireFields?: boolean;
}

/** Where key data comes from: JSON (typed leaves) or a URL/header (every leaf a string). */
export type Leaves = 'json' | 'string';

/**
 * Typed value → data for a request, through the schema layer's one converter: a field the schema
 * does not declare is refused (it would be sent, and dropped or refused by the server, silently);
 * `requireFields: false` sends records that miss required fields, as the Java client does.
 */
function toData(
  value: unknown,
  schema: DataSchema,
  set: SchemaSet,
  path: string,
  options?: { requireFields: boolean },
): PegasusData {
  return schemaToData(value as TypedValue, schema, set, {
    path,
    unknownFields: 'reject',
    requireFields: options?.requireFields !== false,
  });
}

/**
 * Data of a response or a key → typed value: string leaves (a URL, a header, a body key) or JSON
 * leaves; fields the schema does not declare are kept (a newer server may send them); `partial`
 * for a projected record (required fields may be missing).
 */
function fromData(
  data: unknown,
  schema: DataSchema,
  set: SchemaSet,
  options?: { leaves?: Leaves; partial?: boolean },
  path = '$',
): unknown {
  const read = options?.leaves === 'string' ? fromStrings : schemaFromData;
  return read(data as PegasusData, schema, set, { path, requireFields: options?.partial !== true });
}

/**
 * Pegasus data as a URL value: the wire grammars have no null, and the reference prints the null
 * member of a union (`Data.NULL`) as the text `null`, which string leaves read back as null where
 * the schema allows it. A double -0 is written `-0.0`, as Java does.
 *
 * @example
 * ```ts
 * toUrlData({ u: null, d: -0, n: [1n] }); // { u: 'null', d: '-0.0', n: [1n] }
 * ```
 */
export function toUrlData(data: PegasusData): Exclude<PegasusData, null> {
  if (data === null) return 'null';
  // The wire's number printer writes JS text, where -0 is `0`; Java writes a double -0 as `-0.0`.
  if (Object.is(data, -0)) return '-0.0';
  if (Array.isArray(data)) return data.map(toUrlData);
  if (typeof data === 'object') {
    const out: { [k: string]: PegasusData } = {};
    for (const k of Object.keys(data)) setOwn(out, k, toUrlData(data[k]!));
    return out;
  }
  return data;
}

function resourceOf(resources: ResourceIndexByName, name: string): TypedResource {
  if (!(resources instanceof Map)) {
    throw argumentError('resources', 'a Map (from loadTypedResources)', resources);
  }
  expectString(name, 'request.resource');
  // Slashes trimmed by index: a `/+$` pattern backtracks quadratically on `//…/x`.
  let start = 0;
  let end = name.length;
  while (start < end && name.charCodeAt(start) === 0x2f) start++;
  while (end > start && name.charCodeAt(end - 1) === 0x2f) end--;
  const r = resources.get(name.slice(start, end));
  if (r === undefined) {
    throw new RestliError('UNKNOWN_RESOURCE', `no resource ${name} in the IDLs given`);
  }
  return r;
}

/**
 * A typed key as the key data `encodeKey` writes.
 *
 * @example
 * ```ts
 * const set = new SchemaSet();
 * keyToData(7n, { name: 'id', kind: 'primitive', type: { type: 'long' } }, set); // 7
 * ```
 */
export function keyToData(key: unknown, rkey: ResourceKey, set: SchemaSet, path = '$'): Key {
  expectObject(rkey, 'rkey');
  if (!(set instanceof SchemaSet)) throw argumentError('set', 'a SchemaSet', set);
  expectString(path, 'path');
  if (rkey.kind === 'primitive') return toUrlData(toData(key, rkey.type!, set, path)) as Key;
  if (key === null || typeof key !== 'object' || Array.isArray(key)) {
    throw new RestliError('INVALID_ARGUMENT', `the key ${rkey.name} must be an object`);
  }
  const k = key as Record<string, unknown>;
  if (rkey.kind === 'compound') {
    const out: Record<string, PegasusData> = {};
    for (const part of rkey.parts ?? []) {
      if (k[part.name] === undefined) {
        throw new RestliError('INVALID_ARGUMENT', `the key ${rkey.name} has no part ${part.name}`);
      }
      setOwn(
        out,
        part.name,
        toUrlData(toData(k[part.name], part.type, set, `${path}.${part.name}`)),
      );
    }
    for (const name of Object.keys(k)) {
      if (!(rkey.parts ?? []).some((p) => p.name === name)) {
        throw new RestliError('INVALID_ARGUMENT', `the key ${rkey.name} has no part named ${name}`);
      }
    }
    return out as Key;
  }
  const { $params, ...fields } = k;
  const out = toData(fields, rkey.type!, set, path) as Record<string, PegasusData>;
  if ($params !== undefined && rkey.params !== undefined) {
    out.$params = toData($params, rkey.params, set, `${path}.$params`);
  }
  return toUrlData(out) as Key;
}

/**
 * Key data read from a URL, header or body key (leaves as strings) → the typed key.
 *
 * @example
 * ```ts
 * const set = new SchemaSet();
 * keyFromData('7', { name: 'id', kind: 'primitive', type: { type: 'long' } }, set); // 7n
 * ```
 */
export function keyFromData(
  data: unknown,
  rkey: ResourceKey,
  set: SchemaSet,
  leaves: Leaves = 'string',
): unknown {
  expectObject(rkey, 'rkey');
  if (!(set instanceof SchemaSet)) throw argumentError('set', 'a SchemaSet', set);
  if (rkey.kind === 'primitive') return fromData(data, rkey.type!, set, { leaves });
  const d = (data ?? {}) as Record<string, unknown>;
  if (rkey.kind === 'compound') {
    const out: Record<string, unknown> = {};
    for (const part of rkey.parts ?? []) {
      if (d[part.name] !== undefined)
        setOwn(out, part.name, fromData(d[part.name], part.type, set, { leaves }));
    }
    return out;
  }
  const { $params, ...fields } = d;
  const out = fromData(fields, rkey.type!, set, { leaves }) as Record<string, unknown>;
  if ($params !== undefined && rkey.params !== undefined) {
    out.$params = fromData($params, rkey.params, set, { leaves });
  }
  return out;
}

/** A patch tree with its `$set` values written as data against the record's field types. */
function patchToData(
  patch: unknown,
  record: DataSchema | undefined,
  set: SchemaSet,
  path: string,
): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw new RestliError('INVALID_ARGUMENT', `the patch at ${path} must be an object`);
  }
  const r = record === undefined ? undefined : set.dereference(record);
  const fields = r?.type === 'record' ? set.allFields(r) : [];
  const fieldType = (name: string) => fields.find((f) => f.name === name)?.type;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$set') {
      const s: Record<string, unknown> = {};
      for (const [f, value] of Object.entries(v as object)) {
        const t = fieldType(f);
        setOwn(s, f, t === undefined ? value : toData(value, t, set, `${path}.$set.${f}`));
      }
      out.$set = s;
    } else if (k === '$delete') {
      out.$delete = v;
    } else {
      // A nested record's field name, with a leading `$` doubled.
      const name = k.startsWith('$$') ? k.slice(1) : k;
      setOwn(out, k, patchToData(v, fieldType(name), set, `${path}.${name}`));
    }
  }
  return out;
}

function operationOf(
  resource: TypedResource,
  request: TypedRequest,
): ResourceOperation | undefined {
  if (request.finder !== undefined) return resource.finders.get(request.finder);
  if (request.batchFinder !== undefined) return resource.batchFinders.get(request.batchFinder);
  if (request.action !== undefined) {
    return request.id !== undefined
      ? resource.entityActions.get(request.action)
      : resource.actions.get(request.action);
  }
  return resource.methods.get(request.method);
}

function paramsToData(
  params: { readonly [name: string]: unknown } | undefined,
  op: ResourceOperation | undefined,
  set: SchemaSet,
  what: string,
): Record<string, PegasusData> {
  const out: Record<string, PegasusData> = {};
  const declared = op?.parameters ?? [];
  for (const name of Object.keys(params ?? {})) {
    const value = params![name];
    if (value === undefined) continue;
    const p = declared.find((d) => d.name === name);
    if (p === undefined) {
      throw new RestliError('UNKNOWN_PARAMETER', `${what} declares no parameter ${name}`);
    }
    setOwn(out, name, toData(value, p.type, set, `$.${name}`));
  }
  for (const p of declared) {
    if (!p.optional && !(p.name in out)) {
      throw new RestliError('MISSING_PARAMETER', `${what} requires the parameter ${p.name}`);
    }
  }
  return out;
}

/**
 * The HTTP request the Java client sends for `request` in `options.version`: the verb, the URL
 * (via {@link buildUrl}), `Accept`, `Content-Type` when there is a body, `X-RestLi-Method` on
 * POST (where Java sends it) and `X-RestLi-Protocol-Version`, and the JSON body: the entity
 * (create, update), `{patch}` (partial_update), `{elements}` (batch_create), `{entities}` keyed
 * by encoded keys (batch_update, batch_partial_update), or the action parameters (actions never
 * put them in the query).
 *
 * @throws {@link RestliError} `UNKNOWN_RESOURCE`, `UNKNOWN_PARAMETER`, `MISSING_PARAMETER`,
 *   `INVALID_ARGUMENT`; {@link RestliSchemaError} `INVALID_VALUE` with the path of a bad value.
 * @example
 * ```ts
 * const resources = loadTypedResources([{ models: [{ type: 'record', name: 'Greeting', namespace: 'x', fields: [{ name: 'id', type: 'long' }] }], schema: { name: 'greetings', path: '/greetings', schema: 'x.Greeting', collection: { identifier: { name: 'greetingsId', type: 'long' }, supports: ['get'], entity: { path: '/greetings/{greetingsId}' } } } }]);
 * buildRequest({ resource: 'greetings', method: 'get', id: 1n }, resources).url; // '/greetings/1'
 * ```
 */
export function buildRequest(
  request: TypedRequest,
  resources: ResourceIndexByName,
  options?: TypedOptions,
): HttpRequestData {
  expectObject(request, 'request');
  expectObject(resources, 'resources');
  expectOptions(options);
  const version = options?.version ?? V2;
  const resource = resourceOf(resources, request.resource);
  const set = resource.schemas;
  const method = request.method;
  const op = operationOf(resource, request);
  if (
    (request.finder !== undefined ||
      request.batchFinder !== undefined ||
      request.action !== undefined) &&
    op === undefined
  ) {
    throw new RestliError(
      'UNKNOWN_OPERATION',
      `${resource.name} has no ${request.finder ?? request.batchFinder ?? request.action}`,
    );
  }
  const what = `${resource.name} ${request.finder ?? request.batchFinder ?? request.action ?? method}`;
  const key = resource.key;
  const needKey = (): ResourceKey => {
    if (key === undefined) throw new RestliError('INVALID_ARGUMENT', `${resource.name} has no key`);
    return key;
  };

  const pathKeys: Record<string, Key> = {};
  for (const [name, rkey] of Object.entries(resource.pathKeys)) {
    const value = request.pathKeys?.[name];
    if (value === undefined)
      throw new RestliError('MISSING_PATH_KEY', `no value for the path key {${name}}`);
    setOwn(pathKeys, name, keyToData(value, rkey, set, `$.pathKeys.${name}`));
  }
  const isAction = method === 'action';
  const query = isAction ? {} : toUrlData(paramsToData(request.params, op, set, what));
  const url = buildUrl(
    {
      method,
      resource: resource.template,
      pathKeys,
      pathKeyKinds: Object.fromEntries(
        Object.entries(resource.pathKeys).map(([n, k]) => [n, k.kind]),
      ),
      ...(request.id !== undefined ? { id: keyToData(request.id, needKey(), set, '$.id') } : {}),
      ...(request.ids !== undefined
        ? { ids: request.ids.map((id, i) => keyToData(id, needKey(), set, `$.ids[${i}]`)) }
        : {}),
      ...(key ? { keyKind: key.kind } : {}),
      ...(request.assocKey !== undefined
        ? {
            assocKey: keyToData(
              request.assocKey,
              { ...needKey(), parts: needKey().parts?.filter((p) => p.name in request.assocKey!) },
              set,
              '$.assocKey',
            ) as Record<string, string>,
          }
        : {}),
      ...(request.finder !== undefined ? { finder: request.finder } : {}),
      ...(request.batchFinder !== undefined ? { batchFinder: request.batchFinder } : {}),
      ...(request.action !== undefined ? { action: request.action } : {}),
      params: query as Record<string, RestliValue>,
      ...(request.fields !== undefined ? { fields: request.fields } : {}),
      ...(request.metadataFields !== undefined ? { metadataFields: request.metadataFields } : {}),
      ...(request.pagingFields !== undefined ? { pagingFields: request.pagingFields } : {}),
    },
    { version, base: options?.base ?? '/' },
  );

  let body: unknown;
  const entityOptions = { requireFields: options?.requireFields !== false };
  const entityType = (): DataSchema => {
    if (resource.valueType === undefined) {
      throw new RestliError('INVALID_ARGUMENT', `${resource.name} has no value schema`);
    }
    return resource.valueType;
  };
  const batchKey = (k: unknown, i: number) =>
    encodeKey(keyToData(k, needKey(), set, `$.entities[${i}][0]`), {
      kind: needKey().kind,
      version,
      context: 'body',
      full: true,
    });
  switch (method) {
    case 'create':
    case 'update':
      body = toData(request.entity, entityType(), set, '$.entity', entityOptions);
      break;
    case 'partial_update':
      body = { patch: patchToData(request.patch ?? {}, resource.valueType, set, '$.patch') };
      break;
    case 'batch_create':
      body = {
        elements: (request.elements ?? []).map((e, i) =>
          toData(e, entityType(), set, `$.elements[${i}]`),
        ),
      };
      break;
    case 'batch_update':
    case 'batch_partial_update': {
      const entities: Record<string, unknown> = {};
      (request.entities ?? []).forEach(([k, v], i) => {
        const value =
          method === 'batch_update'
            ? toData(v, entityType(), set, `$.entities[${i}][1]`, entityOptions)
            : { patch: patchToData(v, resource.valueType, set, `$.entities[${i}][1]`) };
        setOwn(entities, batchKey(k, i), value);
      });
      body = { entities };
      break;
    }
    case 'action':
      body = paramsToData(request.params, op, set, what);
      break;
    default:
      body = undefined;
  }

  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  Object.assign(headers, requestHeaders({ method }, { version }));
  const out: HttpRequestData = { method: httpMethod(method), url, headers };
  if (body !== undefined) out.body = stringifyJson(body, { pretty: options?.pretty === true });
  return out;
}

/** A response as data: what {@link parseResponse} reads. */
export interface HttpResponseData {
  status: number;
  headers: HeadersLike;
  /** The body as text or bytes; empty for none. */
  body?: string | Uint8Array;
}

/** One entry of a batch response map, its key decoded and typed. */
export interface BatchEntry<V> {
  key: unknown;
  value: V;
}

/** Paging of a collection response. */
export interface Paging {
  start: number;
  count: number;
  total?: number;
  links: { rel: string; href: string; type: string; [k: string]: unknown }[];
}

/** One element of a batch_create response. */
export interface CreateStatus {
  status: number;
  /** The new entity's key, typed. */
  id?: unknown;
  location?: string;
  error?: RestliResponseError;
}

/** A typed response. Which fields are set depends on the method. */
export interface TypedResponse {
  status: number;
  version: ProtocolVersionText;
  /** get, create with a returned entity, update/partial_update with a returned entity. */
  entity?: unknown;
  /** create: the new key, from `X-RestLi-Id` (1.0: `X-LinkedIn-Id`). */
  id?: unknown;
  /** create: the `Location` header. */
  location?: string;
  /** batch methods: `results` (entities for batch_get, `{status}` for the others). */
  results?: BatchEntry<unknown>[];
  /** batch methods: `errors`. */
  errors?: BatchEntry<RestliResponseError>[];
  /** batch_get: `statuses`. */
  statuses?: BatchEntry<number>[];
  /** get_all, finders: the elements; batch_create: the per-item statuses. */
  elements?: unknown[];
  /** batch_create: per-item status, id and location. */
  created?: CreateStatus[];
  paging?: Paging;
  metadata?: unknown;
  /** batch_finder: one collection per criteria. */
  batchElements?: {
    elements: unknown[];
    paging?: Paging;
    metadata?: unknown;
    error?: RestliResponseError;
  }[];
  /** actions: the typed `value` (undefined for a void action). */
  value?: unknown;
}

function bodyData(response: HttpResponseData): Record<string, unknown> | undefined {
  const body = response.body;
  if (body === undefined || body.length === 0) return undefined;
  const contentType = headerValue(response.headers, 'Content-Type');
  const codec = codecForContentType(contentType);
  if (codec.name !== 'json') {
    throw new RestliError('UNSUPPORTED_CODEC', `No ${codec.mimeType} decoder in this library`);
  }
  const text =
    typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body);
  const data = parseJson(text, { code: 'INVALID_JSON' });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new RestliError('INVALID_JSON', 'The response body is not a JSON object');
  }
  return data as Record<string, unknown>;
}

/**
 * The error of an error response. A body that is not a JSON error record (a proxy's HTML page, a
 * text message) still gives the status, with the start of the text as the message.
 */
function errorOf(response: HttpResponseData): RestliResponseError {
  try {
    return errorResponseOf(bodyData(response), response.status);
  } catch {
    const body = response.body ?? '';
    const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
    return errorResponseOf({ message: text.slice(0, 500) }, response.status);
  }
}

function pagingOf(data: unknown): Paging | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  const int = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));
  const out: Paging = {
    start: int(d.start),
    count: int(d.count),
    links: (Array.isArray(d.links) ? d.links : []) as Paging['links'],
  };
  if (d.total !== undefined) out.total = int(d.total);
  return out;
}

/**
 * The typed response to `request` (as {@link buildRequest} sent it): an error response (status
 * ≥ 400 or the error-response header) is thrown as {@link RestliResponseError}; otherwise the
 * body is read by method, with batch map keys decoded (either version's key syntax) and typed.
 *
 * @throws {@link RestliResponseError} for an error response.
 * @throws {@link RestliError} `INVALID_JSON`, `UNSUPPORTED_CODEC`; {@link RestliSchemaError}
 *   `INVALID_VALUE` for data that does not match the IDL, with its path.
 * @example
 * ```ts
 * const resources = loadTypedResources([{ models: [{ type: 'record', name: 'Greeting', namespace: 'x', fields: [{ name: 'id', type: 'long' }] }], schema: { name: 'greetings', path: '/greetings', schema: 'x.Greeting', collection: { identifier: { name: 'greetingsId', type: 'long' }, supports: ['get'], entity: { path: '/greetings/{greetingsId}' } } } }]);
 * const response = { status: 200, headers: { 'X-RestLi-Protocol-Version': '2.0.0' }, body: '{"id":1}' };
 * parseResponse({ resource: 'greetings', method: 'get', id: 1n }, resources, response).entity; // { id: 1n }
 * ```
 */
export function parseResponse(
  request: TypedRequest,
  resources: ResourceIndexByName,
  response: HttpResponseData,
  options?: TypedOptions,
): TypedResponse {
  expectObject(request, 'request');
  expectObject(resources, 'resources');
  expectObject(response, 'response');
  expectOptions(options);
  const resource = resourceOf(resources, request.resource);
  const set = resource.schemas;
  const version = options?.version ?? versionOfResponse(response.headers);
  const isError =
    headerValue(response.headers, errorResponseHeaderName(version === V1 ? '1.0.0' : '2.0.0')) !==
      undefined ||
    headerValue(response.headers, 'X-RestLi-Error-Response') !== undefined ||
    headerValue(response.headers, 'X-LinkedIn-Error-Response') !== undefined ||
    response.status >= 400;
  if (isError) throw errorOf(response);
  const data = bodyData(response);
  const out: TypedResponse = { status: response.status, version };
  const partial = request.fields !== undefined;
  const entity = (d: unknown, path: string) =>
    resource.valueType === undefined ? d : fromEntity(d, resource.valueType, set, partial, path);
  const key = resource.key;
  const decodeBodyKey = (text: string): unknown => {
    if (key === undefined) return text;
    const keyData = decodeKey(text, { kind: key.kind, version, context: 'body', full: false });
    return keyFromData(keyData, key, set);
  };
  const entries = <V>(map: unknown, f: (v: unknown, k: string) => V): BatchEntry<V>[] => {
    if (map === null || typeof map !== 'object') return [];
    return Object.keys(map).map((k) => ({
      key: decodeBodyKey(k),
      value: f((map as Record<string, unknown>)[k], k),
    }));
  };
  const op = operationOf(resource, request);
  switch (request.method) {
    case 'get':
      if (data !== undefined) out.entity = entity(data, '$');
      break;
    case 'create':
    case 'update':
    case 'partial_update': {
      if (request.method === 'create' && key !== undefined) {
        const id = decodeIdHeader(response.headers, { kind: key.kind, version });
        if (id !== undefined) out.id = keyFromData(id, key, set);
        const location = headerValue(response.headers, 'Location');
        if (location !== undefined) out.location = location;
      }
      if (data !== undefined) out.entity = entity(data, '$');
      break;
    }
    case 'delete':
      break;
    case 'batch_get':
    case 'batch_update':
    case 'batch_partial_update':
    case 'batch_delete': {
      const d = data ?? {};
      out.results = entries(d.results, (v, k) =>
        request.method === 'batch_get' ? entity(v, `$.results.${k}`) : statusOf(v),
      );
      out.errors = entries(d.errors, (v) => errorResponseOf(v));
      if (d.statuses !== undefined) {
        out.statuses = entries(d.statuses, (v) =>
          typeof v === 'bigint' ? Number(v) : (v as number),
        );
      }
      break;
    }
    case 'batch_create': {
      const elements = Array.isArray(data?.elements) ? data.elements : [];
      out.created = elements.map((e: Record<string, unknown>) => {
        const c: CreateStatus = { status: Number(e.status) };
        if (typeof e.id === 'string') c.id = decodeBodyKey(e.id);
        if (typeof e.location === 'string') c.location = e.location;
        if (e.error !== undefined) c.error = errorResponseOf(e.error);
        return c;
      });
      break;
    }
    case 'get_all':
    case 'finder': {
      const d = data ?? {};
      out.elements = (Array.isArray(d.elements) ? d.elements : []).map((e, i) =>
        entity(e, `$.elements[${i}]`),
      );
      const paging = pagingOf(d.paging);
      if (paging) out.paging = paging;
      if (d.metadata !== undefined) {
        out.metadata = op?.metadata ? fromData(d.metadata, op.metadata, set) : d.metadata;
      }
      break;
    }
    case 'batch_finder': {
      const d = data ?? {};
      out.batchElements = (Array.isArray(d.elements) ? d.elements : []).map(
        (c: Record<string, unknown>, i: number) => {
          const item: NonNullable<TypedResponse['batchElements']>[number] = {
            elements: (Array.isArray(c.elements) ? c.elements : []).map((e, j) =>
              entity(e, `$.elements[${i}].elements[${j}]`),
            ),
          };
          const paging = pagingOf(c.paging);
          if (paging) item.paging = paging;
          if (c.metadata !== undefined) {
            item.metadata = op?.metadata ? fromData(c.metadata, op.metadata, set) : c.metadata;
          }
          if (c.error !== undefined) item.error = errorResponseOf(c.error);
          return item;
        },
      );
      break;
    }
    case 'action':
      if (data !== undefined && 'value' in data) {
        out.value = op?.returns ? fromData(data.value, op.returns, set) : data.value;
      }
      break;
    default:
      break;
  }
  return out;
}

function fromEntity(
  d: unknown,
  type: DataSchema,
  set: SchemaSet,
  partial: boolean,
  path: string,
): unknown {
  return fromData(d, type, set, { partial }, path);
}

function statusOf(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = { ...(v as object) };
  if (typeof out.status === 'bigint') out.status = Number(out.status);
  if (out.error !== undefined) out.error = errorResponseOf(out.error);
  return out;
}

function versionOfResponse(headers: HeadersLike): ProtocolVersionText {
  const text = headerValue(headers, 'X-RestLi-Protocol-Version');
  if (text === undefined) return V1;
  return Number.parseInt(text, 10) >= 2 ? V2 : V1;
}
