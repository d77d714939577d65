/**
 * `.pdl` sources into the schema model: the semantic half of the Java reference's
 * `PdlSchemaParser` (namespaces, packages, imports, property paths, aliases, enum symbol
 * properties), over the syntax tree of the PDL parser (`pdl-parser.ts` in the grammar folder).
 *
 * @module
 */

import type {
  PdlDocumentNode,
  PdlName,
  PdlPrefix,
  PdlProp,
  PdlTypeNode,
} from '../../grammar/pdl-parser.ts';
import { grammars } from '../codec/grammars.ts';
import { RestliSourceSyntaxError } from '../errors.ts';
// Types only: the grammar itself is reached through src/codec/grammars.ts, the one door to
// chevrotain (loaded on first use in the built package).
import { expectOptions, expectString } from '../internal/args.ts';
import { setOwn } from '../internal/own.ts';
import {
  type DataSchema,
  type EnumSchema,
  fullNameOf,
  type NamedSchemaBase,
  type PegasusData,
  qualifyName,
  type RecordField,
  type RecordSchema,
  type SchemaProperties,
  splitFullName,
  typeReference,
  type UnionMember,
} from './model.ts';

/** Options of {@link parsePdl}. */
export interface ParsePdlOptions {
  /** Nesting limit of `[` and `{` (default 200). */
  maxDepth?: number;
}

interface Scope {
  namespace: string;
  package: string | undefined;
  imports: ReadonlyMap<string, string>;
}

const SORT_ORDERS = new Set(['ascending', 'descending', 'ignore']);

/**
 * Parses one `.pdl` source into the schema it declares. Names are fully qualified: a simple
 * name is an import's full name, or else relative to the enclosing namespace.
 *
 * @throws {@link RestliSourceSyntaxError} `INVALID_PDL` for a syntax error or a declaration the
 *   reference refuses (a conflicting property, a map key other than `string`, …), pointing at
 *   its line and column.
 * @example
 * ```ts
 * parsePdl('namespace com.example\nrecord Greeting { message: string }');
 * // { type: 'record', name: 'Greeting', namespace: 'com.example', fullName: 'com.example.Greeting',
 * //   include: [], fields: [{ name: 'message', type: { type: 'string' }, optional: false }] }
 * ```
 */
export function parsePdl(source: string, options?: ParsePdlOptions): DataSchema {
  expectString(source, 'source');
  expectOptions(options);
  const document = grammars().pdl.parsePdlDocument(source, options?.maxDepth);
  return new PdlConverter(source).document(document);
}

class PdlConverter {
  constructor(private readonly source: string) {}

  private fail(reason: string, offset: number): never {
    throw new RestliSourceSyntaxError('INVALID_PDL', reason, this.source, offset);
  }

  document(doc: PdlDocumentNode): DataSchema {
    const namespace = doc.namespace?.name ?? '';
    const imports = new Map<string, string>();
    for (const imported of doc.imports) {
      const [ns, simple] = splitFullName(imported.name);
      if (ns === namespace) {
        this.fail(
          `import '${imported.name}' is from within the document's root namespace and is thus unnecessary`,
          imported.offset,
        );
      }
      const existing = imports.get(simple);
      if (existing !== undefined) {
        this.fail(`import '${imported.name}' conflicts with import '${existing}'`, imported.offset);
      }
      imports.set(simple, imported.name);
    }
    const scope: Scope = { namespace, package: doc.package?.name, imports };
    const top = doc.type;
    if (top.kind === 'ref' || top.kind === 'scoped') {
      this.fail('the document must declare a type, not refer to one', top.offset);
    }
    return this.type(top, scope);
  }

