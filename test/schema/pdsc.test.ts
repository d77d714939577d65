/** PDSC: the reference's SchemaParser reading, and errors with the JSON path of the problem. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RestliError, RestliSyntaxError } from '../../src/errors.ts';
import { isNamedSchema, type RecordSchema } from '../../src/schema/model.ts';
import { parsePdsc } from '../../src/schema/pdsc.ts';
import { thrown } from '../helpers/errors.ts';
import { filesUnder, readText } from '../helpers/schema.ts';

const SCHEMAS = 'test/fixtures/restli-test-suite/schemas';

describe('parsePdsc', () => {
  it.each(filesUnder(SCHEMAS, '.pdsc'))('loads the suite schema %s under its path name', (file) => {
    const schema = parsePdsc(readText(join(SCHEMAS, file)));
    expect(isNamedSchema(schema) && `${schema.fullName.replaceAll('.', '/')}.pdsc`).toBe(file);
  });

  it('scopes nested declarations to their own namespace; aliases are full names', () => {
    const schema = parsePdsc(
      readText(join(SCHEMAS, 'namespace1/RecordWithNamespaceOverride.pdsc')),
    ) as RecordSchema;
    expect(schema.fields[0]!.type).toMatchObject({
      fullName: 'namespace2.OverriddenFixed',
      size: 32,
    });
    expect(parsePdsc(readText(join(SCHEMAS, 'namespace1/MD5WithAliases.json')))).toMatchObject({
      aliases: ['abc.m1', 'cde.m2'],
    });
    const nested = parsePdsc(`{ "type": "record", "name": "a.R", "fields": [
      { "name": "f", "type": { "type": "enum", "name": "E", "symbols": [] } },
      { "name": "g", "type": "E" } ] }`) as RecordSchema;
    expect(nested.fields.map((f) => (isNamedSchema(f.type) ? f.type.fullName : f.type))).toEqual([
      'a.E',
      { type: 'ref', name: 'a.E' },
    ]);
  });

  it('files unknown keys as properties and moves enum symbol properties to their fields', () => {
    const schema = parsePdsc(`{ "type": "enum", "name": "E", "symbols": ["A", "B"],
      "symbolDocs": { "A": "a" }, "deprecatedSymbols": { "B": true },
      "symbolProperties": { "A": { "x": 1 } }, "validate": { "v": 9223372036854775807 } }`);
    expect(schema).toEqual({
      type: 'enum',
      name: 'E',
      namespace: '',
      fullName: 'E',
      symbols: ['A', 'B'],
      symbolDocs: { A: 'a' },
      deprecatedSymbols: { B: true },
      symbolProperties: { A: { x: 1 } },
      properties: { validate: { v: 9223372036854775807n } },
    });
  });

  it('reads comments, as Jackson with ALLOW_COMMENTS', () => {
    expect(parsePdsc('/* c */ { "type": "fixed", // x\n "name": "F", "size": 1 }')).toMatchObject({
      fullName: 'F',
    });
  });

  const invalid: [string, string, string][] = [
    ['no name', '{ "type": "record", "fields": [] }', 'at $'],
    ['fields not a list', '{ "type": "record", "name": "R", "fields": {} }', 'at $.fields'],
    [
      'field without type',
      '{ "type": "record", "name": "R", "fields": [{ "name": "a" }] }',
      'at $.fields[0]',
    ],
    [
      'bad nested size',
      '{ "type": "record", "name": "R", "fields": [{ "name": "a", "type": { "type": "fixed", "name": "F", "size": -1 } }] }',
      'at $.fields[0].type.size',
    ],
    ['bad union member', '{ "type": "typeref", "name": "T", "ref": ["int", 3] }', 'at $.ref[1]'],
  ];
  it.each(invalid)('refuses %s with the JSON path', (_name, text, where) => {
    const error = thrown(() => parsePdsc(text), RestliError);
    expect(error.code).toBe('INVALID_SCHEMA');
    expect(error.message.endsWith(where)).toBe(true);
  });

  it('reports text that is not JSON at its offset', () => {
    const error = thrown(() => parsePdsc('{ "type": }'), RestliSyntaxError);
    expect([error.code, error.offset]).toEqual(['INVALID_JSON', 10]);
  });
});
