/**
 * The schema model written as PDL: what {@link parsePdl} reads back into the same model.
 * Type references are written as full names; an inline named type whose namespace (or package)
 * differs from its surroundings is written as a scoped declaration (`{ namespace … record … }`);
 * identifiers that are PDL keywords are escaped with backticks.
 *
 * @module
 */

import { RestliError } from '../errors.ts';
import { expectSchema } from '../internal/args.ts';
import { writeJson } from './json.ts';
import {
  type DataSchema,
  isNamedSchema,
  type NamedSchema,
  type PegasusData,
  type SchemaProperties,
  splitFullName,
} from './model.ts';

interface Scope {
  namespace: string;
  package: string | undefined;
}

const INDENT = '  ';

/**
 * The words PDL's scanner reads as keywords or literals (grammar/pdl-tokens.ts): an identifier
 * spelled like one must be escaped. Listed here so that printing never loads the grammar.
 */
const KEYWORDS: ReadonlySet<string> = new Set([
  'array',
  'enum',
  'fixed',
  'import',
  'optional',
  'package',
  'map',
  'namespace',
  'record',
  'typeref',
  'union',
  'includes',
  'true',
  'false',
  'null',
]);

function unprintable(reason: string): RestliError {
  return new RestliError('UNPRINTABLE_PDL', reason);
}

const isIdStart = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
const isIdPart = (c: number): boolean => isIdStart(c) || (c >= 0x30 && c <= 0x39);

/** A Pegasus identifier (`[A-Za-z_][A-Za-z0-9_]*`), escaped when it is a keyword. */
function identifier(name: string): string {
  let ok = name.length > 0 && isIdStart(name.charCodeAt(0));
  for (let i = 1; ok && i < name.length; i++) ok = isIdPart(name.charCodeAt(i));
  if (!ok) throw unprintable(`${JSON.stringify(name)} is not a Pegasus identifier`);
  return KEYWORDS.has(name) ? `\`${name}\`` : name;
}

/** A dotted name with every part written as an identifier. */
function typeName(name: string): string {
  return name.split('.').map(identifier).join('.');
}

/** A property path segment: bare when it scans as one ID or PROPERTY_ID, else backticked. */
function segment(key: string): string {
  let bare = key.length > 0 && !KEYWORDS.has(key);
  let digitsOnly = true;
  for (let i = 0; bare && i < key.length; i++) {
    const c = key.charCodeAt(i);
    bare = isIdPart(c) || c === 0x2d;
    if (!(c >= 0x30 && c <= 0x39) && c !== 0x2d && c !== 0x2e) digitsOnly = false;
  }
  // A segment that starts like a number (`1`, `-2`, `1e5`) would scan as a NUMBER.
  const first = key.charCodeAt(0);
  const numberLike = digitsOnly || (first >= 0x30 && first <= 0x39) || first === 0x2d;
  if (bare && !numberLike) return key;
  if (key.length === 0 || key.includes('`')) {
    throw unprintable(`the property name ${JSON.stringify(key)} cannot be written in PDL`);
  }
  return `\`${key}\``;
}

/** A JSON value as PDL writes it (property values and defaults). */
function json(value: PegasusData): string {
  return writeJson(value);
}

/** A doc comment, escaped so that the reader's markdown extraction gives `doc` back. */
function docComment(doc: string, indent: string): string {
  const escaped = doc
    .replaceAll('&', '&amp;')
    .replaceAll('/*', '&#47;&#42;')
    .replaceAll('*/', '&#42;&#47;')
    .replaceAll('\r', '&#13;');
  const lines = escaped.split('\n').map((line) => `${indent} * ${line}`);
  return `${indent}/**\n${lines.join('\n')}\n${indent} */\n`;
}

function props(
  properties: SchemaProperties | undefined,
  indent: string,
  reserved: string[],
): string {
  if (properties === undefined) return '';
  let out = '';
  for (const [key, value] of Object.entries(properties)) {
    if (reserved.includes(key)) {
      throw unprintable(`a property named ${key} cannot be written in PDL here`);
    }
    out += `${indent}@${segment(key)} = ${json(value)}\n`;
  }
  return out;
}

class Printer {
  type(schema: DataSchema, scope: Scope, indent: string): string {
    switch (schema.type) {
      case 'ref': {
        const [namespace] = splitFullName(schema.name);
        if (namespace === '' && scope.namespace !== '') {
          throw unprintable(
            `${schema.name} (no namespace) cannot be referred to from ${scope.namespace}`,
          );
        }
        return typeName(schema.name);
      }
      case 'array':
        return `${this.anonymousProps(schema.properties, indent)}array[${this.type(schema.items, scope, indent)}]`;
      case 'map':
        return `${this.anonymousProps(schema.properties, indent)}map[string, ${this.type(schema.values, scope, indent)}]`;
      case 'union': {
        const inner = indent + INDENT;
        const members = schema.members.map((member) => {
          if (member.alias === undefined) {
            return `${inner}${this.type(member.type, scope, inner)}`;
          }
          const doc = member.doc === undefined ? '' : docComment(member.doc, inner);
          return `${doc}${props(member.properties, inner, [])}${inner}${identifier(member.alias)}: ${this.type(member.type, scope, inner)}`;
        });
        const body = members.length === 0 ? '' : `\n${members.join('\n')}\n${indent}`;
        return `${this.anonymousProps(schema.properties, indent)}union[${body}]`;
      }
      case 'record':
      case 'enum':
      case 'fixed':
      case 'typeref':
        return this.named(schema, scope, indent, false);
      default:
        return schema.type;
    }
  }