  private type(node: PdlTypeNode, scope: Scope): DataSchema {
    switch (node.kind) {
      case 'ref':
        this.noPrefix(node.prefix, 'a type reference');
        return typeReference(node.name, scope.namespace, scope.imports);
      case 'scoped': {
        this.noPrefix(node.prefix, 'a scoped declaration');
        const inner = node.type;
        if (inner.kind === 'ref' || inner.kind === 'scoped' || !isNamedKind(inner.kind)) {
          this.fail('a scoped declaration must declare a named type', inner.offset);
        }
        return this.type(inner, {
          namespace: node.namespace?.name ?? scope.namespace,
          package: node.package?.name ?? scope.package,
          imports: scope.imports,
        });
      }
      case 'record': {
        const named = this.named(node.prefix, node.name, scope);
        if (node.beforeIncludes.length > 0 && node.afterIncludes.length > 0) {
          this.fail('a record may have includes before or after fields, but not both', node.offset);
        }
        const include = [...node.beforeIncludes, ...node.afterIncludes].map((t) =>
          this.type(t, scope),
        );
        const names = new Set<string>();
        const fields = node.fields.map((field): RecordField => {
          if (names.has(field.name.name)) {
            this.fail(`field ${field.name.name} is defined twice`, field.name.offset);
          }
          names.add(field.name.name);
          const result: RecordField = {
            name: field.name.name,
            type: this.type(field.type, scope),
            optional: field.optional,
          };
          if (field.default !== undefined) result.default = field.default;
          if (field.prefix.doc !== undefined) result.doc = field.prefix.doc.text;
          const properties: SchemaProperties = {};
          for (const prop of field.prefix.props) {
            if (isSingle(prop, 'aliases')) {
              result.aliases = this.aliasList(prop);
            } else if (isSingle(prop, 'order')) {
              if (typeof prop.value !== 'string' || !SORT_ORDERS.has(prop.value.toLowerCase())) {
                this.fail(`"${String(prop.value)}" is an invalid sort order`, prop.offset);
              }
              result.order = prop.value.toLowerCase();
            } else {
              this.addProperty(properties, prop.path, prop.value, prop.offset);
            }
          }
          if (Object.keys(properties).length > 0) result.properties = properties;
          return result;
        });
        const record: RecordSchema = { type: 'record', ...named, include, fields };
        return record;
      }
      case 'enum': {
        const named = this.named(node.prefix, node.name, scope);
        const schema: EnumSchema = { type: 'enum', ...named, symbols: [] };
        for (const symbol of node.symbols) {
          const name = symbol.name.name;
          if (schema.symbols.includes(name)) {
            this.fail(`enum symbol ${name} is defined twice`, symbol.name.offset);
          }
          schema.symbols.push(name);
          if (symbol.prefix.doc !== undefined) {
            schema.symbolDocs ??= {};
            setOwn(schema.symbolDocs, name, symbol.prefix.doc.text);
          }
          for (const prop of symbol.prefix.props) {
            if (isSingle(prop, 'deprecated')) {
              schema.deprecatedSymbols ??= {};
              setOwn(schema.deprecatedSymbols, name, prop.value);
            } else {
              schema.symbolProperties ??= {};
              this.addProperty(
                schema.symbolProperties,
                [name, ...prop.path],
                prop.value,
                prop.offset,
              );
            }
          }
        }
        return schema;
      }
      case 'typeref':
        return {
          type: 'typeref',
          ...this.named(node.prefix, node.name, scope),
          ref: this.type(node.ref, scope),
        };
      case 'fixed': {
        const size = Number(node.size.name);
        if (!/^[0-9]+$/.test(node.size.name) || !Number.isSafeInteger(size) || size > 2 ** 31 - 1) {
          this.fail(`fixed size ${node.size.name} is not a non-negative int`, node.size.offset);
        }
        return { type: 'fixed', ...this.named(node.prefix, node.name, scope), size };
      }
      case 'union': {
        const properties = this.anonymousProperties(node.prefix);
        const aliases = new Set<string>();
        const members = node.members.map((member): UnionMember => {
          const result: UnionMember = { type: this.type(member.type, scope) };
          const alias = member.alias;
          if (alias !== undefined) {
            if (aliases.has(alias.name.name)) {
              this.fail(`union member alias ${alias.name.name} is used twice`, alias.name.offset);
            }
            aliases.add(alias.name.name);
            result.alias = alias.name.name;
            if (alias.prefix.doc !== undefined) result.doc = alias.prefix.doc.text;
            const props: SchemaProperties = {};
            for (const prop of alias.prefix.props) {
              this.addProperty(props, prop.path, prop.value, prop.offset);
            }
            if (Object.keys(props).length > 0) result.properties = props;
          }
          return result;
        });
        // The reference checks "all or none" over the members other than null, which may not
        // have an alias.
        const nonNull = members.filter((m) => !(m.type.type === 'null'));
        if (members.some((m) => m.type.type === 'null' && m.alias !== undefined)) {
          this.fail('the null member of a union may not have an alias', node.offset);
        }
        if (aliases.size > 0 && aliases.size < nonNull.length) {
          this.fail('union members must be either all aliased or none', node.offset);
        }
        return properties === undefined
          ? { type: 'union', members }
          : { type: 'union', members, properties };
      }
      case 'array': {
        const properties = this.anonymousProperties(node.prefix);
        const items = this.type(node.items, scope);
        return properties === undefined
          ? { type: 'array', items }
          : { type: 'array', items, properties };
      }
      case 'map': {
        const properties = this.anonymousProperties(node.prefix);
        if (node.key.kind !== 'ref' || node.key.name !== 'string') {
          this.fail(
            "unsupported map key type: 'string' is the only currently supported map key type",
            node.key.offset,
          );
        }
        this.noPrefix(node.key.prefix, 'a type reference');
        const values = this.type(node.values, scope);
        return properties === undefined
          ? { type: 'map', values }
          : { type: 'map', values, properties };
      }
    }
  }

