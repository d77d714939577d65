/**
 * The one Pegasus schema model that `.pdsc`, `.pdl` and snapshot `models` load into, and that
 * typed values are checked against. Plain data (no classes, no methods), so schemas can be
 * built by hand, compared with `toEqual`, and serialized; plus a small {@link SchemaSet} that
 * resolves full names.
 *
 * Names are stored fully qualified: the loaders apply namespace defaulting and imports, so a
 * {@link RefSchema} always names a full name that a {@link SchemaSet} can look up.
 *
 * @module
 */

import { RestliError } from '../errors.ts';
import { argumentError, expectObject, expectString } from '../internal/args.ts';

import type { PegasusData, PegasusDataMap } from '../types.ts';

export type { PegasusData, PegasusDataMap } from '../types.ts';

/** The primitive type names. */
export type PrimitiveTypeName =
  | 'int'
  | 'long'
  | 'float'
  | 'double'
  | 'boolean'
  | 'string'
  | 'bytes'
  | 'null';

/** The primitive type names, in the reference's order. */
export const PRIMITIVE_TYPES: readonly PrimitiveTypeName[] = [
  'int',
  'long',
  'float',
  'double',
  'boolean',
  'string',
  'bytes',
  'null',
];

/** Whether `name` is one of the primitive type names.  * @example
 * ```ts
 * isPrimitiveTypeName('long');  // true
 * isPrimitiveTypeName('Greeting'); // false
 * ```
 */
export function isPrimitiveTypeName(name: string): name is PrimitiveTypeName {
  return (PRIMITIVE_TYPES as readonly string[]).includes(name);
}

/** Schema properties (PDL annotations): `@a.b = 1` is `{ a: { b: 1 } }`. */
export type SchemaProperties = PegasusDataMap;

/** What every named type has. */
export interface NamedSchemaBase {
  /** Simple name, e.g. `Greeting`. */
  name: string;
  /** Namespace, `''` when none. */
  namespace: string;
  /** `namespace.name`, or `name` when the namespace is empty. */
  fullName: string;
  /** The language-binding package (`package` in PDL and PDSC), when given. */
  package?: string;
  doc?: string;
  /** Alias full names (PDSC `aliases`, PDL `@aliases`). */
  aliases?: string[];
  properties?: SchemaProperties;
}

export interface PrimitiveSchema {
  type: PrimitiveTypeName;
}

/** A reference by full name to a named type defined elsewhere (or earlier in the same file). */
export interface RefSchema {
  type: 'ref';
  /** Full name of the referenced type. */
  name: string;
}

export interface RecordField {
  name: string;
  type: DataSchema;
  /** An optional field may be absent. */
  optional: boolean;
  /** The default as Pegasus data (longs as bigint when read from text). */
  default?: PegasusData;
  doc?: string;
  /** Alias names of the field. */
  aliases?: string[];
  /** PDSC `order` (`ascending`, `descending`, `ignore`), when given. */
  order?: string;
  properties?: SchemaProperties;
}

export interface RecordSchema extends NamedSchemaBase {
  type: 'record';
  /** The included records (refs or inline records, or typerefs to records), in order. */
  include: DataSchema[];
  /** The record's own fields, in declaration order (without included fields). */
  fields: RecordField[];
}

export interface EnumSchema extends NamedSchemaBase {
  type: 'enum';
  symbols: string[];
  /** Per-symbol docs. */
  symbolDocs?: { [symbol: string]: string };
  /**
   * Deprecated symbols with `true` or a reason text. In PDSC this is the `deprecatedSymbols`
   * property; the loaders move it here so both syntaxes give the same model.
   */
  deprecatedSymbols?: { [symbol: string]: PegasusData };
  /** Per-symbol properties other than `@deprecated` (PDSC `symbolProperties`). */
  symbolProperties?: { [symbol: string]: SchemaProperties };
}

export interface FixedSchema extends NamedSchemaBase {
  type: 'fixed';
  /** Exact number of bytes. */
  size: number;
}

export interface TyperefSchema extends NamedSchemaBase {
  type: 'typeref';
  ref: DataSchema;
}

export interface UnionMember {
  /** The member's alias; members of an aliased union all have one. */
  alias?: string;
  type: DataSchema;
  /** Doc of an aliased member. */
  doc?: string;
  /** Properties of an aliased member. */
  properties?: SchemaProperties;
}

