/** Typed values against literal schemas: the coercions, the options, the errors. */
import { describe, expect, it } from 'vitest';
import { RestliSchemaError } from '../../src/errors.ts';
import type { DataSchema } from '../../src/schema/model.ts';
import { SchemaSet } from '../../src/schema/model.ts';
import { parsePdl } from '../../src/schema/pdl.ts';
import { loadSnapshotModels } from '../../src/schema/pdsc.ts';
import { fromData, fromStrings, toData } from '../../src/schema/typed.ts';
import { thrown } from '../helpers/errors.ts';
import { readText } from '../helpers/schema.ts';

const set = new SchemaSet();
const p = (type: DataSchema['type']): DataSchema => ({ type }) as DataSchema;

describe('fromStrings: 2.0 string leaves to typed values', () => {
  const ok: [string, DataSchema, unknown, unknown][] = [
    ['int', p('int'), '-42', -42],
    ['int with +', p('int'), '+7', 7],
    ['long beyond 2^53', p('long'), '9223372036854775807', 9223372036854775807n],
    ['float', p('float'), '1.5', 1.5],
    ['double exponent', p('double'), '1.0E-4', 1e-4],
    ['double NaN', p('double'), 'NaN', Number.NaN],
    ['double -Infinity', p('double'), '-Infinity', Number.NEGATIVE_INFINITY],
    ['boolean', p('boolean'), 'false', false],
    ['string', p('string'), '', ''],
    ['bytes', p('bytes'), 'a\u00ff\u0000', new Uint8Array([0x61, 0xff, 0])],
    ['null (Data.NULL prints as null)', p('null'), 'null', null],
    ['array', { type: 'array', items: p('int') }, ['1', '2'], [1, 2]],
    ['map', { type: 'map', values: p('long') }, { a: '1' }, { a: 1n }],
  ];
  it.each(ok)('%s', (_name, schema, input, expected) => {
    expect(fromStrings(input, schema, set)).toEqual(expected);
  });

  const bad: [string, DataSchema, unknown, string][] = [
    ['int overflow', p('int'), '2147483648', '$'],
    ['int with a fraction', p('int'), '1.0', '$'],
    ['long overflow', p('long'), '9223372036854775808', '$'],
    ['empty number', p('double'), '', '$'],
    ['hex double', p('double'), '0x10', '$'],
    ['boolean spelled otherwise', p('boolean'), 'True', '$'],
    ['byte beyond U+00FF', p('bytes'), 'Ā', '$'],
    ['bad list element', { type: 'array', items: p('int') }, ['1', 'x'], '$[1]'],
    ['bad map value', { type: 'map', values: p('int') }, { 'a b': 'x' }, '$["a b"]'],
  ];
  it.each(bad)('refuses %s', (_name, schema, input, path) => {
    const error = thrown(() => fromStrings(input, schema, set), RestliSchemaError);
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.path).toBe(path);
  });
});

describe('unions, enums, fixed, records', () => {
  const schema = parsePdl(`namespace t
    record R {
      u: union[null, int, t.E, array[string]]
      a: optional union[x: int, y: string]
      e: optional enum E { A, B }
      f: optional fixed F 2
      tr: optional typeref T = union[int, string]
    }`);
  const rs = new SchemaSet([schema]);

  it('keys members by type name, full name, array, or alias; null member is null', () => {
    const typed = { u: { 't.E': 'A' }, a: { y: 's' } };
    expect(fromData(toData(typed, schema, rs), schema, rs)).toEqual(typed);
    expect(fromData({ u: null }, schema, rs)).toEqual({ u: null });
    expect(fromData({ u: { array: ['x'] } }, schema, rs)).toEqual({ u: { array: ['x'] } });
    expect(
      thrown(() => fromData({ u: { int: 1, array: [] } }, schema, rs), RestliSchemaError).path,
    ).toBe('$.u');
    expect(
      thrown(() => fromData({ u: 1, a: { int: 1 } }, schema, rs), RestliSchemaError).path,
    ).toBe('$.u');
    expect(
      thrown(() => fromData({ u: null, a: { int: 1 } }, schema, rs), RestliSchemaError).path,
    ).toBe('$.a');
  });

  it('checks enum symbols and fixed sizes', () => {
    expect(thrown(() => fromData({ u: null, e: 'C' }, schema, rs), RestliSchemaError).path).toBe(
      '$.e',
    );
    expect(toData({ u: null, f: new Uint8Array([1, 255]) }, schema, rs)).toEqual({
      u: null,
      f: '\u0001\u00ff',
    });
    const error = thrown(
      () => toData({ u: null, f: new Uint8Array(3) }, schema, rs),
      RestliSchemaError,
    );
    expect([error.path, error.reason]).toEqual(['$.f', 'expected 2 bytes, found 3']);
    expect(error.message).toBe('expected 2 bytes, found 3 at $.f');
  });

  it('longs as numbers where safe, on request', () => {
    const longs: DataSchema = { type: 'array', items: p('long') };
    expect(fromData([1, 2n ** 60n], longs, set, { longs: 'number' })).toEqual([1, 2n ** 60n]);
    expect(fromData([1, 2n ** 60n], longs, set)).toEqual([1n, 2n ** 60n]);
    expect(toData([1n, 2n ** 60n], longs, set)).toEqual([1, 2n ** 60n]);
  });

  it('writes NaN and the infinities as Pegasus data spells them', () => {
    const doubles: DataSchema = { type: 'array', items: p('double') };
    const typed = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0];
    const data = toData(typed, doubles, set);
    expect(data).toEqual(['NaN', 'Infinity', '-Infinity', -0]);
    expect(fromData(data, doubles, set)).toEqual(typed);
  });

  it('names an unknown type with the path where it was needed', () => {
    const error = thrown(
      () => fromData({ x: 1 }, { type: 'map', values: { type: 'ref', name: 'no.Such' } }, set),
      RestliSchemaError,
    );
    expect([error.code, error.path]).toEqual(['UNKNOWN_SCHEMA_TYPE', '$.x']);
  });

  it('does not let a __proto__ key reach the prototype', () => {
    const typed = fromData(JSON.parse('{"__proto__": 1}'), { type: 'map', values: p('int') }, set);
    expect(Object.hasOwn(typed as object, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(typed)).toBe(Object.prototype);
  });
});

