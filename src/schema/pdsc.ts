/**
 * `.pdsc` schemas (JSON) and snapshot `models` into the schema model, as the Java reference's
 * `SchemaParser` reads them: a named type's namespace becomes the scope of the names inside it,
 * keys the reference does not know become properties, an enum's `deprecatedSymbols` and
 * `symbolProperties` move to their own fields of the model (as the PDL loader puts them).
 *
 * @module
 */

import { RestliError } from '../errors.ts';
import { expectString } from '../internal/args.ts';
import { setOwn } from '../internal/own.ts';
import { isStackOverflow } from '../internal/stack.ts';
import { readJson } from './json.ts';
import {
  type DataSchema,
  type EnumSchema,
  fullNameOf,
  type NamedSchemaBase,
  type PegasusData,
  type PegasusDataMap,
  qualifyName,
  type RecordField,
  type SchemaProperties,
  SchemaSet,
  splitFullName,
  typeReference,
  type UnionMember,
} from './model.ts';

const SCHEMA_KEYS = new Set([
  'aliases',
  'doc',
  'fields',
  'include',
  'items',
  'name',
  'namespace',
  'package',
  'ref',
  'size',
  'symbols',
  'symbolDocs',
  'type',
  'values',
]);
const FIELD_KEYS = new Set(['aliases', 'default', 'doc', 'name', 'optional', 'order', 'type']);
const MEMBER_KEYS = new Set(['doc', 'alias', 'type']);

interface Scope {
  namespace: string;
  package: string | undefined;
}

/** A schema that is not what the reference accepts, with the JSON path of the problem. */
function invalid(reason: string, path: string): RestliError {
  return new RestliError('INVALID_SCHEMA', `${reason} at ${path}`);
}

function isMap(value: PegasusData | undefined): value is PegasusDataMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function properties(map: PegasusDataMap, known: ReadonlySet<string>): SchemaProperties | undefined {
  let result: SchemaProperties | undefined;
  for (const [key, value] of Object.entries(map)) {
    if (known.has(key)) continue;
    result ??= {};
    setOwn(result, key, value);
  }
  return result;
}

function stringAt(map: PegasusDataMap, key: string, path: string): string | undefined {
  const value = map[key];
  if (value === undefined || !Object.hasOwn(map, key)) return undefined;
  if (typeof value !== 'string') throw invalid(`"${key}" must be a string`, `${path}.${key}`);
  return value;
}

function stringList(value: PegasusData | undefined, path: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw invalid('expected a list of strings', path);
  }
  return value as string[];
}

/**
 * Reads Pegasus schema JSON (the value of a `.pdsc` file, or one entry of a snapshot's `models`)
 * into the schema model. `namespace` is the enclosing namespace for names without one.
 *
 * @throws {@link RestliError} `INVALID_SCHEMA` naming the JSON path of the problem.
 * @example
 * ```ts
 * pdscToSchema({ type: 'array', items: 'long' }); // { type: 'array', items: { type: 'long' } }
 * ```
 */
export function pdscToSchema(json: PegasusData, namespace = ''): DataSchema {
  try {
    return convert(json, { namespace, package: undefined }, '$');
  } catch (error) {
    // Declarations nested deeper than the call stack holds (a caller's object, not read by
    // readJson's depth limit): a clean error, never a RangeError.
    if (isStackOverflow(error)) {
      throw new RestliError('DEPTH_EXCEEDED', 'schema nested too deep for the call stack at $');
    }
    throw error;
  }
}

/**
 * Parses the text of a `.pdsc` file into the schema it declares.
 *
 * @throws {@link RestliSyntaxError} `INVALID_JSON` for text that is not JSON;
 *   {@link RestliError} `INVALID_SCHEMA` for JSON that is not a schema.
 * @example
 * ```ts
 * parsePdsc('{"type":"enum","name":"Tone","namespace":"com.example","symbols":["FRIENDLY"]}');
 * // { type: 'enum', name: 'Tone', namespace: 'com.example', fullName: 'com.example.Tone',
 * //   symbols: ['FRIENDLY'] }
 * ```
 */
