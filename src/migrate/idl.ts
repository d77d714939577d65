/**
 * Resource IDLs: the `.restspec.json` files Rest.li services publish, and the `.snapshot.json`
 * files that add the named schemas they use. The translator reads from them what protocol 1.0
 * leaves ambiguous: which parameters are arrays or maps, what kind each key is, and which
 * resources are simple (singletons without a key).
 *
 * An IDL is checked completely when it is loaded (a malformed one is an `INVALID_IDL` error naming
 * the bad field), and everything a request needs is computed once then: template segments,
 * parameter shapes per operation, key kinds. Loading is linear in the IDL's size, and its nesting
 * is bounded, so a hostile IDL can neither exhaust the stack nor take super-linear time.
 *
 * @module
 */

import { RestliError } from '../errors.ts';
import { expectObject, expectString } from '../internal/args.ts';
import {
  compileTemplate,
  decodedSegment,
  type TemplateSegment,
  templateFits,
} from '../internal/template.ts';
import { isPrimitiveTypeName } from '../schema/model.ts';
import type { Restspec, RestspecParameter, SchemaType, Snapshot } from '../types.ts';
import type { KeyKind } from '../wire/keys.ts';

// The shapes of the IDL documents are plain data types of the kernel (src/types.ts), so that
// the typed requests of src/http read them without an import up into this layer.
export type {
  Restspec,
  RestspecOperations,
  RestspecParameter,
  SchemaType,
  Snapshot,
} from '../types.ts';

/** What a type is, as far as the wire format cares. Named recursive records are cyclic graphs. */
export type TypeShape =
  | { kind: 'primitive' }
  | { kind: 'array'; items: TypeShape }
  | { kind: 'map'; values: TypeShape }
  | { kind: 'record'; fields: Map<string, TypeShape> }
  | { kind: 'unknown'; name: string };

/** A declared parameter: its shape, and whether a request may leave it out. */
export interface ParameterInfo {
  shape: TypeShape;
  optional: boolean;
}

/** The query parameters of one operation. */
export interface OperationParameters {
  parameters: ReadonlyMap<string, ParameterInfo>;
  /**
   * Whether the operation was identified exactly (a declared finder, batch finder, action or
   * method). When it was not, `parameters` merges every method's, good for types only.
   */
  exact: boolean;
}

export type { TemplateSegment };

/** What the translator knows of one resource. */
export interface ResourceInfo {
  name: string;
  /** Path template without leading `/`: `greetings/{greetingsId}/subgreetings`. */
  template: string;
  /** The template's segments, static ones as text (compared with decoded path segments). */
  segments: readonly TemplateSegment[];
  /** A simple resource (a singleton): no entity key; a GET on it is `get`. */
  simple: boolean;
  /** The entity key's placeholder name, kind and, for complex keys, its record and params. */
  key?: { name: string; kind: KeyKind; shape?: TypeShape; params?: TypeShape };
  /** The kinds of the parent keys, by placeholder name. */
  pathKeyKinds: Readonly<Record<string, KeyKind>>;
  /** The record shapes of complex parent keys, by placeholder name. */
  pathKeyShapes: Readonly<Record<string, TypeShape>>;
  /**
   * Query parameters of the operation a request names (`q`, `bq`, `action`, else the Rest.li
   * method such as `get` or `batch_update`). Action parameters travel in the JSON body, so an
   * action has none here.
   */
  operation(
    query: { q?: string; bq?: string; action?: string },
    method?: string,
  ): OperationParameters;
  /** The parameters of {@link ResourceInfo.operation}, for callers that need only their types. */
  parameters(
    query: { q?: string; bq?: string; action?: string },
    method?: string,
  ): ReadonlyMap<string, ParameterInfo>;
}

/** Where a resource's template sits in a path's segments. */
export interface ResourceMatch {
  resource: ResourceInfo;
  /** Index of the template's first segment in the segments given to `match`. */
  start: number;
  /** Index after the template's last segment; a segment there is the entity (or assoc) key. */
  end: number;
}

