import { describe, expect, test } from 'vitest';
import { RestliError } from '../../../src/errors.ts';
import {
  decodeQueryV1,
  decodeQueryV1Detailed,
  unflattenV1,
  unflattenV1Detailed,
} from '../../../src/wire/v1/unflatten.ts';
import { thrown } from '../../helpers/errors.ts';
import { expectLinear, mutationRun } from '../../helpers/linear.ts';
import { vectorsOf } from '../../helpers/vectors.ts';

/** Our code for each Java message of a v1 query parse. */
const CODES: [string, string][] = [
  ['Multiple values of complex', 'MULTIPLE_V1_COMPLEX_VALUES'],
  ['Multiple values of indexed', 'MULTIPLE_V1_INDEXED_VALUES'],
  ['Conflicting references', 'CONFLICTING_V1_KEY'],
  ['Duplicate references', 'DUPLICATE_V1_KEY'],
  ['Invalid Non-integer key index', 'INVALID_V1_INDEX'],
  ['URLDecoder:', 'MALFORMED_ESCAPE'],
];

describe('parse-v1 vectors: a raw v1 query read as a Java v1 server does (e.4)', () => {
  test.each(vectorsOf('parse-v1').map((v) => [v.input as string, v.expected] as const))(
    '%s',
    (query, expected) => {
      expect(decodeQueryV1(query)).toEqual(expected);
    },
  );
});

describe('parse-v1-error vectors: Java message, our code and the offset', () => {
  test.each(
    vectorsOf('parse-v1-error').map(
      (v) => [v.input as string, v.expected as { error: string; errorType: string }] as const,
    ),
  )('%s', (query, { error: message, errorType }) => {
    const error = thrown(() => decodeQueryV1(query));
    if (errorType === 'NullPointerException') {
      // The Java server crashes on an empty segment; we report a syntax error instead.
      expect(error.code).toBe('EMPTY_V1_SEGMENT');
      return;
    }
    expect(error.reason).toBe(message);
    expect(error.code).toBe(CODES.find(([text]) => message.includes(text))?.[1]);
    expect(error.message).toContain(message);
  });

  test.each([
    // The second occurrence of the repeated name.
    ['a[0]=x&a[0]=y', 'MULTIPLE_V1_INDEXED_VALUES', 7],
    ['q=1&a.b=1&a.b=2', 'MULTIPLE_V1_COMPLEX_VALUES', 10],
    // The segment being read when the conflict shows.
    ['a=1&a.b=2', 'CONFLICTING_V1_KEY', 4],
    ['a[0]=1&a.b=2', 'CONFLICTING_V1_KEY', 0],
    ['a[0].b=1&a[0]=2', 'DUPLICATE_V1_KEY', 9],
    ['x.a[01]=x&x.a[1]=y', 'DUPLICATE_V1_KEY', 12],
    ['.a=1', 'EMPTY_V1_SEGMENT', 0],
    ['z=0&a..b=1', 'EMPTY_V1_SEGMENT', 6],
    // Into the raw (still encoded) query, not the decoded name.
    ['q=1&a.b[x]=1', 'INVALID_V1_INDEX', 8],
    ['q=1&%61%2Eb%5Bx%5D=1', 'INVALID_V1_INDEX', 14],
    ['q=1&%C3%A9.b%5B-1%5D=1', 'NEGATIVE_V1_INDEX', 15],
    ['q=1&a.~zz=1', 'INVALID_V1_NAME_ESCAPE', 6],
    ['q=1&a.b]=1', 'MISSING_V1_BRACKET', 7],
    ['q=1&a.[0]=1', 'MISSING_V1_NAME', 6],
    ['a=1&b=%zz', 'MALFORMED_ESCAPE', 7],
    ['a=1&b%4=1', 'MALFORMED_ESCAPE', 5],
    ['a=1&b=%E9', 'INVALID_UTF8', 6],
  ])('%s is %s at %d', (query, code, offset) => {
    const error = thrown(() => decodeQueryV1(query));
    expect(error.code).toBe(code);
    expect(error.offset).toBe(offset);
    expect(error.input).toBe(query);
  });
});