export function parsePdsc(text: string): DataSchema {
  expectString(text, 'text');
  return pdscToSchema(readJson(text, { comments: true }));
}

/**
 * Every model of a snapshot (`.snapshot.json`, its `models` array) in one {@link SchemaSet}.
 * Accepts the snapshot's text or its parsed JSON.
 *
 * @throws {@link RestliError} `INVALID_SCHEMA` when there is no `models` array or a model is
 *   not a schema.
 * @example
 * ```ts
 * const set = loadSnapshotModels({ models: [{ type: 'record', name: 'G', namespace: 'x', fields: [] }] });
 * set.resolve({ type: 'ref', name: 'x.G' }).type; // 'record'
 * ```
 */
export function loadSnapshotModels(
  snapshot: string | PegasusData,
  set = new SchemaSet(),
): SchemaSet {
  const json = typeof snapshot === 'string' ? readJson(snapshot, { comments: true }) : snapshot;
  if (!isMap(json) || !Array.isArray(json.models)) {
    throw invalid('a snapshot must have a "models" array', '$');
  }
  json.models.forEach((model, i) => {
    set.add(convert(model, { namespace: '', package: undefined }, `$.models[${i}]`));
  });
  return set;
}

function convert(json: PegasusData, scope: Scope, path: string): DataSchema {
  if (typeof json === 'string') return typeReference(json, scope.namespace);
  if (Array.isArray(json)) return union(json, scope, path);
  if (!isMap(json)) throw invalid('expected a type name, a type declaration or a union', path);
  const type = json.type;
  if (isMap(type) || Array.isArray(type)) {
    // `{ "type": { … } }` wraps a declaration.
    return convert(type, scope, `${path}.type`);
  }
  if (typeof type !== 'string') throw invalid('"type" must be a string', `${path}.type`);
  switch (type) {
    case 'array': {
      if (!Object.hasOwn(json, 'items')) throw invalid('an array needs "items"', path);
      const items = convert(json.items!, scope, `${path}.items`);
      const props = properties(json, SCHEMA_KEYS);
      return props === undefined ? { type, items } : { type, items, properties: props };
    }
    case 'map': {
      if (!Object.hasOwn(json, 'values')) throw invalid('a map needs "values"', path);
      const values = convert(json.values!, scope, `${path}.values`);
      const props = properties(json, SCHEMA_KEYS);
      return props === undefined ? { type, values } : { type, values, properties: props };
    }
    case 'record':
    case 'error':
    case 'enum':
    case 'fixed':
    case 'typeref':
      return named(json, type, scope, path);
    default:
      // `{ "type": "int" }` or `{ "type": "com.example.Foo" }`.
      return typeReference(type, scope.namespace);
  }
}

function union(members: PegasusData[], scope: Scope, path: string): DataSchema {
  return {
    type: 'union',
    members: members.map((member, i): UnionMember => {
      const at = `${path}[${i}]`;
      if (isMap(member) && Object.hasOwn(member, 'alias')) {
        const alias = stringAt(member, 'alias', at)!;
        if (!Object.hasOwn(member, 'type')) throw invalid('an aliased member needs "type"', at);
        const result: UnionMember = { alias, type: convert(member.type!, scope, `${at}.type`) };
        const doc = stringAt(member, 'doc', at);
        if (doc !== undefined) result.doc = doc;
        const props = properties(member, MEMBER_KEYS);
        if (props !== undefined) result.properties = props;
        return result;
      }
      return { type: convert(member, scope, at) };
    }),
  };
}