describe('snapshot models', () => {
  it('loads every model of a snapshot and types data against its record', () => {
    const models = loadSnapshotModels(
      readText('test/fixtures/restli-test-suite/snapshots/testsuite.collection.snapshot.json'),
    );
    expect(models.has('testsuite.Message')).toBe(true);
    const message: DataSchema = { type: 'ref', name: 'testsuite.Message' };
    expect(fromData({ id: 1, message: 'hi' }, message, models)).toEqual({ id: 1n, message: 'hi' });
    expect(
      thrown(() => fromData({ id: 'x', message: 'hi' }, message, models), RestliSchemaError).path,
    ).toBe('$.id');
  });
});

describe('the options the typed requests and responses use', () => {
  const schema = parsePdl(`namespace o
    record R { a: int, b: optional string, c: array[long] }`);
  const rs = new SchemaSet([schema]);

  it('requireFields: false lets a record miss required fields, both ways', () => {
    expect(thrown(() => toData({ b: 'x' }, schema, rs), RestliSchemaError)).toMatchObject({
      reason: 'missing required field a',
      path: '$',
    });
    expect(toData({ b: 'x' }, schema, rs, { requireFields: false })).toEqual({ b: 'x' });
    expect(fromData({ c: [1] }, schema, rs, { requireFields: false })).toEqual({ c: [1n] });
    expect(thrown(() => fromData({ c: [1] }, schema, rs), RestliSchemaError).path).toBe('$');
  });

  it('unknownFields: reject names the unknown field; keep copies it through', () => {
    const value = { a: 1, c: [], zz: 1 };
    expect(
      thrown(() => toData(value, schema, rs, { unknownFields: 'reject' }), RestliSchemaError).path,
    ).toBe('$.zz');
    expect(toData(value, schema, rs)).toEqual({ a: 1, c: [], zz: 1 });
  });

  it('writes declared fields in declaration order, whatever order the value has', () => {
    expect(Object.keys(toData({ c: [], b: 's', a: 1 }, schema, rs) as object)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('path: errors are rooted where the value sits in a larger one', () => {
    expect(
      thrown(() => toData({ a: 'x', c: [] }, schema, rs, { path: '$.entity' }), RestliSchemaError)
        .path,
    ).toBe('$.entity.a');
  });

  it("version '1.0.0': a single string leaf where an array is expected is a one-element list", () => {
    expect(fromStrings({ a: '1', c: '7' }, schema, rs, { version: '1.0.0' })).toEqual({
      a: 1,
      c: [7n],
    });
    expect(thrown(() => fromStrings({ a: '1', c: '7' }, schema, rs), RestliSchemaError).path).toBe(
      '$.c',
    );
  });

  it('a long given as a number beyond 2^53 is refused (digits may be lost already)', () => {
    const longs: DataSchema = { type: 'array', items: p('long') };
    expect(thrown(() => toData([2 ** 60], longs, set), RestliSchemaError).path).toBe('$[0]');
    expect(toData([2n ** 60n, 2 ** 53 - 1], longs, set)).toEqual([2n ** 60n, 2 ** 53 - 1]);
  });
});