  /** Properties of an array, map or union, written before it on the same line. */
  private anonymousProps(properties: SchemaProperties | undefined, indent: string): string {
    if (properties === undefined || Object.keys(properties).length === 0) return '';
    return `\n${props(properties, indent + INDENT, [])}${indent}${INDENT}`;
  }

  named(schema: NamedSchema, scope: Scope, indent: string, top: boolean): string {
    const samePackage = schema.package === scope.package;
    if (!top && (schema.namespace !== scope.namespace || !samePackage)) {
      // PDL can set a namespace or package for a nested declaration, never clear one.
      if (schema.namespace === '' || (schema.package === undefined && !samePackage)) {
        throw unprintable(`${schema.fullName} cannot be declared inside ${scope.namespace}`);
      }
      const inner = indent + INDENT;
      let head = '{\n';
      if (schema.namespace !== scope.namespace) {
        head += `${inner}namespace ${typeName(schema.namespace)}\n`;
      }
      if (!samePackage) head += `${inner}package ${typeName(schema.package!)}\n`;
      const here: Scope = { namespace: schema.namespace, package: schema.package };
      const decl = this.named(schema, here, inner, true);
      return `${head}${decl.replace(/^\n/, '')}\n${indent}}`;
    }
    const inner = indent + INDENT;
    let out = '\n';
    if (schema.doc !== undefined) out += docComment(schema.doc, indent);
    if (schema.aliases !== undefined) {
      out += `${indent}@aliases = ${json(schema.aliases)}\n`;
    }
    out += props(schema.properties, indent, ['aliases']);
    out += indent;
    const name = identifier(schema.name);
    const here: Scope = { namespace: schema.namespace, package: schema.package };
    switch (schema.type) {
      case 'fixed':
        return `${out}fixed ${name} ${schema.size}`;
      case 'typeref':
        return `${out}typeref ${name} = ${this.type(schema.ref, here, indent)}`;
      case 'enum': {
        const symbols = schema.symbols.map((symbol) => {
          let text = '';
          const doc = schema.symbolDocs?.[symbol];
          if (doc !== undefined && Object.hasOwn(schema.symbolDocs!, symbol)) {
            text += docComment(doc, inner);
          }
          const deprecated = schema.deprecatedSymbols;
          if (deprecated !== undefined && Object.hasOwn(deprecated, symbol)) {
            text += `${inner}@deprecated = ${json(deprecated[symbol]!)}\n`;
          }
          const symbolProps = schema.symbolProperties;
          if (symbolProps !== undefined && Object.hasOwn(symbolProps, symbol)) {
            text += props(symbolProps[symbol], inner, ['deprecated']);
          }
          return `${text}${inner}${identifier(symbol)}`;
        });
        for (const map of [schema.symbolDocs, schema.deprecatedSymbols, schema.symbolProperties]) {
          for (const key of Object.keys(map ?? {})) {
            if (!schema.symbols.includes(key)) {
              throw unprintable(
                `${schema.fullName} describes ${key}, which is not one of its symbols`,
              );
            }
          }
        }
        const body = symbols.length === 0 ? '' : `\n${symbols.join('\n')}\n${indent}`;
        return `${out}enum ${name} {${body}}`;
      }
      case 'record': {
        const includes =
          schema.include.length === 0
            ? ''
            : ` includes ${schema.include.map((t) => this.type(t, here, inner)).join(', ')}`;
        const fields = schema.fields.map((field) => {
          let text = '';
          if (field.doc !== undefined) text += docComment(field.doc, inner);
          if (field.aliases !== undefined) text += `${inner}@aliases = ${json(field.aliases)}\n`;
          if (field.order !== undefined) text += `${inner}@order = ${json(field.order)}\n`;
          text += props(field.properties, inner, ['aliases', 'order']);
          text += `${inner}${identifier(field.name)}: ${field.optional ? 'optional ' : ''}`;
          text += this.type(field.type, here, inner);
          if (field.default !== undefined) text += ` = ${json(field.default)}`;
          return text;
        });
        const body = fields.length === 0 ? '' : `\n${fields.join('\n')}\n${indent}`;
        return `${out}record ${name}${includes} {${body}}`;
      }
    }
  }
}

/**
 * Writes a schema as a `.pdl` document. A named type becomes the document's type (with its
 * `namespace` and `package`); a union, array or map is written as an anonymous declaration.
 *
 * @throws {@link RestliError} `UNPRINTABLE_PDL` for what PDL cannot spell: a name that is not a
 *   Pegasus identifier, a property name with a backtick, a reference to a type without namespace
 *   from inside one.
 * @example
 * ```ts
 * printPdl({ type: 'fixed', name: 'MD5', namespace: 'com.example', fullName: 'com.example.MD5',
 *   size: 16 });
 * // 'namespace com.example\n\nfixed MD5 16\n'
 * ```
 */
export function printPdl(schema: DataSchema): string {
  expectSchema(schema, 'schema');
  const printer = new Printer();
  if (isNamedSchema(schema)) {
    let head = '';
    if (schema.namespace !== '') head += `namespace ${typeName(schema.namespace)}\n`;
    if (schema.package !== undefined) head += `package ${typeName(schema.package)}\n`;
    const scope: Scope = { namespace: schema.namespace, package: schema.package };
    return `${head}${printer.named(schema, scope, '', true)}\n`;
  }
  if (schema.type === 'array' || schema.type === 'map' || schema.type === 'union') {
    return `${printer.type(schema, { namespace: '', package: undefined }, '')}\n`;
  }
  throw unprintable(`a PDL document declares a type; ${schema.type} is not a declaration`);
}
