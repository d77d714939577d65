/**
 * Resources as the typed request/response layer needs them: read from restspecs and snapshots
 * (the IDL types of `src/migrate/idl.ts`), with every type in the schema model — the value
 * record, the key (primitive, association parts, complex key record and `$params`), the parent
 * keys, and the parameters, metadata and returns of methods, finders, batch finders and actions.
 *
 * @module
 */

import { RestliError } from '../errors.ts';
import { argumentError } from '../internal/args.ts';
import { parseJson } from '../internal/json.ts';
import { type DataSchema, SchemaSet, typeReference } from '../schema/model.ts';
import { pdscToSchema } from '../schema/pdsc.ts';
import type { Restspec, RestspecOperations, RestspecParameter, Snapshot } from '../types.ts';
import type { KeyKind } from '../wire/keys.ts';

/** A resource key: its placeholder name, its wire kind and its types. */
export interface ResourceKey {
  /** The placeholder name in paths: `collectionId`. */
  name: string;
  kind: KeyKind;
  /** Primitive key: its type; complex key: the key record. */
  type?: DataSchema;
  /** Complex key: the `$params` record. */
  params?: DataSchema;
  /** Association: the parts, in declaration order. */
  parts?: { name: string; type: DataSchema }[];
}

/** A declared parameter. */
export interface ResourceParameter {
  name: string;
  type: DataSchema;
  optional: boolean;
  /** The default, as the restspec writes it (JSON text or a string). */
  default?: string;
}

/** A method, finder, batch finder or action. */
export interface ResourceOperation {
  name: string;
  parameters: ResourceParameter[];
  /** Finders: the metadata type. */
  metadata?: DataSchema;
  /** Actions: the return type (none: a `void` action). */
  returns?: DataSchema;
  /** Finders on an association: the association keys in the URL. */
  assocKeys?: string[];
  /** Whether the method declares `@returnEntity` (create, update, partial update). */
  returnEntity?: boolean;
}

/** One resource of an IDL. */
export interface TypedResource {
  /** Names from the root: `collection/subcollection`. */
  name: string;
  kind: 'collection' | 'association' | 'simple' | 'actionsSet';
  /** The URL path template without leading `/`: `collection/{collectionId}/subcollection`. */
  template: string;
  /** The value record. */
  valueType?: DataSchema;
  key?: ResourceKey;
  /** Parent keys by placeholder name. */
  pathKeys: Record<string, ResourceKey>;
  methods: Map<string, ResourceOperation>;
  finders: Map<string, ResourceOperation>;
  batchFinders: Map<string, ResourceOperation>;
  /** Actions on the resource. */
  actions: Map<string, ResourceOperation>;
  /** Actions on an entity (`/collection/1?action=x`). */
  entityActions: Map<string, ResourceOperation>;
  /** Every named type the IDLs define. */
  schemas: SchemaSet;
}

/** Resources by name path (`collection`, `collection/subcollection`). */
export type ResourceIndexByName = Map<string, TypedResource>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Loads restspecs and snapshots into resources with their types. The named types come from the
 * snapshots' `models` (shared by every resource loaded together).
 *
 * @throws {@link RestliError} `INVALID_IDL` for a file that is neither.
 * @example
 * ```ts
 * const resources = loadTypedResources([{ models: [{ type: 'record', name: 'Greeting', namespace: 'x', fields: [{ name: 'id', type: 'long' }] }], schema: { name: 'greetings', path: '/greetings', schema: 'x.Greeting', collection: { identifier: { name: 'greetingsId', type: 'long' }, supports: ['get'], entity: { path: '/greetings/{greetingsId}' } } } }]);
 * resources.get('greetings')?.key; // { name: 'greetingsId', kind: 'primitive', type: { type: 'long' } }
 * ```
 */
export function loadTypedResources(idls: readonly (Restspec | Snapshot)[]): ResourceIndexByName {
  if (!Array.isArray(idls as unknown))
    throw argumentError('idls', 'an array of restspecs and snapshots', idls);
  const set = new SchemaSet();
  const specs: Restspec[] = [];
  for (const idl of idls) {
    if (!isRecord(idl)) throw new RestliError('INVALID_IDL', 'an IDL is a JSON object');
    if (isRecord(idl.schema) && 'path' in idl.schema) {
      const snapshot = idl as Snapshot;
      for (const model of snapshot.models ?? []) set.add(pdscToSchema(model as never));
      specs.push(snapshot.schema);
    } else if (typeof (idl as Restspec).path === 'string') {
      specs.push(idl as Restspec);
    } else {
      throw new RestliError('INVALID_IDL', 'neither a restspec nor a snapshot');
    }
  }
  const out: ResourceIndexByName = new Map();
  const visit = (spec: Restspec, parentName: string, parentKeys: Record<string, ResourceKey>) => {
    const resource = readResource(spec, parentName, parentKeys, set);
    out.set(resource.name, resource);
    const ops = operationsOf(spec);
    const childKeys = { ...parentKeys };
    if (resource.key) childKeys[resource.key.name] = resource.key;
    for (const sub of ops?.entity?.subresources ?? []) visit(sub, resource.name, childKeys);
  };
  for (const spec of specs) visit(spec, '', {});
  return out;
}