/** An index of resources that picks the one a URL path addresses. */
export interface ResourceIndex {
  resources: readonly ResourceInfo[];
  /**
   * The resource whose template matches `segments` (a path split on `/`, empty segments kept),
   * ending at the last segment or just before a key segment; the longest template wins.
   */
  match(segments: readonly string[]): ResourceMatch | undefined;
}

/** An IDL that is not a restspec or snapshot: `path` names the bad field (`$[0].schema.path`). */
export class RestliIdlError extends RestliError {
  /** Where the bad field sits, as a JSONPath-like string. */
  readonly path: string;

  constructor(reason: string, path: string) {
    super('INVALID_IDL', `${reason} at ${path}`);
    this.name = 'RestliIdlError';
    this.path = path;
  }
}

/** Sub-resource nesting accepted; real services nest a handful of levels. */
export const MAX_RESOURCE_DEPTH = 64;
/** Schema nesting accepted (inline schemas, chains of named references). */
export const MAX_SCHEMA_DEPTH = 256;

/** What `resources` may be: one IDL, several, or an index already built. */
export type ResourcesInput = Restspec | Snapshot | readonly (Restspec | Snapshot)[] | ResourceIndex;

// The index of an IDL or IDL array, built once: IDLs are treated as immutable once loaded.
const cache = new WeakMap<object, ResourceIndex>();

/**
 * Loads restspecs and snapshots (one, or many: a service's whole IDL folder) into an index,
 * sub-resources included. An index passed in is returned as it is; the index of an IDL object or
 * array is cached, so passing the same array on every call costs one look-up.
 *
 * @throws {@link RestliIdlError} (`INVALID_IDL`) for anything that is not a restspec or snapshot,
 * naming the bad field; for sub-resources nested deeper than `MAX_RESOURCE_DEPTH` (64) or
 * schemas deeper than `MAX_SCHEMA_DEPTH` (256).
 * @example
 * ```ts
 * const index = loadResources([{ name: 'albums', path: '/albums' }]);
 * index.match(['v2', 'albums', '7'])?.start; // 1
 * loadResources([null as never]); // Error INVALID_IDL
 * ```
 */
export function loadResources(idls: ResourcesInput): ResourceIndex {
  if (idls === null || typeof idls !== 'object')
    throw new RestliIdlError('an IDL is a JSON object or an array of them', '$');
  if (isIndex(idls)) return idls;
  const cached = cache.get(idls);
  if (cached) return cached;
  if (!Array.isArray(idls)) {
    const index = buildIndex([idls], () => '$');
    cache.set(idls, index);
    return index;
  }
  const list = idls as readonly unknown[];
  // A new array of the same IDLs (`resources: [spec]` written in each call) finds its index too.
  const first = list[0];
  const similar = first !== null && typeof first === 'object' ? byFirst.get(first) : undefined;
  const found = similar?.find(
    (entry) => entry.items.length === list.length && entry.items.every((x, i) => x === list[i]),
  );
  if (found) {
    cache.set(idls, found.index);
    return found.index;
  }
  const index = buildIndex(list, (i) => `$[${i}]`);
  cache.set(idls, index);
  if (first !== null && typeof first === 'object') {
    const entries = similar ?? [];
    // A few arrays per first IDL: enough for the callers that rebuild theirs on every call.
    if (entries.length >= 8) entries.shift();
    entries.push({ items: [...list], index });
    if (!similar) byFirst.set(first, entries);
  }
  return index;
}

const byFirst = new WeakMap<object, { items: readonly unknown[]; index: ResourceIndex }[]>();

function isIndex(value: object): value is ResourceIndex {
  return (
    !Array.isArray(value) &&
    typeof (value as { match?: unknown }).match === 'function' &&
    Array.isArray((value as { resources?: unknown }).resources)
  );
}

/**
 * The description `parseUrl` takes for a resource of an index.
 *
 * @example
 * ```ts
 * const index = loadResources({ name: 'me', path: '/me', simple: { supports: ['get'] } });
 * resourceDescription(index.resources[0]!); // { path: 'me', pathKeyKinds: {}, simple: true }
 * ```
 */
