/**
 * Typing is the identity through the wire: for random schemas and random valid typed values,
 * typed → data → wire (a JSON request body, a complex key in a URL path, a query parameter) →
 * data → typed gives the value back, in both protocol versions.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { RestliSchemaError } from '../../src/errors.ts';
import { toUrlData } from '../../src/http/typed.ts';
import { parseJson, stringifyJson } from '../../src/internal/json.ts';
import {
  type DataSchema,
  type PegasusData,
  type RecordField,
  SchemaSet,
} from '../../src/schema/model.ts';
import {
  fromData,
  fromStrings,
  type TypedValue,
  toData,
  unionMemberKey,
} from '../../src/schema/typed.ts';
import type { RestliValue } from '../../src/types.ts';
import { decodeKey, encodeKey, type Key } from '../../src/wire/keys.ts';
import { decodeQuery, encodeQuery } from '../../src/wire/query.ts';
import { trickyString } from '../helpers/arbitraries.ts';
import { thrown } from '../helpers/errors.ts';

const NAMES = ['a', 'b', 'c', 'id', 'x1', 'List', 'ids', 'part1', 'q', 'fields'];

/**
 * The key of a union member as the reference's `getUnionMemberKey` gives it (docs/decisions.md):
 * a typeref is transparent, keyed by what it refers to; a named type by its full name.
 */
function memberKeyOf(type: DataSchema): string {
  if (type.type === 'typeref') return memberKeyOf(type.ref);
  return 'fullName' in type ? type.fullName : type.type;
}

/** Random schemas (named types get unique names through a counter). */
function schemaArb(): fc.Arbitrary<DataSchema> {
  let counter = 0;
  const named = (kind: string) => {
    counter++;
    return { name: `${kind}${counter}`, namespace: 'p.q', fullName: `p.q.${kind}${counter}` };
  };
  const tree = fc.letrec<{ type: DataSchema }>((tie) => ({
    type: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      {
        weight: 5,
        arbitrary: fc
          .constantFrom('int', 'long', 'float', 'double', 'boolean', 'string', 'bytes')
          .map((type) => ({ type }) as DataSchema),
      },
      fc
        .uniqueArray(fc.constantFrom('APPLE', 'ORANGE', 'PEAR', 'null', '$x'), {
          minLength: 1,
          maxLength: 3,
        })
        .map((symbols) => ({ type: 'enum', ...named('E'), symbols }) as DataSchema),
      fc
        .integer({ min: 0, max: 6 })
        .map((size) => ({ type: 'fixed', ...named('F'), size }) as DataSchema),
      tie('type').map((items) => ({ type: 'array', items }) as DataSchema),
      tie('type').map((values) => ({ type: 'map', values }) as DataSchema),
      tie('type').map((ref) => ({ type: 'typeref', ...named('T'), ref }) as DataSchema),
      fc
        .tuple(fc.boolean(), fc.array(tie('type'), { minLength: 1, maxLength: 3 }))
        .map(([withNull, types]) => {
          const seen = new Set<string>();
          const members = types
            .filter((t) => t.type !== 'union')
            .map((type) => ({ type, key: memberKeyOf(type) }))
            .filter((m) => !seen.has(m.key) && seen.add(m.key))
            .map(({ type }) => ({ type }));
          // A union directly in a union is not allowed; keep at least one member.
          if (members.length === 0) members.push({ type: { type: 'string' } });
          return {
            type: 'union',
            members: withNull ? [{ type: { type: 'null' } }, ...members] : members,
          } as DataSchema;
        }),
      fc
        .uniqueArray(
          fc.record({ name: fc.constantFrom(...NAMES), type: tie('type'), optional: fc.boolean() }),
          {
            selector: (f) => f.name,
            maxLength: 4,
          },
        )
        .map(
          (fields) =>
            ({
              type: 'record',
              ...named('R'),
              include: [],
              fields: fields as RecordField[],
            }) as DataSchema,
        ),
    ),
  }));
  return tree.type;
}

/** A random valid typed value of `schema`. */
function valueArb(schema: DataSchema, set: SchemaSet, depth = 0): fc.Arbitrary<unknown> {
  const s = set.resolve(schema);
  const small = { maxLength: depth > 2 ? 1 : 3 };
  switch (s.type) {
    case 'int':
      return fc.integer();
    case 'long':
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    case 'float':
      return fc.float({ noNaN: true, noDefaultInfinity: true }).map(Math.fround);
    case 'double':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return trickyString;
    case 'bytes':
      return fc.uint8Array(small);
    case 'null':
      return fc.constant(null);
    case 'fixed':
      return fc.uint8Array({ minLength: s.size, maxLength: s.size });
    case 'enum':
      return fc.constantFrom(...s.symbols);
    case 'typeref':
      return valueArb(s.ref, set, depth);
    case 'array':
      return fc.array(valueArb(s.items, set, depth + 1), small);
    case 'map':
      return fc.dictionary(trickyString, valueArb(s.values, set, depth + 1), {
        maxKeys: small.maxLength,
      });
    case 'union':
      return fc.oneof(
        ...s.members.map((m) =>
          m.type.type === 'null'
            ? fc.constant(null)
            : valueArb(m.type, set, depth + 1).map((v) => ({ [unionMemberKey(m, set)]: v })),
        ),
      );
    case 'record':
      return fc
        .tuple(
          ...s.fields.map((f) =>
            f.optional
              ? fc.option(valueArb(f.type, set, depth + 1), { nil: undefined })
              : valueArb(f.type, set, depth + 1),
          ),
        )
        .map((values) => {
          const out: Record<string, unknown> = {};
          s.fields.forEach((f, i) => {
            if (values[i] !== undefined) out[f.name] = values[i];
          });
          return out;
        });
  }
}

