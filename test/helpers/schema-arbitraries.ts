/**
 * fast-check arbitraries of schema models and of typed values that fit a schema. Biased to what
 * breaks PDL and typing: keyword identifiers (escaped with backticks), scoped namespaces, docs
 * with comment markers and entities, property names that need escaping, longs beyond 2^53,
 * NaN and infinities, `__proto__` keys.
 */
import * as fc from 'fast-check';
import type {
  DataSchema,
  EnumSchema,
  NamedSchema,
  PegasusData,
  RecordField,
  SchemaProperties,
  UnionMember,
} from '../../src/schema/model.ts';
import { trickyString } from './arbitraries.ts';

const IDENTIFIERS = [
  'a',
  'b2',
  '_c',
  'Foo',
  'bar_baz',
  'record',
  'map',
  'null',
  'true',
  'optional',
  'namespace',
  'includes',
  'union',
  'fixed',
  'enum',
  'typeref',
  'import',
  'package',
  'array',
  'false',
  'int',
  'string',
];
export const identifier = fc.constantFrom(...IDENTIFIERS);
const namespaceArb = fc.constantFrom('com.example', 'org.sample.deep', 'a', 'x.record.map');

const DOC_PIECES = ['*/', '/*', '/**', '&', '&amp;', '&#42;', '\n', '\n * ', '  ', '*', '@', 'é'];
const docArb = fc.option(
  fc
    .array(fc.oneof(fc.constantFrom(...DOC_PIECES), trickyString), { maxLength: 4 })
    .map((parts) => parts.join('')),
  { nil: undefined, freq: 2 },
);

const LONG_MAX = 2n ** 63n - 1n;
/** JSON values PDL can carry: no -0, integers within long range, doubles printed as they read. */
export const jsonArb: fc.Arbitrary<PegasusData> = fc.letrec<{ v: PegasusData }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    trickyString,
    fc.integer(),
    fc
      .bigInt({ min: -LONG_MAX - 1n, max: LONG_MAX })
      .map((n) => (Number.isSafeInteger(Number(n)) ? Number(n) : n)),
    fc
      .double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 })
      .map((d) => (Object.is(d, -0) ? 0 : d)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(trickyString, fc.constant('__proto__')), tie('v'), { maxKeys: 3 }),
  ),
})).v;

const PROPERTY_KEYS = [
  'validate',
  'java',
  'a-b',
  '1x',
  '12',
  '-x',
  'x.y',
  'optional',
  'record',
  'é',
  ' ',
];
function propsArb(reserved: string[]): fc.Arbitrary<SchemaProperties | undefined> {
  return fc.option(
    fc.dictionary(fc.constantFrom(...PROPERTY_KEYS.filter((k) => !reserved.includes(k))), jsonArb, {
      minKeys: 1,
      maxKeys: 2,
    }),
    { nil: undefined, freq: 3 },
  );
}

function strip<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

const PRIMITIVES = ['int', 'long', 'float', 'double', 'boolean', 'string', 'bytes'] as const;

/** Options of {@link schemaArb}. */
export interface SchemaArbOptions {
  /** Whether to produce refs (unresolved full names) as well: only for parse/print tests. */
  refs: boolean;
  /** Whether to produce properties, docs and defaults (irrelevant to typing). */
  decorations: boolean;
}

/**
 * Random schema models. Named types get unique names (a counter suffix) after generation, so a
 * schema never defines one full name twice; enums always have a symbol when typing needs one.
 */