describe('reading a v1 query (e.4)', () => {
  test.each([
    ['', {}],
    ['&&', {}],
    ['a=1=2', { a: '1=2' }],
    ['=x&=y', {}],
    ['=%zz&a', { a: '' }],
    ['a.b.c=1&a.b.d=2&a.e[1]=y&a.e[0]=x', { a: { b: { c: '1', d: '2' }, e: ['x', 'y'] } }],
    ['a[0][1]=x', { a: { '[0]': undefined } }],
    ['a.b...=1', { a: { b: '1' } }],
    ['a.b=1&a.c=2&a.c=3', { a: { b: '1' }, 'a.c': undefined }],
    ['ids[2]=c&ids[10]=d&ids[0]=a', { ids: ['a', 'c', 'd'] }],
    ['a~2Eb=1&a%7E2Eb=2', { 'a~2Eb': ['1', '2'] }],
    ['x=%F0%9F%98%9B+%E4%BA%80', { x: '😛 亀' }],
    ['fields=a,b:(c,-d)&metadataFields=x%2Cy', { fields: 'a,b:(c,-d)', metadataFields: 'x,y' }],
  ])('%s', (query, expected) => {
    if (query === 'a[0][1]=x') {
      // `a[0]` is a key name here: a trailing [n] is the only index of a segment.
      expect(decodeQueryV1(query)).toEqual({ 'a[0]': ['x'] });
    } else if (query === 'a.b=1&a.c=2&a.c=3') {
      // e.4: several values under a dotted name; the error points at its second occurrence.
      const e = thrown(() => decodeQueryV1(query));
      expect([e.code, e.offset]).toEqual(['MULTIPLE_V1_COMPLEX_VALUES', 12]);
    } else {
      expect(decodeQueryV1(query)).toEqual(expected);
    }
  });

  test('a name seen once with several values is a list in order of appearance', () => {
    expect(decodeQueryV1('b=2&a=1&b=1&b=3')).toEqual({ a: '1', b: ['2', '1', '3'] });
  });

  test('names are read in Java HashMap order, which decides between conflicting names', () => {
    // `a.b` comes first in the HashMap, whatever the order in the query.
    for (const query of ['a[0]=1&a.b=2', 'a.b=2&a[0]=1']) {
      expect(thrown(() => decodeQueryV1(query)).reason).toBe('Conflicting references to key: a[0]');
    }
    for (const query of ['a=1&a.b=2', 'a.b=2&a=1']) {
      expect(thrown(() => decodeQueryV1(query)).reason).toBe('Conflicting references to key a');
    }
    expect(thrown(() => decodeQueryV1('a[0]=2&a[0].b=1')).reason).toBe(
      'Duplicate references to key: a',
    );
    expect(thrown(() => decodeQueryV1('a.b=1&a.b.c=2')).reason).toBe(
      'Conflicting references to key b',
    );
    expect(thrown(() => decodeQueryV1('a=1&~61=2')).reason).toBe('Duplicate references to key: a');
  });

  test('a repeated name never silently replaces what a dotted name built', () => {
    expect(thrown(() => decodeQueryV1('a.b=1&a=1&a=2')).code).toBe('CONFLICTING_V1_KEY');
  });

  test('invalid UTF-8 is replaced only when asked', () => {
    expect(decodeQueryV1('a%E9=%E9', { invalidUtf8: 'replace' })).toEqual({ 'a\ufffd': '\ufffd' });
  });

  test('keys are own properties; nothing reaches Object.prototype', () => {
    const params = decodeQueryV1(
      '__proto__.polluted=1&constructor.prototype.polluted=2&a.__proto__=3&b=1&b=2',
    );
    expect(Object.keys(params).sort()).toEqual(['__proto__', 'a', 'b', 'constructor']);
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(params, '__proto__')?.value).toEqual({ polluted: '1' });
    expect(Object.getOwnPropertyDescriptor(params.a as object, '__proto__')?.value).toBe('3');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const list = decodeQueryV1('__proto__[0]=x&__proto__[1]=y');
    expect(Object.getOwnPropertyDescriptor(list, '__proto__')?.value).toEqual(['x', 'y']);
    expect(decodeQueryV1('__proto__=1&__proto__=2')).toEqual(JSON.parse('{"__proto__":["1","2"]}'));
  });
});

describe('which leaves v1 cannot tell from one-element lists', () => {
  test.each([
    ['ids=1', ['ids']],
    ['ids=1&ids=2', []],
    ['a.b[0].c=1&a.b[0].d=2&q=s', ['a.b[0].c', 'a.b[0].d', 'q']],
    ['ids[4]=x&ids[9]=y', ['ids[0]', 'ids[1]']],
    ['a~2Eb.c~5B=1', ['a~2Eb.c~5B']],
    ['e', ['e']],
  ])('%s: %j', (query, paths) => {
    expect(decodeQueryV1Detailed(query).singleValued).toEqual(paths);
  });

  test('the params are the ones decodeQueryV1 returns', () => {
    const query = 'a.b[0].c=1&ids=1&ids=2';
    const params = { a: { b: [{ c: '1' }] }, ids: ['1', '2'] };
    expect(decodeQueryV1Detailed(query).params).toEqual(params);
    expect(decodeQueryV1(query)).toEqual(params);
  });
});

