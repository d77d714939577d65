/**
 * Resource IDLs: the `.restspec.json` files Rest.li services publish, and the `.snapshot.json`
 * files that add the named schemas they use. The translator reads from them what protocol 1.0
 * leaves ambiguous: which parameters are arrays or maps, and what kind each key is.
 *
 * @module
 */

import { RestliError } from '../errors.ts';
import { matchLongest, templateSegments } from '../internal/template.ts';
import type { KeyKind } from '../wire/keys.ts';

/** A method, finder, batch finder or action parameter. */
export interface RestspecParameter {
  name: string;
  /** A primitive (`string`, `long` …), a named schema, or an inline schema as JSON text. */
  type: string | SchemaType;
  optional?: boolean;
  default?: string;
  /** Old restspecs give array parameters as `type: 'array'` with `items`. */
  items?: string;
}

/** Methods, finders, batch finders and actions of a resource or of its entity. */
export interface RestspecOperations {
  supports?: string[];
  methods?: { method: string; parameters?: RestspecParameter[] }[];
  finders?: {
    name: string;
    parameters?: RestspecParameter[];
    assocKeys?: string[];
    assocKey?: string;
  }[];
  batchFinders?: { name: string; parameters?: RestspecParameter[]; batchParam?: string }[];
  actions?: { name: string; parameters?: RestspecParameter[]; returns?: string }[];
  entity?: { path?: string; actions?: RestspecOperations['actions']; subresources?: Restspec[] };
}

/** A parsed `.restspec.json`. */
export interface Restspec {
  name: string;
  namespace?: string;
  /** The resource path, with parent keys as placeholders: `/greetings/{greetingsId}/subgreetings`. */
  path: string;
  schema?: string;
  doc?: string;
  /** A collection: `identifier.params` present (or a record `type`) means a complex key. */
  collection?: RestspecOperations & { identifier: { name: string; type: string; params?: string } };
  /** An association: a compound key of `assocKeys`. */
  association?: RestspecOperations & {
    identifier: string;
    assocKeys: { name: string; type: string }[];
  };
  simple?: RestspecOperations;
  actionsSet?: RestspecOperations;
}

/** A schema in a snapshot's `models` or inline in a parameter type. */
export type SchemaType =
  | string
  | readonly SchemaType[]
  | {
      type: string;
      name?: string;
      namespace?: string;
      items?: SchemaType;
      values?: SchemaType;
      ref?: SchemaType;
      fields?: { name: string; type: SchemaType; optional?: boolean }[];
      symbols?: string[];
    };

/** A parsed `.snapshot.json`: the restspec plus the named schemas it refers to. */
export interface Snapshot {
  models?: SchemaType[];
  schema: Restspec;
}

/** What a type is, as far as the wire format cares. */
export type TypeShape =
  | { kind: 'primitive' }
  | { kind: 'array'; items: TypeShape }
  | { kind: 'map'; values: TypeShape }
  | { kind: 'record'; fields: Map<string, TypeShape> }
  | { kind: 'unknown'; name: string };

const PRIMITIVES = new Set([
  'string',
  'int',
  'long',
  'float',
  'double',
  'boolean',
  'bytes',
  'null',
]);

/** A declared parameter: its shape, and whether a request may leave it out. */
export interface ParameterInfo {
  shape: TypeShape;
  optional: boolean;
}

/** What the translator knows of one resource. */
export interface ResourceInfo {
  name: string;
  /** Path template without leading `/`: `greetings/{greetingsId}/subgreetings`. */
  template: string;
  /** The entity key's placeholder name, kind and, for complex keys, its record and params. */
  key?: { name: string; kind: KeyKind; shape?: TypeShape; params?: TypeShape };
  /** The kinds of the parent keys, by placeholder name. */
  pathKeyKinds: Record<string, KeyKind>;
  /** The record shapes of complex parent keys, by placeholder name. */
  pathKeyShapes: Record<string, TypeShape>;
  /** Parameters of the operation a request's query names (`q`, `bq`, `action`, method). */
  parameters(
    query: { q?: string; bq?: string; action?: string },
    method?: string,
  ): Map<string, ParameterInfo>;
}

/** An index of resources that picks the one a URL path addresses. */
export interface ResourceIndex {
  resources: ResourceInfo[];
  /** The resource whose template matches the end of `segments` (before an optional key segment). */
  match(segments: readonly string[]): { resource: ResourceInfo; start: number } | undefined;
}

/**
 * Loads restspecs and snapshots (one or many: a service's whole IDL folder) into an index,
 * sub-resources included.
 *
 * @throws {@link RestliError} `INVALID_IDL` for a file that is neither.
 * @example
 * ```ts
 * const index = loadResources([{ name: 'albums', path: '/albums' }]);
 * index.match(['v2', 'albums', '7'])?.start; // 1
 * loadResources([null as never]); // Error INVALID_IDL
 * ```
 */
export function loadResources(idls: readonly (Restspec | Snapshot)[]): ResourceIndex {
  const models = new Map<string, SchemaType>();
  const specs: Restspec[] = [];
  for (const idl of idls) {
    if (idl === null || typeof idl !== 'object')
      throw new RestliError('INVALID_IDL', 'an IDL is a JSON object');
    const spec =
      'schema' in idl && typeof idl.schema === 'object'
        ? (idl as Snapshot).schema
        : (idl as Restspec);
    if (typeof spec.path !== 'string' || typeof spec.name !== 'string') {
      throw new RestliError('INVALID_IDL', 'an IDL names a resource and its path');
    }
    for (const model of (idl as Snapshot).models ?? []) addModel(models, model);
    specs.push(spec);
  }
  const resources: ResourceInfo[] = [];
  for (const spec of specs) collect(spec, {}, {}, models, resources);
  const templates = resources.map((resource) => templateSegments(resource.template));
  return {
    resources,
    match(segments) {
      const found = matchLongest(segments, templates);
      return found && { resource: resources[found.index]!, start: found.start };
    },
  };
}