export function schemaArb(options: SchemaArbOptions): fc.Arbitrary<DataSchema> {
  const deco = options.decorations;
  const maybe = <T>(arb: fc.Arbitrary<T | undefined>): fc.Arbitrary<T | undefined> =>
    deco ? arb : fc.constant(undefined);
  const base = fc.record({
    name: identifier,
    namespace: namespaceArb,
    doc: maybe(docArb),
    properties: maybe(propsArb(['aliases'])),
  });
  const tree = fc.letrec<{ type: DataSchema; named: NamedSchema }>((tie) => ({
    type: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      { weight: 4, arbitrary: fc.constantFrom(...PRIMITIVES).map((type) => ({ type })) },
      ...(options.refs
        ? [
            fc
              .tuple(namespaceArb, identifier)
              .map(([ns, name]) => ({ type: 'ref' as const, name: `${ns}.${name}Ref` })),
          ]
        : []),
      tie('named'),
      fc
        .record({ items: tie('type'), properties: maybe(propsArb([])) })
        .map((a) => strip({ type: 'array' as const, ...a })),
      fc
        .record({ values: tie('type'), properties: maybe(propsArb([])) })
        .map((m) => strip({ type: 'map' as const, ...m })),
      fc
        .record({
          aliased: fc.boolean(),
          withNull: fc.boolean(),
          members: fc.array(
            fc.record({
              type: tie('type'),
              alias: identifier,
              doc: maybe(docArb),
              properties: maybe(propsArb([])),
            }),
            { minLength: 1, maxLength: 3 },
          ),
          properties: maybe(propsArb([])),
        })
        .map(({ aliased, withNull, members, properties }) => {
          const list: UnionMember[] = [];
          if (withNull) list.push({ type: { type: 'null' } });
          const keys = new Set<string>();
          members.forEach((m, i) => {
            // Unions directly inside unions are refused by the reference, and so are two
            // members with the same key.
            if (m.type.type === 'union') return;
            const key = memberKey(m.type);
            if (!aliased && keys.has(key)) return;
            keys.add(key);
            list.push(
              aliased
                ? strip({
                    alias: `${m.alias}${i}`,
                    type: m.type,
                    doc: m.doc,
                    properties: m.properties,
                  })
                : { type: m.type },
            );
          });
          // A union whose members were all dropped still needs one to have values.
          if (list.every((m) => m.type.type === 'null')) {
            list.push(
              aliased ? { alias: 'only', type: { type: 'int' } } : { type: { type: 'int' } },
            );
          }
          return strip({ type: 'union' as const, members: list, properties });
        }),
    ),
    named: fc.oneof(
      fc
        .record({
          base,
          include: fc.constant([]),
          fields: fc.array(
            fc.record({
              name: identifier,
              type: tie('type'),
              optional: fc.boolean(),
              doc: maybe(docArb),
              properties: maybe(propsArb(['aliases', 'order'])),
              aliases: maybe(
                fc.option(fc.array(identifier, { minLength: 1, maxLength: 2 }), { nil: undefined }),
              ),
              order: maybe(
                fc.option(fc.constantFrom('ascending', 'descending', 'ignore'), { nil: undefined }),
              ),
              default: maybe(fc.option(jsonArb, { nil: undefined })),
            }),
            { maxLength: 4 },
          ),
        })
        .map(({ base: b, fields }) => {
          const seen = new Set<string>();
          const unique = fields.filter((f) => !seen.has(f.name) && seen.add(f.name));
          return strip({
            type: 'record' as const,
            ...b,
            fullName: '',
            include: [],
            fields: unique.map((f) => strip({ ...f }) as RecordField),
          });
        }),
      fc
        .record({
          base,
          symbols: fc.uniqueArray(identifier, { minLength: 1, maxLength: 4 }),
          docs: maybe(fc.option(docArb, { nil: undefined })),
          deprecated: maybe(
            fc.option(fc.oneof(fc.constant(true), trickyString), { nil: undefined }),
          ),
          symbolProps: maybe(propsArb(['deprecated'])),
        })
        .map(({ base: b, symbols, docs, deprecated, symbolProps }) => {
          const schema: EnumSchema = strip({ type: 'enum' as const, ...b, fullName: '', symbols });
          const first = symbols[0]!;
          if (docs !== undefined) schema.symbolDocs = { [first]: docs };
          if (deprecated !== undefined) schema.deprecatedSymbols = { [first]: deprecated };
          if (symbolProps !== undefined) schema.symbolProperties = { [first]: symbolProps };
          return schema;
        }),
      fc
        .record({ base, size: fc.integer({ min: 0, max: 8 }) })
        .map(({ base: b, size }) => strip({ type: 'fixed' as const, ...b, fullName: '', size })),
      fc
        .record({ base, ref: tie('type') })
        .map(({ base: b, ref }) => strip({ type: 'typeref' as const, ...b, fullName: '', ref })),
    ),
  }));
  return tree.type.map((schema) => uniquify(structuredClone(schema)));
}

/** The union member key of an inline type (a typeref is transparent). */
function memberKey(type: DataSchema): string {
  if (type.type === 'typeref') return memberKey(type.ref);
  if (type.type === 'ref') return type.name;
  if ('name' in type) return `${type.namespace}.${type.name}`;
  return type.type;
}

/** Gives every named type a distinct name and fills in its full name. */
function uniquify(schema: DataSchema): DataSchema {
  let counter = 0;
  const visit = (s: DataSchema): void => {
    switch (s.type) {
      case 'record':
      case 'enum':
      case 'fixed':
      case 'typeref':
        s.name = `${s.name}${counter++}`;
        s.fullName = `${s.namespace}.${s.name}`;
        if (s.type === 'record') for (const f of s.fields) visit(f.type);
        if (s.type === 'typeref') visit(s.ref);
        return;
      case 'array':
        visit(s.items);
        return;
      case 'map':
        visit(s.values);
        return;
      case 'union':
        for (const m of s.members) visit(m.type);
        return;
      default:
        return;
    }
  };
  visit(schema);
  return schema;
}