/** A schema, its schema set, and a valid value. */
const typed = schemaArb().chain((schema) => {
  const set = new SchemaSet([schema]);
  return valueArb(schema, set).map((value) => ({ schema, set, value }));
});

/** As `typed`, with a record at the root (a complex key). */
const typedRecord = schemaArb()
  .map(
    (inner) =>
      ({
        type: 'record',
        name: 'Key',
        namespace: 'k',
        fullName: 'k.Key',
        include: [],
        fields: [
          { name: 'a', type: inner, optional: false },
          { name: 'b', type: { type: 'string' }, optional: true },
        ],
      }) as DataSchema,
  )
  .chain((schema) => {
    const set = new SchemaSet([schema]);
    return valueArb(schema, set).map((value) => ({ schema, set, value }));
  });

describe.each(['1.0.0', '2.0.0'] as const)('protocol %s', (version) => {
  test.prop([typed])(
    `typed → JSON body → typed is the identity (${version})`,
    ({ schema, set, value }) => {
      const body = stringifyJson({ value: toData(value as TypedValue, schema, set) });
      const back = fromData((parseJson(body) as { value: PegasusData }).value, schema, set);
      expect(back).toEqual(value);
    },
  );

  test.prop([typedRecord])(
    `typed → complex key in a URL path → typed (${version})`,
    ({ schema, set, value }) => {
      const data = toUrlData(toData(value as TypedValue, schema, set)) as Key;
      if (version === '1.0.0') fc.pre(!v1Loses(data));
      const segment = encodeKey(data, { kind: 'complex', version, context: 'path' });
      const decoded = decodeKey(segment, { kind: 'complex', version, context: 'path' });
      expect(fromStrings(decoded, schema, set, { version })).toEqual(value);
    },
  );

  test.prop([typed])(`typed → query parameter → typed (${version})`, ({ schema, set, value }) => {
    const data = toUrlData(toData(value as TypedValue, schema, set)) as RestliValue;
    if (version === '1.0.0') fc.pre(!v1Loses(data, true));
    const query = encodeQuery({ p: data }, { version });
    const decoded = decodeQuery(query, { version }).p;
    expect(fromStrings(decoded ?? emptyOf(schema, set), schema, set, { version })).toEqual(value);
  });
});

/**
 * Whether 1.0 cannot carry `data`: it sorts lists of leaves, it writes no trace of an empty list or map (spec section 0,
 * pitfall 3; the Java reference does the same), so those cannot round-trip below the root; its
 * flattened names carry map keys nearly raw; a list is either leaves or containers.
 */
function v1Loses(data: unknown, root = false): boolean {
  if (data === null || typeof data !== 'object') return false;
  if (Array.isArray(data) && data.every((v) => typeof v !== 'object')) {
    // 1.0 sorts the repeated values of a name as strings (spec pitfall 8): only a sorted list of
    // leaves keeps its order.
    const texts = data.map(String);
    if (texts.some((t, i) => i > 0 && texts[i - 1]! > t)) return true;
  }
  const keys = Object.keys(data);
  if (keys.length === 0 && !root) return true;
  // Names are written with only `. [ ] ~` escaped: `&`, `=`, `%`… in a map key break them, and an
  // empty key is refused (EMPTY_V1_KEY).
  if (!Array.isArray(data) && keys.some((k) => !/^[A-Za-z0-9_$.~[\]-]+$/.test(k))) return true;
  // A list of leaves is repeated `name=value`, a list of maps is `name[i].field`: one list cannot
  // mix them (CONFLICTING_V1_KEY).
  if (Array.isArray(data)) {
    const leaves = data.filter((v) => typeof v !== 'object').length;
    if (leaves > 0 && leaves < data.length) return true;
    // `a[0]=x&a[0]=y`: the Java server refuses a list directly in a list.
    if (data.some(Array.isArray)) return true;
  }
  return Object.values(data).some((v) => v1Loses(v));
}

/** What a parameter whose value left no trace in the query reads as. */
function emptyOf(schema: DataSchema, set: SchemaSet): unknown {
  return set.dereference(schema).type === 'array' ? [] : {};
}

test.prop([typed])(
  'an invalid value fails with the path of the first bad value',
  ({ schema, value }) => {
    const wrapped: DataSchema = {
      type: 'record',
      name: 'W',
      namespace: 'w',
      fullName: 'w.W',
      include: [],
      fields: [{ name: 'inner', type: { type: 'array', items: schema }, optional: false }],
    };
    const all = new SchemaSet([wrapped, schema]);
    const e = thrown(
      () => toData({ inner: [value, Symbol('bad')] } as unknown as TypedValue, wrapped, all),
      RestliSchemaError,
    );
    expect(e.path.startsWith('$.inner[1]')).toBe(true);
  },
);