function addModel(models: Map<string, SchemaType>, model: SchemaType): void {
  if (typeof model !== 'object' || Array.isArray(model)) return;
  const m = model as Exclude<SchemaType, string | readonly SchemaType[]>;
  if (m.name)
    models.set(m.namespace && !m.name.includes('.') ? `${m.namespace}.${m.name}` : m.name, m);
  if (m.name) models.set(m.name.split('.').pop()!, m);
}

function collect(
  spec: Restspec,
  parentKinds: Record<string, KeyKind>,
  parentShapes: Record<string, TypeShape>,
  models: Map<string, SchemaType>,
  out: ResourceInfo[],
): void {
  const ops = spec.collection ?? spec.association ?? spec.simple ?? spec.actionsSet ?? {};
  let key: ResourceInfo['key'];
  if (spec.collection) {
    const { identifier } = spec.collection;
    const shape = shapeOf(identifier.type, models, 0);
    const complex = identifier.params !== undefined || shape.kind === 'record';
    key = {
      name: identifier.name,
      kind: complex ? 'complex' : 'primitive',
      ...(complex ? { shape } : {}),
      ...(identifier.params ? { params: shapeOf(identifier.params, models, 0) } : {}),
    };
  } else if (spec.association) {
    key = { name: spec.association.identifier, kind: 'compound' };
  }
  const info: ResourceInfo = {
    name: spec.name,
    template: spec.path.replace(/^\//, ''),
    pathKeyKinds: { ...parentKinds },
    pathKeyShapes: { ...parentShapes },
    ...(key ? { key } : {}),
    parameters(query, method) {
      const list = operationParameters(ops, query, method);
      return new Map(
        list.map((p) => [
          p.name,
          {
            shape: paramShape(p, models),
            optional: p.optional === true || p.default !== undefined,
          },
        ]),
      );
    },
  };
  out.push(info);
  const childKinds = key ? { ...parentKinds, [key.name]: key.kind } : parentKinds;
  const childShapes = key?.shape ? { ...parentShapes, [key.name]: key.shape } : parentShapes;
  for (const sub of ops.entity?.subresources ?? [])
    collect(sub, childKinds, childShapes, models, out);
}

function operationParameters(
  ops: RestspecOperations,
  query: { q?: string; bq?: string; action?: string },
  method: string | undefined,
): RestspecParameter[] {
  if (query.q !== undefined) return ops.finders?.find((f) => f.name === query.q)?.parameters ?? [];
  if (query.bq !== undefined)
    return ops.batchFinders?.find((f) => f.name === query.bq)?.parameters ?? [];
  if (query.action !== undefined) {
    const all = [...(ops.actions ?? []), ...(ops.entity?.actions ?? [])];
    return all.find((a) => a.name === query.action)?.parameters ?? [];
  }
  const m = method?.toLowerCase();
  return (
    ops.methods?.find((x) => x.method.toLowerCase() === m)?.parameters ??
    ops.methods?.flatMap((x) => x.parameters ?? []) ??
    []
  );
}

function paramShape(p: RestspecParameter, models: Map<string, SchemaType>): TypeShape {
  if (p.type === 'array' && p.items) return { kind: 'array', items: shapeOf(p.items, models, 0) };
  return shapeOf(p.type, models, 0);
}

/** Resolves a type (primitive name, named schema, inline schema or its JSON text) to a shape. */
export function shapeOf(
  type: SchemaType,
  models: ReadonlyMap<string, SchemaType>,
  depth: number,
): TypeShape {
  if (depth > 64) return { kind: 'unknown', name: 'too deep' };
  if (Array.isArray(type)) return { kind: 'record', fields: new Map() }; // a union is written as a map
  if (typeof type === 'string') {
    const text = type.trim();
    if (text.startsWith('{') || text.startsWith('[')) {
      try {
        return shapeOf(JSON.parse(text) as SchemaType, models, depth + 1);
      } catch {
        return { kind: 'unknown', name: text };
      }
    }
    if (PRIMITIVES.has(text)) return { kind: 'primitive' };
    const named = models.get(text) ?? models.get(text.split('.').pop()!);
    return named ? shapeOf(named, models, depth + 1) : { kind: 'unknown', name: text };
  }
  const t = type as Exclude<SchemaType, string | readonly SchemaType[]>;
  switch (t.type) {
    case 'array':
      return {
        kind: 'array',
        items: t.items === undefined ? { kind: 'primitive' } : shapeOf(t.items, models, depth + 1),
      };
    case 'map':
      return {
        kind: 'map',
        values:
          t.values === undefined ? { kind: 'primitive' } : shapeOf(t.values, models, depth + 1),
      };
    case 'record':
      return {
        kind: 'record',
        fields: new Map((t.fields ?? []).map((f) => [f.name, shapeOf(f.type, models, depth + 1)])),
      };
    case 'typeref':
      return t.ref === undefined ? { kind: 'primitive' } : shapeOf(t.ref, models, depth + 1);
    case 'enum':
    case 'fixed':
      return { kind: 'primitive' };
    default:
      return PRIMITIVES.has(t.type) ? { kind: 'primitive' } : shapeOf(t.type, models, depth + 1);
  }
}