export function resourceDescription(resource: ResourceInfo): {
  path: string;
  keyKind?: KeyKind;
  pathKeyKinds: Readonly<Record<string, KeyKind>>;
  simple: boolean;
} {
  expectObject(resource, 'resource');
  expectString(resource.template, 'resource.template');
  return {
    path: resource.template,
    ...(resource.key ? { keyKind: resource.key.kind } : {}),
    pathKeyKinds: resource.pathKeyKinds,
    simple: resource.simple,
  };
}

// ---------------------------------------------------------------------------------------------
// Checking the JSON: own properties only, each of the type the format gives it.

type Json = Record<string, unknown>;

function own(o: Json, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function object(value: unknown, path: string, what: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new RestliIdlError(`${what} must be an object, not ${describe(value)}`, path);
  return value as Json;
}

function string(o: Json, key: string, path: string, required: boolean): string | undefined {
  const value = own(o, key);
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string')
    throw new RestliIdlError(`'${key}' must be a string, not ${describe(value)}`, `${path}.${key}`);
  return value;
}

function list(o: Json, key: string, path: string): unknown[] {
  const value = own(o, key);
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new RestliIdlError(`'${key}' must be an array, not ${describe(value)}`, `${path}.${key}`);
  return value;
}

function strings(o: Json, key: string, path: string): void {
  list(o, key, path).forEach((s, i) => {
    if (typeof s !== 'string')
      throw new RestliIdlError(`must be a string, not ${describe(s)}`, `${path}.${key}[${i}]`);
  });
}

/** A schema: a type name, inline JSON text, a union (array), or a schema object. */
function checkSchema(type: unknown, path: string, depth: number): void {
  if (depth > MAX_SCHEMA_DEPTH)
    throw new RestliIdlError(`a schema nested deeper than ${MAX_SCHEMA_DEPTH}`, path);
  if (typeof type === 'string') {
    const text = type.trim();
    if (text.startsWith('{') || text.startsWith('['))
      checkSchema(parseJson(text, path), path, depth + 1);
    return;
  }
  if (Array.isArray(type)) {
    type.forEach((member, i) => {
      checkSchema(member, `${path}[${i}]`, depth + 1);
    });
    return;
  }
  const o = object(type, path, 'a schema');
  const t = own(o, 'type');
  if (typeof t !== 'string') checkSchema(t, `${path}.type`, depth + 1);
  string(o, 'name', path, false);
  string(o, 'namespace', path, false);
  for (const key of ['items', 'values', 'ref']) {
    const inner = own(o, key);
    if (inner !== undefined) checkSchema(inner, `${path}.${key}`, depth + 1);
  }
  list(o, 'fields', path).forEach((f, i) => {
    const at = `${path}.fields[${i}]`;
    const field = object(f, at, 'a field');
    string(field, 'name', at, true);
    checkSchema(own(field, 'type'), `${at}.type`, depth + 1);
  });
  strings(o, 'symbols', path);
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RestliIdlError('an inline schema that is not valid JSON', path);
  }
}

function checkParameters(o: Json, path: string): RestspecParameter[] {
  return list(o, 'parameters', path).map((p, i) => {
    const at = `${path}.parameters[${i}]`;
    const param = object(p, at, 'a parameter');
    string(param, 'name', at, true);
    checkSchema(own(param, 'type'), `${at}.type`, 0);
    string(param, 'items', at, false);
    const optional = own(param, 'optional');
    if (optional !== undefined && typeof optional !== 'boolean')
      throw new RestliIdlError(
        `'optional' must be a boolean, not ${describe(optional)}`,
        `${at}.optional`,
      );
    return param as unknown as RestspecParameter;
  });
}

/** The operations of a resource, checked; named lists as maps so that no name is inherited. */
interface Operations {
  methods: Map<string, RestspecParameter[]>;
  finders: Map<string, RestspecParameter[]>;
  batchFinders: Map<string, RestspecParameter[]>;
  actions: Set<string>;
  subresources: { spec: Json; path: string }[];
}

