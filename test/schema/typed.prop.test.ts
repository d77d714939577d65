/**
 * Typing property tests: for random schemas and random values that fit them, typed → data →
 * typed is the identity, also through Pegasus JSON text and through the protocol 2.0 value
 * grammar (every leaf a string); a value made invalid at one place fails with that place's path.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { decode } from '../../src/codec/decode.ts';
import { encode } from '../../src/codec/encode.ts';
import { RestliSchemaError } from '../../src/errors.ts';
import { readJson, writeJson } from '../../src/schema/json.ts';
import { type DataSchema, type PegasusData, SchemaSet } from '../../src/schema/model.ts';
import {
  fromData,
  fromStrings,
  type TypedValue,
  toData,
  unionMemberKey,
} from '../../src/schema/typed.ts';
import type { RestliValue } from '../../src/types.ts';
import { trickyString } from '../helpers/arbitraries.ts';
import { thrown } from '../helpers/errors.ts';
import { schemaArb } from '../helpers/schema-arbitraries.ts';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const keyPath = (path: string, key: string): string =>
  `${path}${IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`;

/** A place in a typed value: its path, how to get there, and a value its schema refuses. */
interface Place {
  path: string;
  steps: (string | number)[];
  bad: unknown;
}

/** Finite doubles as a 2.0 string reads them back (no -0: the encoder writes it as `0`). */
const wireDouble = (d: number): number => (Object.is(d, -0) ? 0 : d);

/**
 * A random typed value of `schema` (generated with `g`), with every place in it recorded.
 * `wire` keeps to values the 2.0 grammar carries exactly.
 */
function typedValueOf(
  g: fc.GeneratorValue,
  schema: DataSchema,
  set: SchemaSet,
  wire: boolean,
  path: string,
  steps: (string | number)[],
  places: Place[],
): TypedValue {
  const s = set.dereference(schema);
  const here = (bad: unknown): void => {
    places.push({ path, steps, bad });
  };
  switch (s.type) {
    case 'null':
      here(0);
      return null;
    case 'boolean':
      here('true');
      return g(fc.boolean);
    case 'string':
      here(1);
      return g(() => trickyString);
    case 'int':
      here(g(fc.constantFrom, 2 ** 31, -(2 ** 31) - 1, 1.5, '1'));
      return g(fc.integer);
    case 'long':
      here(g(fc.constantFrom, 2n ** 63n, 0.5, '1'));
      return g(fc.bigInt, { min: -(2n ** 63n), max: 2n ** 63n - 1n });
    case 'float':
      here(g(fc.constantFrom, 1e39, 'x', true));
      return wireDouble(g(fc.float, {}));
    case 'double':
      here(g(fc.constantFrom, 'x', true, null));
      return wireDouble(g(fc.double, {}));
    case 'bytes':
      here(g(fc.constantFrom, [1] as unknown, true, 1));
      return g(fc.uint8Array, { maxLength: 6 });
    case 'fixed':
      here(new Uint8Array(s.size + 1));
      return g(fc.uint8Array, { minLength: s.size, maxLength: s.size });
    case 'enum':
      here('NOT_A_SYMBOL_OF_THIS_ENUM');
      return g(fc.constantFrom, ...s.symbols);
    case 'array': {
      here({});
      const n = g(fc.integer, { min: 0, max: 3 });
      const out: TypedValue[] = [];
      for (let i = 0; i < n; i++) {
        out.push(typedValueOf(g, s.items, set, wire, `${path}[${i}]`, [...steps, i], places));
      }
      return out;
    }
    case 'map': {
      here([]);
      const keys: string[] = g(() =>
        fc.uniqueArray(fc.oneof(trickyString, fc.constant('__proto__')), { maxLength: 3 }),
      );
      const out: { [key: string]: TypedValue } = {};
      for (const key of keys) {
        const value = typedValueOf(
          g,
          s.values,
          set,
          wire,
          keyPath(path, key),
          [...steps, key],
          places,
        );
        Object.defineProperty(out, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case 'union': {
      here({});
      const member = s.members[g(fc.integer, { min: 0, max: s.members.length - 1 })]!;
      if (member.type.type === 'null') return null;
      const key = unionMemberKey(member, set);
      return {
        [key]: typedValueOf(g, member.type, set, wire, keyPath(path, key), [...steps, key], places),
      };
    }
    case 'record': {
      here([]);
      const out: { [key: string]: TypedValue } = {};
      for (const field of set.allFields(s)) {
        if (field.optional && g(fc.boolean)) continue;
        out[field.name] = typedValueOf(
          g,
          field.type,
          set,
          wire,
          keyPath(path, field.name),
          [...steps, field.name],
          places,
        );
      }
      return out;
    }
  }
}

/** A schema, a set that knows its named types, a typed value and its places. */
const caseArb = (wire: boolean) =>
  fc.tuple(schemaArb({ refs: false, decorations: false }), fc.gen()).map(([schema, g]) => {
    const set = new SchemaSet([schema]);
    const places: Place[] = [];
    const value = typedValueOf(g, schema, set, wire, '$', [], places);
    const place = places[g(fc.integer, { min: 0, max: places.length - 1 })]!;
    return { schema, set, value, place };
  });

/** The 2.0 form of data: null (a union's null member) is written as Java prints Data.NULL. */
function toWireValue(data: PegasusData): RestliValue {
  if (data === null) return 'null';
  if (Array.isArray(data)) return data.map(toWireValue);
  if (typeof data === 'object') {
    const out: { [key: string]: RestliValue } = {};
    for (const key of Object.keys(data)) {
      Object.defineProperty(out, key, {
        value: toWireValue(data[key]!),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return data;
}

function setAt(root: unknown, steps: (string | number)[], value: unknown): unknown {
  if (steps.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at = copy;
  for (const step of steps.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  Object.defineProperty(at, steps[steps.length - 1]!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

// endOnFailure: shrinking values built with fc.gen() over nested schemas can take very long;
// the seed and the first counterexample are what a failure needs.
describe('typed values', () => {
  test.prop([caseArb(false)], { numRuns: 200, endOnFailure: true })(
    'typed → data → typed is the identity, also through JSON text',
    ({ schema, set, value }) => {
      const data = toData(value, schema, set);
      expect(fromData(data, schema, set)).toEqual(value);
      expect(fromData(readJson(writeJson(data)), schema, set)).toEqual(value);
    },
  );

  test.prop([caseArb(true)], { numRuns: 200, endOnFailure: true })(
    'typed → 2.0 value text → string leaves → typed is the identity',
    ({ schema, set, value }) => {
      const text = encode(toWireValue(toData(value, schema, set)));
      expect(fromStrings(decode(text), schema, set)).toEqual(value);
    },
  );

  test.prop([caseArb(false)], { numRuns: 200, endOnFailure: true })(
    'a value made invalid at one place fails with that place’s path',
    ({ schema, set, value, place }) => {
      const bad = setAt(value, place.steps, place.bad) as TypedValue;
      const error = thrown(() => toData(bad, schema, set), RestliSchemaError);
      expect(error.path).toBe(place.path);
      // The same in the data → typed direction.
      const data = setAt(toData(value, schema, set), place.steps, place.bad) as PegasusData;
      expect(thrown(() => fromData(data, schema, set), RestliSchemaError).path).toBe(place.path);
    },
  );
});