export interface UnionSchema {
  type: 'union';
  members: UnionMember[];
  properties?: SchemaProperties;
}

export interface ArraySchema {
  type: 'array';
  items: DataSchema;
  properties?: SchemaProperties;
}

export interface MapSchema {
  type: 'map';
  /** Map keys are strings on the wire; PDL `map[K, V]` accepts only `string` as K. */
  values: DataSchema;
  properties?: SchemaProperties;
}

/** A named type. */
export type NamedSchema = RecordSchema | EnumSchema | FixedSchema | TyperefSchema;

/** Any schema. */
export type DataSchema =
  | PrimitiveSchema
  | RefSchema
  | NamedSchema
  | UnionSchema
  | ArraySchema
  | MapSchema;

/** Whether `schema` is a named type (record, enum, fixed, typeref).  * @example
 * ```ts
 * isNamedSchema(parsePdl('record R {}')); // true
 * isNamedSchema({ type: 'string' });      // false
 * ```
 */
export function isNamedSchema(schema: DataSchema): schema is NamedSchema {
  expectObject(schema, 'schema');
  return (
    schema.type === 'record' ||
    schema.type === 'enum' ||
    schema.type === 'fixed' ||
    schema.type === 'typeref'
  );
}

/** `namespace.name`, or `name` alone when the namespace is empty.  * @example
 * ```ts
 * fullNameOf('com.example', 'Greeting'); // 'com.example.Greeting'
 * fullNameOf('', 'Greeting');            // 'Greeting'
 * ```
 */
export function fullNameOf(namespace: string, name: string): string {
  expectString(namespace, 'namespace');
  expectString(name, 'name');
  return namespace === '' ? name : `${namespace}.${name}`;
}

/** Splits a full name at its last dot into `[namespace, name]`.  * @example
 * ```ts
 * splitFullName('com.example.Greeting'); // ['com.example', 'Greeting']
 * ```
 */
export function splitFullName(fullName: string): [string, string] {
  expectString(fullName, 'fullName');
  const dot = fullName.lastIndexOf('.');
  return dot < 0 ? ['', fullName] : [fullName.slice(0, dot), fullName.slice(dot + 1)];
}

/**
 * The full name a type reference means: a dotted name is already full; a simple name is looked
 * up in `imports` (simple name → full name), then taken as relative to `namespace`.
 * @example
 * ```ts
 * qualifyName('Tone', 'com.example'); // 'com.example.Tone'
 * qualifyName('a.b.C', 'com.example'); // 'a.b.C'
 * ```
 */
export function qualifyName(
  name: string,
  namespace: string,
  imports?: ReadonlyMap<string, string>,
): string {
  expectString(name, 'name');
  expectString(namespace, 'namespace');
  if (imports !== undefined && !(imports instanceof Map))
    throw argumentError('imports', 'a Map', imports);
  if (name.includes('.')) return name;
  return imports?.get(name) ?? fullNameOf(namespace, name);
}

/**
 * The schema a type name in a declaration means: a primitive's keyword is that primitive, any
 * other name a {@link RefSchema} to its full name ({@link qualifyName}). What PDL, PDSC and a
 * restspec's type strings all need, done once.
 * @example
 * ```ts
 * typeReference('long', 'com.example'); // { type: 'long' }
 * typeReference('Tone', 'com.example'); // { type: 'ref', name: 'com.example.Tone' }
 * ```
 */
export function typeReference(
  name: string,
  namespace: string,
  imports?: ReadonlyMap<string, string>,
): PrimitiveSchema | RefSchema {
  if (isPrimitiveTypeName(name)) return { type: name };
  return { type: 'ref', name: qualifyName(name, namespace, imports) };
}

/**
 * Named types by full name. Loaders add whole files; {@link SchemaSet.resolve} follows refs.
 * Adding a name twice with a different definition is an error (`DUPLICATE_SCHEMA_NAME`).
 */
export class SchemaSet {
  private readonly byName = new Map<string, NamedSchema>();

  /**
   * @param schemas schemas to add now.
   * @param loader called with a full name the set does not know yet (e.g. to read
   *   `com/example/Foo.pdsc` on demand); what it returns is added.
   */
  constructor(
    schemas: Iterable<DataSchema> = [],
    private readonly loader?: (fullName: string) => DataSchema | undefined,
  ) {
    for (const schema of schemas) this.add(schema);
  }