function named(map: PegasusDataMap, type: string, outer: Scope, path: string): DataSchema {
  const rawName = stringAt(map, 'name', path);
  if (rawName === undefined || rawName === '') throw invalid(`a ${type} needs a "name"`, path);
  const explicitNamespace = stringAt(map, 'namespace', path);
  let namespace: string;
  let name: string;
  if (rawName.includes('.')) {
    [namespace, name] = splitFullName(rawName);
  } else {
    namespace = explicitNamespace ?? outer.namespace;
    name = rawName;
  }
  const scope: Scope = { namespace, package: stringAt(map, 'package', path) ?? outer.package };
  const base: NamedSchemaBase = { name, namespace, fullName: fullNameOf(namespace, name) };
  if (scope.package !== undefined) base.package = scope.package;
  const doc = stringAt(map, 'doc', path);
  if (doc !== undefined) base.doc = doc;
  if (Object.hasOwn(map, 'aliases')) {
    base.aliases = stringList(map.aliases, `${path}.aliases`).map((alias) =>
      qualifyName(alias, namespace),
    );
  }
  const props = properties(map, SCHEMA_KEYS);
  switch (type) {
    case 'enum': {
      const schema: EnumSchema = {
        type: 'enum',
        ...base,
        symbols: stringList(map.symbols, `${path}.symbols`),
      };
      if (Object.hasOwn(map, 'symbolDocs')) {
        const docs = map.symbolDocs;
        if (!isMap(docs)) throw invalid('"symbolDocs" must be a map', `${path}.symbolDocs`);
        schema.symbolDocs = {};
        for (const [symbol, text] of Object.entries(docs)) {
          if (typeof text !== 'string')
            throw invalid('a symbol doc must be a string', `${path}.symbolDocs.${symbol}`);
          setOwn(schema.symbolDocs, symbol, text);
        }
      }
      if (props !== undefined) {
        const { deprecatedSymbols, symbolProperties, ...rest } = props;
        if (isMap(deprecatedSymbols)) schema.deprecatedSymbols = deprecatedSymbols;
        if (isMap(symbolProperties)) {
          schema.symbolProperties = symbolProperties as { [symbol: string]: SchemaProperties };
        }
        if (Object.keys(rest).length > 0) schema.properties = rest;
      }
      return schema;
    }
    case 'fixed': {
      const size = map.size;
      if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > 2 ** 31 - 1) {
        throw invalid('"size" must be a non-negative int', `${path}.size`);
      }
      return withProps({ type: 'fixed' as const, ...base, size }, props);
    }
    case 'typeref':
      if (!Object.hasOwn(map, 'ref')) throw invalid('a typeref needs "ref"', path);
      return withProps(
        { type: 'typeref' as const, ...base, ref: convert(map.ref!, scope, `${path}.ref`) },
        props,
      );
    default: {
      const include: DataSchema[] = [];
      if (Object.hasOwn(map, 'include')) {
        const list = map.include;
        if (!Array.isArray(list)) throw invalid('"include" must be a list', `${path}.include`);
        list.forEach((inc, i) => {
          include.push(convert(inc, scope, `${path}.include[${i}]`));
        });
      }
      const list = map.fields;
      if (!Array.isArray(list)) throw invalid('a record needs a "fields" list', `${path}.fields`);
      const fields = list.map((field, i) => recordField(field, scope, `${path}.fields[${i}]`));
      return withProps({ type: 'record' as const, ...base, include, fields }, props);
    }
  }
}

function withProps<S extends { properties?: SchemaProperties }>(
  schema: S,
  props: SchemaProperties | undefined,
): S {
  if (props !== undefined) schema.properties = props;
  return schema;
}

function recordField(json: PegasusData, scope: Scope, path: string): RecordField {
  if (!isMap(json)) throw invalid('a field must be a map', path);
  const name = stringAt(json, 'name', path);
  if (name === undefined) throw invalid('a field needs a "name"', path);
  if (!Object.hasOwn(json, 'type')) throw invalid('a field needs a "type"', path);
  const optional = json.optional ?? false;
  if (typeof optional !== 'boolean')
    throw invalid('"optional" must be a boolean', `${path}.optional`);
  const field: RecordField = { name, type: convert(json.type!, scope, `${path}.type`), optional };
  if (Object.hasOwn(json, 'default')) field.default = json.default!;
  const doc = stringAt(json, 'doc', path);
  if (doc !== undefined) field.doc = doc;
  if (Object.hasOwn(json, 'aliases')) field.aliases = stringList(json.aliases, `${path}.aliases`);
  const order = stringAt(json, 'order', path);
  if (order !== undefined) field.order = order.toLowerCase();
  const props = properties(json, FIELD_KEYS);
  if (props !== undefined) field.properties = props;
  return field;
}