function operationsOf(spec: Restspec): RestspecOperations | undefined {
  return spec.collection ?? spec.association ?? spec.simple ?? spec.actionsSet;
}

/** A type as a restspec writes it: a primitive, a (relative) name, or inline PDSC as JSON text. */
function typeOf(type: unknown, namespace: string, set: SchemaSet, items?: string): DataSchema {
  if (type === 'array' && items !== undefined) {
    return { type: 'array', items: typeOf(items, namespace, set) };
  }
  if (typeof type === 'string') {
    const t = type.trim();
    if (t.startsWith('{') || t.startsWith('[') || t.startsWith('"')) {
      return set.add(pdscToSchema(parseJson(t) as never, namespace));
    }
    return typeReference(t, namespace);
  }
  return set.add(pdscToSchema(type as never, namespace));
}

function readResource(
  spec: Restspec,
  parentName: string,
  pathKeys: Record<string, ResourceKey>,
  set: SchemaSet,
): TypedResource {
  const ns = spec.namespace ?? '';
  const ops = operationsOf(spec);
  const kind = spec.collection
    ? 'collection'
    : spec.association
      ? 'association'
      : spec.simple
        ? 'simple'
        : 'actionsSet';
  let key: ResourceKey | undefined;
  if (spec.collection) {
    const id = spec.collection.identifier;
    if (id.params !== undefined) {
      key = {
        name: id.name,
        kind: 'complex',
        type: typeOf(id.type, ns, set),
        params: typeOf(id.params, ns, set),
      };
    } else {
      const type = typeOf(id.type, ns, set);
      // A record key without params is still a complex key.
      let isRecordKey = false;
      try {
        isRecordKey = set.dereference(type).type === 'record';
      } catch {
        isRecordKey = false;
      }
      key = { name: id.name, kind: isRecordKey ? 'complex' : 'primitive', type };
    }
  } else if (spec.association) {
    key = {
      name: spec.association.identifier,
      kind: 'compound',
      parts: spec.association.assocKeys.map((k) => ({
        name: k.name,
        type: typeOf(k.type, ns, set),
      })),
    };
  }
  const params = (list: RestspecParameter[] | undefined): ResourceParameter[] =>
    (list ?? []).map((p) => {
      const out: ResourceParameter = {
        name: p.name,
        type: typeOf(p.type, ns, set, p.items),
        optional: p.optional === true || p.default !== undefined,
      };
      if (p.default !== undefined) out.default = p.default;
      return out;
    });
  const byName = <T extends { name: string }>(
    items: T[] | undefined,
    f: (t: T) => ResourceOperation,
  ) => new Map((items ?? []).map((i) => [i.name, f(i)] as const));
  const methods = new Map<string, ResourceOperation>();
  for (const m of ops?.methods ?? []) {
    const op: ResourceOperation = { name: m.method, parameters: params(m.parameters) };
    const annotations = (m as { annotations?: Record<string, unknown> }).annotations;
    if (annotations && 'returnEntity' in annotations) op.returnEntity = true;
    methods.set(m.method, op);
  }
  const withMetadata = (f: {
    name: string;
    parameters?: RestspecParameter[];
    metadata?: { type: string };
  }) => {
    const op: ResourceOperation = { name: f.name, parameters: params(f.parameters) };
    if (f.metadata?.type !== undefined) op.metadata = typeOf(f.metadata.type, ns, set);
    return op;
  };
  const action = (a: { name: string; parameters?: RestspecParameter[]; returns?: string }) => {
    const op: ResourceOperation = { name: a.name, parameters: params(a.parameters) };
    if (a.returns !== undefined) op.returns = typeOf(a.returns, ns, set);
    return op;
  };
  const template = spec.path.replace(/^\/+/, '');
  return {
    name: parentName === '' ? spec.name : `${parentName}/${spec.name}`,
    kind,
    template,
    ...(spec.schema !== undefined ? { valueType: typeOf(spec.schema, ns, set) } : {}),
    ...(key ? { key } : {}),
    pathKeys,
    methods,
    finders: byName(ops?.finders as never, (f: never) => {
      const op = withMetadata(f);
      const assoc = f as { assocKeys?: string[]; assocKey?: string };
      if (assoc.assocKeys) op.assocKeys = assoc.assocKeys;
      else if (assoc.assocKey) op.assocKeys = [assoc.assocKey];
      return op;
    }),
    batchFinders: byName(ops?.batchFinders as never, withMetadata),
    actions: byName(ops?.actions, action),
    entityActions: byName(ops?.entity?.actions, action),
    schemas: set,
  };
}
