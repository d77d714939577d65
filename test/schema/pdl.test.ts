/** PDL: the semantics the reference's PdlSchemaParser gives, and positioned syntax errors. */
import { describe, expect, it } from 'vitest';
import { RestliSourceSyntaxError } from '../../src/errors.ts';
import type { EnumSchema, RecordSchema } from '../../src/schema/model.ts';
import { parsePdl } from '../../src/schema/pdl.ts';
import { thrown } from '../helpers/errors.ts';
import { expectLinear } from '../helpers/linear.ts';

describe('parsePdl', () => {
  it('qualifies names: imports first, then the enclosing namespace; dotted names are full', () => {
    const schema = parsePdl(`namespace com.a
      import com.b.Imported
      record R { x: Imported, y: Local, z: com.c.Full, n: int }`) as RecordSchema;
    expect(schema.fields.map((f) => f.type)).toEqual([
      { type: 'ref', name: 'com.b.Imported' },
      { type: 'ref', name: 'com.a.Local' },
      { type: 'ref', name: 'com.c.Full' },
      { type: 'int' },
    ]);
  });

  it('scopes a nested declaration to its own namespace and package', () => {
    const schema = parsePdl(`namespace com.a
      package com.pkg
      record R {
        inner: { namespace com.other record Inner { me: Sibling } }
        plain: enum E { A }
      }`) as RecordSchema;
    const inner = schema.fields[0]!.type as RecordSchema;
    expect(inner.fullName).toBe('com.other.Inner');
    expect(inner.package).toBe('com.pkg');
    expect(inner.fields[0]!.type).toEqual({ type: 'ref', name: 'com.other.Sibling' });
    expect((schema.fields[1]!.type as EnumSchema).fullName).toBe('com.a.E');
  });

  it('merges property paths, reads @aliases and @order, and keeps docs as markdown', () => {
    const schema = parsePdl(`namespace n
      /**
       * A record.
       *   Indented &amp; escaped &#42;&#47;
       */
      @a.b = 1
      @a.c = "x"
      @\`com.x.y\` = { "k": [true, null] }
      @aliases = ["Old", "m.Older"]
      record R {
        @aliases = ["f0"] @order = "DESCENDING" @validate.strlen.max = 9223372036854775807
        f: optional string = "d"
      }`) as RecordSchema;
    expect(schema.doc).toBe('A record.\n  Indented & escaped */');
    expect(schema.properties).toEqual({ a: { b: 1, c: 'x' }, 'com.x.y': { k: [true, null] } });
    expect(schema.aliases).toEqual(['n.Old', 'm.Older']);
    expect(schema.fields[0]).toEqual({
      name: 'f',
      type: { type: 'string' },
      optional: true,
      default: 'd',
      aliases: ['f0'],
      order: 'descending',
      properties: { validate: { strlen: { max: 9223372036854775807n } } },
    });
  });

  it('puts symbol docs, @deprecated and other symbol properties where the PDSC keys put them', () => {
    const schema = parsePdl(`enum E {
      /** first */ @deprecated = "use B" A
      @x.y = 2 B
    }`) as EnumSchema;
    expect(schema.symbols).toEqual(['A', 'B']);
    // As the reference's extractMarkdown: a one-line comment keeps the spaces inside it.
    expect(schema.symbolDocs).toEqual({ A: ' first ' });
    expect(schema.deprecatedSymbols).toEqual({ A: 'use B' });
    expect(schema.symbolProperties).toEqual({ B: { x: { y: 2 } } });
  });

  it('reads unions with aliases, escaped keywords and insignificant commas', () => {
    const schema = parsePdl(
      `typeref U = union[null, \`record\`: int, /** b */ @p b: array[string],]`,
    );
    expect(schema).toMatchObject({
      type: 'typeref',
      ref: {
        type: 'union',
        members: [
          { type: { type: 'null' } },
          { alias: 'record', type: { type: 'int' } },
          {
            alias: 'b',
            doc: ' b ',
            properties: { p: true },
            type: { type: 'array', items: { type: 'string' } },
          },
        ],
      },
    });
  });

  it('tells a scoped include from the fields that follow the includes', () => {
    const schema = parsePdl(`namespace n
      record R includes A, { namespace m record B {} } { f: int }`) as RecordSchema;
    expect(
      schema.include.map((t) => ('fullName' in t ? t.fullName : t.type === 'ref' && t.name)),
    ).toEqual(['n.A', 'm.B']);
    expect(schema.fields.map((f) => f.name)).toEqual(['f']);
    const after = parsePdl('record R { f: int } includes A') as RecordSchema;
    expect(after.include).toEqual([{ type: 'ref', name: 'A' }]);
  });
});

