/**
 * The schema half of LinkedIn's Rest.li client test suite (test/fixtures/restli-test-suite,
 * BSD-2-Clause): `schemaTestData` (data that must validate against a .pdsc; `withFixup`: the data
 * with defaults filled) and `jsonTestData` (Pegasus JSON that must round-trip, longs beyond 2^53
 * included). Each manifest entry is its own test case named after its data file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RestliSchemaError } from '../../src/errors.ts';
import { readJson, writeJson } from '../../src/schema/json.ts';
import { type DataSchema, type PegasusData, SchemaSet } from '../../src/schema/model.ts';
import { parsePdsc } from '../../src/schema/pdsc.ts';
import { fromData, toData } from '../../src/schema/typed.ts';
import { thrown } from '../helpers/errors.ts';
import { normalize, readText } from '../helpers/schema.ts';

const SUITE = 'test/fixtures/restli-test-suite';

interface Manifest {
  schemaTestData: { schema: string; data: string; withFixup?: string }[];
  jsonTestData: { data: string }[];
}
const manifest = readJson(readText(join(SUITE, 'manifest.json'))) as unknown as Manifest;

/** The suite's schemas, loaded on demand from `schemas/<namespace path>/<Name>.pdsc`. */
function suiteSchemas(): SchemaSet {
  return new SchemaSet([], (fullName) => {
    const file = join(SUITE, 'schemas', `${fullName.replaceAll('.', '/')}.pdsc`);
    return existsSync(file) ? parsePdsc(readText(file)) : undefined;
  });
}

const readData = (file: string): PegasusData => readJson(readText(join(SUITE, file)));

describe('schemaTestData', () => {
  it('has the 10 entries of the manifest', () => {
    expect(manifest.schemaTestData).toHaveLength(10);
  });

  it.each(manifest.schemaTestData)(
    '$data validates against $schema',
    ({ schema, data, withFixup }) => {
      const set = suiteSchemas();
      const type: DataSchema = { type: 'ref', name: schema };
      const input = readData(data);
      const typed = fromData(input, type, set);
      // Typed back to data gives the same data (unknown fields kept, longs as read).
      expect(normalize(toData(typed, type, set))).toEqual(normalize(input));
      if (withFixup !== undefined) {
        const fixed = fromData(input, type, set, { withFixup: true });
        expect(normalize(toData(fixed, type, set))).toEqual(normalize(readData(withFixup)));
        // The fixup works the same in the typed → data direction.
        expect(normalize(toData(typed, type, set, { withFixup: true }))).toEqual(
          normalize(readData(withFixup)),
        );
      }
    },
  );

  it.each(manifest.schemaTestData)(
    '$data with a field of the wrong type fails with that field path',
    ({ schema, data }) => {
      const set = suiteSchemas();
      const type: DataSchema = { type: 'ref', name: schema };
      const input = readData(data) as { [key: string]: PegasusData };
      const record = set.dereference(type);
      if (record.type !== 'record') throw new Error('not a record');
      for (const field of set.allFields(record)) {
        if (!Object.hasOwn(input, field.name)) continue;
        const shape = set.dereference(field.type);
        const wrong: PegasusData = shape.type === 'boolean' ? 'yes' : true;
        const error = thrown(
          () => fromData({ ...input, [field.name]: wrong }, type, set),
          RestliSchemaError,
        );
        expect(error.code).toBe('SCHEMA_VALIDATION');
        expect(error.path).toBe(`$.${field.name}`);
      }
    },
  );

  it('unknown fields are kept by default and rejected on request (data/primitives.json)', () => {
    const set = suiteSchemas();
    const type: DataSchema = { type: 'ref', name: 'testsuite.Primitives' };
    const input = readData('data/primitives.json');
    expect(fromData(input, type, set)).toHaveProperty('primitiveFixed');
    const error = thrown(
      () => fromData(input, type, set, { unknownFields: 'reject' }),
      RestliSchemaError,
    );
    expect(error.path).toBe('$.primitiveFixed');
  });

  it('without fixup, a required field with a default may be absent; without a default it may not', () => {
    const set = suiteSchemas();
    expect(fromData({}, { type: 'ref', name: 'testsuite.Defaults' }, set)).toEqual({});
    const error = thrown(
      () => fromData({}, { type: 'ref', name: 'testsuite.Primitives' }, set),
      RestliSchemaError,
    );
    expect(error.reason).toMatch(/required field primitiveInteger/);
    expect(error.path).toBe('$');
  });
});

describe('jsonTestData', () => {
  it('has the 5 entries of the manifest', () => {
    expect(manifest.jsonTestData).toHaveLength(5);
  });

  it.each(manifest.jsonTestData)('$data round-trips', ({ data }) => {
    const text = readText(join(SUITE, data));
    const first = readJson(text);
    const written = writeJson(first);
    const again = readJson(written);
    expect(again).toEqual(first);
    // The same value as JSON.parse gives wherever a double is exact.
    expect(JSON.parse(written, (_k, v) => v)).toEqual(JSON.parse(text, (_k, v) => v));
  });

  it('keeps every digit of longs beyond 2^53 (data/large-values.json)', () => {
    const value = readJson(readText(join(SUITE, 'data/large-values.json')));
    expect(value).toEqual({ i32Max: 2147483647, i64: 2147483648, i64Max: 9223372036854775807n });
    expect(writeJson(value)).toBe(
      '{"i32Max":2147483647,"i64":2147483648,"i64Max":9223372036854775807}',
    );
  });
});