function checkOperations(o: Json, path: string): Operations {
  const ops: Operations = {
    methods: new Map(),
    finders: new Map(),
    batchFinders: new Map(),
    actions: new Set(),
    subresources: [],
  };
  strings(o, 'supports', path);
  list(o, 'methods', path).forEach((m, i) => {
    const at = `${path}.methods[${i}]`;
    const method = object(m, at, 'a method');
    const name = string(method, 'method', at, true)!;
    ops.methods.set(name.toLowerCase(), checkParameters(method, at));
  });
  list(o, 'finders', path).forEach((f, i) => {
    const at = `${path}.finders[${i}]`;
    const finder = object(f, at, 'a finder');
    const name = string(finder, 'name', at, true)!;
    strings(finder, 'assocKeys', at);
    string(finder, 'assocKey', at, false);
    ops.finders.set(name, checkParameters(finder, at));
  });
  list(o, 'batchFinders', path).forEach((f, i) => {
    const at = `${path}.batchFinders[${i}]`;
    const finder = object(f, at, 'a batch finder');
    const name = string(finder, 'name', at, true)!;
    string(finder, 'batchParam', at, false);
    ops.batchFinders.set(name, checkParameters(finder, at));
  });
  const actions = (owner: Json, at: string) =>
    list(owner, 'actions', at).forEach((a, i) => {
      const where = `${at}.actions[${i}]`;
      const action = object(a, where, 'an action');
      ops.actions.add(string(action, 'name', where, true)!);
      checkParameters(action, where);
    });
  actions(o, path);
  const entityValue = own(o, 'entity');
  if (entityValue !== undefined) {
    const at = `${path}.entity`;
    const entity = object(entityValue, at, "'entity'");
    string(entity, 'path', at, false);
    actions(entity, at);
    list(entity, 'subresources', at).forEach((s, i) => {
      const where = `${at}.subresources[${i}]`;
      ops.subresources.push({ spec: object(s, where, 'a sub-resource'), path: where });
    });
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Shapes: resolved once per schema; named records are shared, so recursive ones are cyclic.

class Shapes {
  private readonly named = new Map<string, TypeShape>();
  private readonly texts = new Map<string, TypeShape>();
  private readonly resolving = new Set<string>();

  constructor(private readonly models: ReadonlyMap<string, Json>) {}

  of(type: unknown, path: string, depth = 0): TypeShape {
    if (depth > MAX_SCHEMA_DEPTH)
      throw new RestliIdlError(`schema references nested deeper than ${MAX_SCHEMA_DEPTH}`, path);
    if (Array.isArray(type)) return this.union(type, path, depth);
    if (typeof type === 'string') {
      const text = type.trim();
      if (text.startsWith('{') || text.startsWith('[')) {
        let shape = this.texts.get(text);
        if (!shape) {
          shape = this.of(parseJson(text, path), path, depth + 1);
          this.texts.set(text, shape);
        }
        return shape;
      }
      if (isPrimitiveTypeName(text)) return { kind: 'primitive' };
      return this.ofName(text, path, depth);
    }
    const t = type as Json;
    const kind = own(t, 'type');
    const name = own(t, 'name');
    if (typeof name === 'string' && kind === 'record') {
      // A named record met inline: share it under its name, so that references to it find it.
      const full = fullName(t);
      const known = this.named.get(full);
      if (known) return known;
      const shape: TypeShape = { kind: 'record', fields: new Map() };
      this.named.set(full, shape);
      this.fill(shape, t, path, depth);
      return shape;
    }
    switch (kind) {
      case 'array':
        return { kind: 'array', items: this.inner(t, 'items', path, depth) };
      case 'map':
        return { kind: 'map', values: this.inner(t, 'values', path, depth) };
      case 'record': {
        const shape: TypeShape = { kind: 'record', fields: new Map() };
        this.fill(shape, t, path, depth);
        return shape;
      }
      case 'typeref':
        return this.inner(t, 'ref', path, depth);
      case 'enum':
      case 'fixed':
        return { kind: 'primitive' };
      default:
        return typeof kind === 'string' && isPrimitiveTypeName(kind)
          ? { kind: 'primitive' }
          : this.of(kind, path, depth + 1);
    }
  }

  /** A union is written as a map of one member, keyed by its alias or its type's full name. */
  private union(members: readonly unknown[], path: string, depth: number): TypeShape {
    const fields = new Map<string, TypeShape>();
    for (const member of members) {
      const shape = this.of(member, path, depth + 1);
      if (typeof member === 'string') {
        const text = member.trim();
        const model = isPrimitiveTypeName(text)
          ? undefined
          : (this.models.get(text) ?? this.models.get(text.split('.').pop()!));
        fields.set(model ? fullName(model) : text, shape);
      } else if (member !== null && typeof member === 'object' && !Array.isArray(member)) {
        const m = member as Json;
        const alias = own(m, 'alias');
        const kind = own(m, 'type');
        if (typeof alias === 'string') {
          fields.set(alias, this.of(kind, path, depth + 1));
        } else if (typeof own(m, 'name') === 'string') {
          fields.set(fullName(m), shape);
        } else if (typeof kind === 'string') {
          fields.set(kind, shape);
        }
      }
    }
    return { kind: 'record', fields };
  }

  private inner(t: Json, key: string, path: string, depth: number): TypeShape {
    const value = own(t, key);
    return value === undefined ? { kind: 'primitive' } : this.of(value, path, depth + 1);
  }

  private fill(shape: { fields: Map<string, TypeShape> }, t: Json, path: string, depth: number) {
    for (const field of (own(t, 'fields') as Json[] | undefined) ?? [])
      shape.fields.set(field.name as string, this.of(own(field, 'type'), path, depth + 1));
  }

  private ofName(text: string, path: string, depth: number): TypeShape {
    const known = this.named.get(text);
    if (known) return known;
    const model = this.models.get(text) ?? this.models.get(text.split('.').pop()!);
    if (!model) return { kind: 'unknown', name: text };
    const full = fullName(model);
    const shared = this.named.get(full);
    if (shared) return shared;
    // A typeref that refers back to itself has no shape.
    if (this.resolving.has(full)) return { kind: 'unknown', name: text };
    this.resolving.add(full);
    try {
      return this.of(model, path, depth + 1);
    } finally {
      this.resolving.delete(full);
    }
  }
}

function fullName(model: Json): string {
  const name = own(model, 'name') as string;
  const namespace = own(model, 'namespace');
  return typeof namespace === 'string' && namespace !== '' && !name.includes('.')
    ? `${namespace}.${name}`
    : name;
}

function addModel(models: Map<string, Json>, model: unknown): void {
  if (model === null || typeof model !== 'object' || Array.isArray(model)) return;
  const m = model as Json;
  const name = own(m, 'name');
  if (typeof name !== 'string' || name === '') return;
  models.set(fullName(m), m);
  models.set(name.split('.').pop()!, m);
}

/** Resolves a type (primitive name, named schema, inline schema or its JSON text) to a shape. */
export function shapeOf(
  type: SchemaType,
  models: ReadonlyMap<string, SchemaType>,
  depth: number,
): TypeShape {
  checkSchema(type, '$', depth);
  const objects = new Map<string, Json>();
  for (const [name, model] of models)
    if (model !== null && typeof model === 'object' && !Array.isArray(model))
      objects.set(name, model as unknown as Json);
  return new Shapes(objects).of(type, '$', depth);
}

// ---------------------------------------------------------------------------------------------
// The index.

function buildIndex(idls: readonly unknown[], pathOf: (i: number) => string): ResourceIndex {
  const models = new Map<string, Json>();
  const specs: { spec: Json; path: string }[] = [];
  idls.forEach((idl, i) => {
    const at = pathOf(i);
    const o = object(idl, at, 'an IDL');
    const schema = own(o, 'schema');
    if (schema !== null && typeof schema === 'object' && !Array.isArray(schema)) {
      list(o, 'models', at).forEach((model, j) => {
        checkSchema(model, `${at}.models[${j}]`, 0);
        addModel(models, model);
      });
      specs.push({ spec: schema as Json, path: `${at}.schema` });
    } else {
      specs.push({ spec: o, path: at });
    }
  });
  const shapes = new Shapes(models);
  const resources: ResourceInfo[] = [];
  // Depth-first with an explicit stack: sub-resources come after their parent, in order.
  const stack: Pending[] = specs
    .map(({ spec, path }) => ({ spec, path, depth: 0, kinds: {}, keyShapes: {} }))
    .reverse();
  while (stack.length > 0) {
    const pending = stack.pop()!;
    const { info, children } = resourceOf(pending, shapes);
    resources.push(info);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return indexOf(resources);
}

interface Pending {
  spec: Json;
  path: string;
  depth: number;
  kinds: Readonly<Record<string, KeyKind>>;
  keyShapes: Readonly<Record<string, TypeShape>>;
}

const KINDS = ['collection', 'association', 'simple', 'actionsSet'] as const;

function resourceOf(
  { spec, path, depth, kinds, keyShapes }: Pending,
  shapes: Shapes,
): { info: ResourceInfo; children: Pending[] } {
  if (depth > MAX_RESOURCE_DEPTH)
    throw new RestliIdlError(`sub-resources nested deeper than ${MAX_RESOURCE_DEPTH}`, path);
  const name = string(spec, 'name', path, true)!;
  const template = string(spec, 'path', path, true)!.replace(/^\//, '');
  string(spec, 'namespace', path, false);
  const kind = KINDS.find((k) => own(spec, k) !== undefined);
  const opsPath = kind === undefined ? path : `${path}.${kind}`;
  const opsJson = kind === undefined ? {} : object(own(spec, kind), opsPath, `'${kind}'`);
  const ops = checkOperations(opsJson, opsPath);

  let key: ResourceInfo['key'];
  if (kind === 'collection') {
    const at = `${opsPath}.identifier`;
    const identifier = object(own(opsJson, 'identifier'), at, "'identifier'");
    const keyName = string(identifier, 'name', at, true)!;
    checkSchema(own(identifier, 'type'), `${at}.type`, 0);
    const params = own(identifier, 'params');
    if (params !== undefined) checkSchema(params, `${at}.params`, 0);
    const shape = shapes.of(own(identifier, 'type'), `${at}.type`);
    const complex = params !== undefined || shape.kind === 'record';
    key = {
      name: keyName,
      kind: complex ? 'complex' : 'primitive',
      ...(complex ? { shape } : {}),
      ...(params !== undefined ? { params: shapes.of(params, `${at}.params`) } : {}),
    };
  } else if (kind === 'association') {
    const keyName = string(opsJson, 'identifier', opsPath, true)!;
    list(opsJson, 'assocKeys', opsPath).forEach((k, i) => {
      const at = `${opsPath}.assocKeys[${i}]`;
      string(object(k, at, 'an assocKey'), 'name', at, true);
    });
    key = { name: keyName, kind: 'compound' };
  }

  const segments = compileTemplate(template);
  const info = describeResource(
    name,
    template,
    segments,
    kind === 'simple',
    key,
    kinds,
    keyShapes,
    ops,
    shapes,
    opsPath,
  );
  const childKinds = key ? { ...kinds, [key.name]: key.kind } : kinds;
  const childShapes = key?.shape ? { ...keyShapes, [key.name]: key.shape } : keyShapes;
  const children = ops.subresources.map(({ spec: sub, path: at }) => ({
    spec: sub,
    path: at,
    depth: depth + 1,
    kinds: childKinds,
    keyShapes: childShapes,
  }));
  return { info, children };
}

function describeResource(
  name: string,
  template: string,
  segments: TemplateSegment[],
  simple: boolean,
  key: ResourceInfo['key'],
  kinds: Readonly<Record<string, KeyKind>>,
  keyShapes: Readonly<Record<string, TypeShape>>,
  ops: Operations,
  shapes: Shapes,
  path: string,
): ResourceInfo {
  const table = (params: RestspecParameter[]): ReadonlyMap<string, ParameterInfo> =>
    new Map(
      params.map((p) => [
        p.name,
        {
          shape:
            p.type === 'array' && typeof p.items === 'string'
              ? { kind: 'array', items: shapes.of(p.items, path) }
              : shapes.of(p.type, path),
          optional: p.optional === true || p.default !== undefined,
        },
      ]),
    );
  const finders = new Map([...ops.finders].map(([n, p]) => [n, table(p)]));
  const batchFinders = new Map([...ops.batchFinders].map(([n, p]) => [n, table(p)]));
  const methods = new Map([...ops.methods].map(([n, p]) => [n, table(p)]));
  const allMethods = table([...ops.methods.values()].flat());
  const none: ReadonlyMap<string, ParameterInfo> = new Map();
  const operation: ResourceInfo['operation'] = (query, method) => {
    if (query.q !== undefined) {
      const found = finders.get(query.q);
      return { parameters: found ?? none, exact: found !== undefined };
    }
    if (query.bq !== undefined) {
      const found = batchFinders.get(query.bq);
      return { parameters: found ?? none, exact: found !== undefined };
    }
    // Action parameters are the JSON body's fields, never query parameters (issue 9).
    if (query.action !== undefined)
      return { parameters: none, exact: ops.actions.has(query.action) };
    const found = method === undefined ? undefined : methods.get(method.toLowerCase());
    return found ? { parameters: found, exact: true } : { parameters: allMethods, exact: false };
  };
  return {
    name,
    template,
    segments,
    simple,
    ...(key ? { key } : {}),
    pathKeyKinds: kinds,
    pathKeyShapes: keyShapes,
    operation,
    parameters: (query, method) => operation(query, method).parameters,
  };
}

function indexOf(resources: ResourceInfo[]): ResourceIndex {
  // Resources by the last segment of their template (the static resource name, in every IDL
  // Rest.li generates); a template that is empty or ends in a placeholder is tried everywhere.
  // Each group lists the loose templates after its own, so that a match walks one list.
  const byName = new Map<string, ResourceInfo[]>();
  const loose: ResourceInfo[] = [];
  for (const resource of resources) {
    const last = resource.segments[resource.segments.length - 1];
    if (last?.kind !== 'static') {
      loose.push(resource);
      continue;
    }
    const group = byName.get(last.text);
    if (group) group.push(resource);
    else byName.set(last.text, [resource]);
  }
  for (const group of byName.values()) group.push(...loose);
  return {
    resources,
    match(segments) {
      // A trailing empty segment (a path ending in `/`) is not a key.
      let count = segments.length;
      if (count > 1 && segments[count - 1] === '') count--;
      let best: ResourceMatch | undefined;
      let bestLength = 0;
      // Path segments decoded once for all the templates tried.
      const decoded: (string | undefined)[] = [];
      // The text before an absolute path's leading `/` is no segment: a template starting with a
      // placeholder must not take it for a key (it would be written `''`, before the `/`).
      const first = segments[0] === '' ? 1 : 0;
      // The template ends at the last segment, or before a key segment.
      for (let end = count - 1; end >= Math.max(0, count - 2); end--) {
        const name = decodedSegment(segments[end]!);
        decoded[end] = name;
        const group = byName.get(name) ?? loose;
        for (const resource of group) {
          const keyed = end < count - 1;
          if (keyed && resource.simple) continue;
          const length = resource.segments.length;
          const start = end - length + 1;
          if (
            start < first ||
            length < bestLength ||
            (length === bestLength && best && best.start < start)
          )
            continue;
          if (!templateFits(resource.segments, segments, start, decoded)) continue;
          best = { resource, start, end: end + 1 };
          bestLength = length;
        }
      }
      return best;
    },
  };
}