describe('PDL errors point at line and column with a caret', () => {
  const cases: [string, string, number, number, RegExp][] = [
    ['missing colon', 'record R {\n  a int\n}', 2, 5, /expected ':'/],
    ['unterminated string', 'record R {\n  a: string = "abc\n}', 2, 15, /unterminated string/],
    ['unterminated doc comment', 'namespace n\n/** doc\nrecord R {}', 2, 1, /unterminated comment/],
    ['bad character', 'record R {\n  a: int;\n}', 2, 9, /unexpected character ';'/],
    ['end of input', 'record R {\n  a: int\n', 3, 1, /end of input/],
    ['dash in a name', 'record R {\n  a-b: int\n}', 2, 3, /illegal '-'/],
    ['map key not string', 'record R { m: map[int, int] }', 1, 19, /map key/],
    ['conflicting property', '@a = 1\n@a.b = 2\nrecord R {}', 2, 1, /conflicting property: a.b/],
    ['duplicate property', '@a = 1\n@a = 2\nrecord R {}', 2, 1, /already defined: a/],
    [
      'doc on a reference',
      'record R { a: /** d */ int }',
      1,
      15,
      /not allowed on a type reference/,
    ],
    ['mixed union aliases', 'typeref U = union[a: int, string]', 1, 13, /all aliased or none/],
    [
      'long out of range',
      'record R { a: long = 9223372036854775808 }',
      1,
      22,
      /not a valid int, long/,
    ],
    ['reference as document', 'com.x.Foo', 1, 1, /must declare a type/],
    ['text after the declaration', 'record R {} record S {}', 1, 13, /after the type declaration/],
    ['duplicate field', 'record R { a: int, a: long }', 1, 20, /defined twice/],
    ['import from own namespace', 'namespace n\nimport n.X\nrecord R {}', 2, 8, /root namespace/],
  ];

  it.each(cases)('%s', (_name, source, line, column, message) => {
    const error = thrown(() => parsePdl(source), RestliSourceSyntaxError);
    expect(error.code).toBe('INVALID_PDL');
    expect(error.reason).toMatch(message);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.message).toContain(`at line ${line}, column ${column}`);
    // The excerpt is the offending line, with the caret under the column.
    const [, excerpt, caret] = error.message.split('\n');
    const text = source.split('\n')[line - 1]!;
    expect(excerpt).toBe(`  ${text}`);
    expect(caret).toBe(`  ${' '.repeat(column - 1)}^`);
  });

  it('refuses nesting beyond the limit before the parser recurses', () => {
    const deep = `typeref T = ${'array['.repeat(5000)}int${']'.repeat(5000)}`;
    expect(thrown(() => parsePdl(deep), RestliSourceSyntaxError).code).toBe('DEPTH_EXCEEDED');
    const chain = `${'typeref T = '.repeat(20000)}int`;
    expect(thrown(() => parsePdl(chain), RestliSourceSyntaxError).code).toBe('DEPTH_EXCEEDED');
  });

  it('reads in linear time (n and 10n)', () => {
    const body = (n: number) =>
      `record R {\n${Array.from({ length: n }, (_, i) => `  /** d */ @p = [1, "x"] f${i}: array[map[string, int]]\n`).join('')}}`;
    expectLinear((n) => parsePdl(body(n)), 500, 50);
  });
});

describe('the printer knows the scanner’s keywords', () => {
  it('escapes exactly the words grammar/pdl-tokens.ts reads as keywords', async () => {
    const { KEYWORDS } = await import('../../grammar/pdl-tokens.ts');
    const { printPdl } = await import('../../src/schema/print-pdl.ts');
    for (const word of KEYWORDS.keys()) {
      const text = printPdl({
        type: 'fixed',
        name: word,
        namespace: 'n',
        fullName: `n.${word}`,
        size: 1,
      });
      expect(text).toContain(`fixed \`${word}\` 1`);
    }
    expect(
      printPdl({ type: 'fixed', name: 'records', namespace: 'n', fullName: 'n.records', size: 1 }),
    ).toContain('fixed records 1');
  });
});

describe('the printer writes defaults and properties with the one JSON writer', () => {
  it('escapes a lone surrogate (PDL is text) and keeps -0 and big doubles doubles', async () => {
    const { printPdl } = await import('../../src/schema/print-pdl.ts');
    const source =
      'namespace n\n@p = "x\\ud800" record R { s: string = "a\\udc00b", d: double = -0.0, e: double = 1.152921504606847e+18 }';
    const schema = parsePdl(source);
    const text = printPdl(schema);
    expect(text).toContain('"x\\uD800"');
    expect(text).toContain('"a\\uDC00b"');
    expect(parsePdl(text)).toEqual(schema);
    const fields = (schema as { fields: { default?: unknown }[] }).fields;
    expect(Object.is(fields[1]!.default, -0)).toBe(true);
    expect(fields[2]!.default).toBe(2 ** 60);
  });
});