  /** Registers every named type in `schema`, including inline ones, and returns `schema`. */
  add<S extends DataSchema>(schema: S): S {
    forEachNamed(schema, (named) => {
      const existing = this.byName.get(named.fullName);
      if (existing !== undefined && existing !== named) {
        if (JSON.stringify(existing, replacer) !== JSON.stringify(named, replacer)) {
          throw new RestliError(
            'DUPLICATE_SCHEMA_NAME',
            `schema ${named.fullName} is defined twice with different definitions`,
          );
        }
        return;
      }
      this.byName.set(named.fullName, named);
      for (const alias of named.aliases ?? []) {
        if (!this.byName.has(alias)) this.byName.set(alias, named);
      }
    });
    return schema;
  }

  /** The named type with this full name (or alias), if known (or if the loader finds it). */
  get(fullName: string): NamedSchema | undefined {
    const found = this.byName.get(fullName);
    if (found !== undefined || this.loader === undefined) return found;
    const loaded = this.loader(fullName);
    if (loaded !== undefined) this.add(loaded);
    return this.byName.get(fullName);
  }

  /** Whether a type of this full name is known. */
  has(fullName: string): boolean {
    return this.byName.has(fullName);
  }

  /** Every full name known (aliases included). */
  names(): string[] {
    return [...this.byName.keys()];
  }

  /** Follows a ref to its definition; other schemas are returned as they are. */
  resolve(schema: DataSchema): Exclude<DataSchema, RefSchema> {
    if (schema.type !== 'ref') return schema;
    const found = this.get(schema.name);
    if (found === undefined) {
      throw new RestliError('UNKNOWN_SCHEMA_TYPE', `unknown type ${schema.name}`);
    }
    return found;
  }

  /** Follows refs and typerefs down to the schema that gives the data its shape. */
  dereference(schema: DataSchema): Exclude<DataSchema, RefSchema | TyperefSchema> {
    let resolved = this.resolve(schema);
    // A typeref chain that loops back is an error, not a hang.
    for (let hops = 0; resolved.type === 'typeref'; hops++) {
      if (hops > this.byName.size) {
        throw new RestliError('CYCLIC_SCHEMA', `typeref ${resolved.fullName} refers to itself`);
      }
      resolved = this.resolve(resolved.ref);
    }
    return resolved;
  }

  /**
   * Every field of a record, included records' fields first (in include order), then its own,
   * as the reference lays them out. A field redefined with a different type is an error.
   */
  allFields(record: RecordSchema): RecordField[] {
    const fields: RecordField[] = [];
    const seen = new Set<RecordSchema>();
    const visit = (r: RecordSchema): void => {
      if (seen.has(r)) return;
      seen.add(r);
      for (const inc of r.include) {
        const target = this.dereference(inc);
        if (target.type !== 'record') {
          throw new RestliError(
            'INVALID_SCHEMA',
            `${r.fullName} includes ${describe(inc)}, which is not a record`,
          );
        }
        visit(target);
      }
      for (const field of r.fields) {
        const at = fields.findIndex((f) => f.name === field.name);
        if (at >= 0) fields[at] = field;
        else fields.push(field);
      }
    };
    visit(record);
    return fields;
  }
}

/** A short description of a schema for messages: a full name or a type keyword. */
export function describe(schema: DataSchema): string {
  if (schema.type === 'ref') return schema.name;
  if (isNamedSchema(schema)) return schema.fullName;
  return schema.type;
}

/** Calls `f` on every named type defined (not merely referenced) inside `schema`. */
export function forEachNamed(schema: DataSchema, f: (named: NamedSchema) => void): void {
  switch (schema.type) {
    case 'record':
      f(schema);
      for (const inc of schema.include) forEachNamed(inc, f);
      for (const field of schema.fields) forEachNamed(field.type, f);
      return;
    case 'enum':
    case 'fixed':
      f(schema);
      return;
    case 'typeref':
      f(schema);
      forEachNamed(schema.ref, f);
      return;
    case 'union':
      for (const member of schema.members) forEachNamed(member.type, f);
      return;
    case 'array':
      forEachNamed(schema.items, f);
      return;
    case 'map':
      forEachNamed(schema.values, f);
      return;
    default:
      return;
  }
}

/** JSON.stringify cannot write bigint. */
function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}