describe('unflattening decoded names (v1 complex keys, d.3)', () => {
  test('a complex key with $params', () => {
    const multimap = new Map([
      ['$params.id', ['10']],
      ['id', ['1']],
      ['message', ['KeyMessage']],
      ['list', ['1']],
    ]);
    expect(unflattenV1Detailed(multimap)).toEqual({
      params: { $params: { id: '10' }, id: '1', message: 'KeyMessage', list: '1' },
      singleValued: ['$params.id', 'id', 'list', 'message'],
    });
  });

  test('names are taken as they are, not form-decoded again', () => {
    expect(unflattenV1(new Map([['a+b%20', ['x+y']]]))).toEqual({ 'a+b%20': 'x+y' });
  });

  test('a name without values is skipped; errors point into the name', () => {
    expect(unflattenV1(new Map([['a', []]]))).toEqual({});
    const error = thrown(() => unflattenV1(new Map([['ab.c[x]', ['1']]])));
    expect(error.code).toBe('INVALID_V1_INDEX');
    expect(error.input).toBe('ab.c[x]');
    expect(error.offset).toBe(5);
  });
});

describe('limits', () => {
  test('a depth bomb fails fast with DEPTH_EXCEEDED', () => {
    for (const piece of ['a.', 'a[0].']) {
      const bomb = (n: number) =>
        expect(thrown(() => decodeQueryV1(`${piece.repeat(n)}b=1`)).code).toBe('DEPTH_EXCEEDED');
      bomb(1e6);
      expectLinear(bomb, 10_000);
    }
  });

  test('maxDepth counts the lists and maps a name nests', () => {
    expect(decodeQueryV1('a.b.c=1', { maxDepth: 2 })).toEqual({ a: { b: { c: '1' } } });
    expect(thrown(() => decodeQueryV1('a.b.c.d=1', { maxDepth: 2 })).code).toBe('DEPTH_EXCEEDED');
    expect(decodeQueryV1('a[0].b[0]=1', { maxDepth: 3 })).toEqual({ a: [{ b: ['1'] }] });
    expect(thrown(() => decodeQueryV1('a[0].b[0]=1', { maxDepth: 2 })).code).toBe('DEPTH_EXCEEDED');
    expect(decodeQueryV1(`${'a.'.repeat(256)}b=1`)).toBeTypeOf('object');
    expect(thrown(() => decodeQueryV1(`${'a.'.repeat(257)}b=1`)).code).toBe('DEPTH_EXCEEDED');
  });

  test('trailing dots do not count', () => {
    expect(decodeQueryV1(`a${'.'.repeat(1e5)}=1`)).toEqual({ a: '1' });
    expect(thrown(() => decodeQueryV1('...=1')).code).toBe('EMPTY_V1_SEGMENT');
  });

  test('a raised maxDepth builds deep results without recursion', () => {
    const params = decodeQueryV1(`${'a.'.repeat(1e5)}b=1`, { maxDepth: 1e6 });
    let level: unknown = params;
    for (let i = 0; i < 1e5; i++) level = (level as Record<string, unknown>).a;
    expect(level).toEqual({ b: '1' });
  });

  test('maxLength', () => {
    expect(thrown(() => decodeQueryV1('a=12345', { maxLength: 6 })).code).toBe(
      'MAX_LENGTH_EXCEEDED',
    );
  });

  test.skipIf(mutationRun)('many names read in linear time', () => {
    const read = (n: number) => {
      const query = Array.from({ length: n }, (_, i) => `p${i}.x[${i % 7}]=${i}`).join('&');
      expect(Object.keys(decodeQueryV1(query))).toHaveLength(n);
    };
    expectLinear(read, 10_000);
  });

  test('errors are RestliErrors with a caret excerpt', () => {
    const error = thrown(() => decodeQueryV1(`${'x=1&'.repeat(100)}a[-1]=2`));
    expect(error).toBeInstanceOf(RestliError);
    expect(error.message).toMatch(/Negative integer key index not allowed: a\[-1\]\n.*\n *\^$/);
  });
});