  /** The name, namespace, package, doc, aliases and properties of a named declaration. */
  private named(prefix: PdlPrefix, name: PdlName, scope: Scope): NamedSchemaBase {
    const fullName = fullNameOf(scope.namespace, name.name);
    const imported = scope.imports.get(name.name);
    if (imported !== undefined) {
      this.fail(
        imported === fullName
          ? `import '${fullName}' references a type declared in the same document`
          : `declaration of type '${fullName}' conflicts with import '${imported}'`,
        name.offset,
      );
    }
    const named: NamedSchemaBase = { name: name.name, namespace: scope.namespace, fullName };
    if (scope.package !== undefined) named.package = scope.package;
    if (prefix.doc !== undefined) named.doc = prefix.doc.text;
    const properties: SchemaProperties = {};
    for (const prop of prefix.props) {
      if (isSingle(prop, 'aliases')) {
        // Aliases are not imports: a simple alias is relative to the namespace.
        named.aliases = this.aliasList(prop).map((alias) => qualifyName(alias, scope.namespace));
      } else {
        this.addProperty(properties, prop.path, prop.value, prop.offset);
      }
    }
    if (Object.keys(properties).length > 0) named.properties = properties;
    return named;
  }

  private anonymousProperties(prefix: PdlPrefix): SchemaProperties | undefined {
    if (prefix.doc !== undefined) {
      this.fail('a doc comment is not allowed on a union, array or map', prefix.doc.offset);
    }
    if (prefix.props.length === 0) return undefined;
    const properties: SchemaProperties = {};
    for (const prop of prefix.props)
      this.addProperty(properties, prop.path, prop.value, prop.offset);
    return properties;
  }

  private noPrefix(prefix: PdlPrefix, what: string): void {
    if (prefix.doc !== undefined || prefix.props.length > 0) {
      this.fail(`a doc comment or property is not allowed on ${what}`, prefix.offset);
    }
  }

  private aliasList(prop: PdlProp): string[] {
    const value = prop.value;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      this.fail("'aliases' must be a list of strings", prop.offset);
    }
    return value as string[];
  }

  /** `@a.b = v` into `properties`, as the reference's `addPropertiesAtPath` merges paths. */
  private addProperty(
    properties: SchemaProperties,
    path: string[],
    value: PegasusData,
    offset: number,
  ): void {
    let current = properties;
    for (let i = 0; i < path.length - 1; i++) {
      const part = path[i]!;
      if (!Object.hasOwn(current, part)) {
        const next: SchemaProperties = {};
        setOwn(current, part, next);
        current = next;
        continue;
      }
      const existing = current[part];
      if (existing === null || typeof existing !== 'object' || Array.isArray(existing)) {
        this.fail(`conflicting property: ${path.join('.')}`, offset);
      }
      current = existing as SchemaProperties;
    }
    const last = path[path.length - 1]!;
    if (Object.hasOwn(current, last))
      this.fail(`property already defined: ${path.join('.')}`, offset);
    setOwn(current, last, value);
  }
}

function isNamedKind(kind: PdlTypeNode['kind']): boolean {
  return kind === 'record' || kind === 'enum' || kind === 'typeref' || kind === 'fixed';
}

function isSingle(prop: PdlProp, key: string): boolean {
  return prop.path.length === 1 && prop.path[0] === key;
}
