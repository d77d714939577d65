import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { encode } from '../../src/codec/encode.ts';
import { RestliError } from '../../src/errors.ts';
import {
  formatUrn,
  isUrn,
  parseUrn,
  type Urn,
  type UrnMember,
  type UrnTuple,
} from '../../src/wire/urn.ts';
import { trickyString } from '../helpers/arbitraries.ts';
import { thrown } from '../helpers/errors.ts';
import { expectLinear, mutationRun, runs } from '../helpers/linear.ts';

const person: Urn = { namespace: 'li', entityType: 'person', id: '2qXA98-mVk' };

describe('parseUrn and formatUrn', () => {
  test.each([
    ['urn:li:person:123', { namespace: 'li', entityType: 'person', id: '123' }],
    [
      'urn:li:endorsement:(urn:li:person:2qXA98-mVk,65761962366)',
      { namespace: 'li', entityType: 'endorsement', id: [person, '65761962366'] },
    ],
    [
      'urn:li:x:((a,b),urn:li:y:(1,2))',
      {
        namespace: 'li',
        entityType: 'x',
        id: [['a', 'b'], { namespace: 'li', entityType: 'y', id: ['1', '2'] }],
      },
    ],
    [
      'urn:li:x:(a%2Cb,%28c%29,100%25)',
      { namespace: 'li', entityType: 'x', id: ['a,b', '(c)', '100%'] },
    ],
    ['urn:li:x:(urn%3Ali:y)', { namespace: 'li', entityType: 'x', id: ['urn:li:y'] }],
    ['urn:li:organization:12345', { namespace: 'li', entityType: 'organization', id: '12345' }],
  ] as const)('%s', (text, urn) => {
    expect(parseUrn(text)).toEqual(urn);
    expect(formatUrn(urn as Urn)).toBe(text);
    expect(isUrn(text)).toBe(true);
  });

  test.each([
    ['urn:li:person', 'INVALID_URN'],
    ['urn:li:person:', 'INVALID_URN'],
    ['urn::person:1', 'INVALID_URN'],
    ['urn:li::1', 'INVALID_URN'],
    ['urx:li:person:1', 'INVALID_URN'],
    ['urn:li:x:(a,b', 'UNBALANCED_URN'],
    ['urn:li:x:(a,,b)', 'INVALID_URN'],
    ['urn:li:x:(a)b', 'INVALID_URN'],
    ['urn:li:x:a)b', 'UNBALANCED_URN'],
    ['urn:li:x:(a%zz)', 'MALFORMED_ESCAPE'],
    ['urn:l%41:x:1', 'INVALID_URN'],
    ['urn:li:x(:1', 'INVALID_URN'],
    ['urn:li:x:()', 'INVALID_URN'],
    ['urn:li:x:(a,(b)', 'UNBALANCED_URN'],
    ['urn:li:x:(urn:li:y)', 'INVALID_URN'],
    ['urn:li:x:(a(b)', 'UNBALANCED_URN'],
    ['urn:li:x:((a)b,c)', 'INVALID_URN'],
    ['urn:li:x:(urn:li:y:(1)z)', 'INVALID_URN'],
    [`urn:li:x:${'('.repeat(100_000)}`, 'DEPTH_EXCEEDED'],
  ])('%# is %s', (text, code) => {
    expect(() => parseUrn(text)).toThrowError(expect.objectContaining({ code }));
    expect(isUrn(text)).toBe(false);
  });

  test('errors point into the text', () => {
    const e = thrown(() => parseUrn('urn:li:x:(a,,b)'));
    expect(e.offset).toBe(12);
    expect(e.message).toContain('^');
    expect(thrown(() => parseUrn('urn:li:x:1', { maxLength: 5 })).code).toBe('MAX_LENGTH_EXCEEDED');
    expect(thrown(() => parseUrn('urn:li:x:((1))', { maxDepth: 1 })).code).toBe('DEPTH_EXCEEDED');
    expect(parseUrn('urn:li:x:((1))', { maxDepth: 2 }).id).toEqual([['1']]);
  });

  test.skipIf(mutationRun)('deep and long URNs: linear, and never a stack overflow', () => {
    const n = 500_000;
    const deep = `urn:li:x:${'('.repeat(n)}1${')'.repeat(n)}`;
    expect(thrown(() => parseUrn(deep, { maxDepth: 2 * n })).code).toBe('DEPTH_EXCEEDED');
    const wide = (m: number) => {
      let id = parseUrn(`urn:li:x:${'('.repeat(256)}${'b,'.repeat(m)}b${')'.repeat(256)}`).id;
      for (let i = 1; i < 256; i++) id = (id as UrnTuple)[0] as UrnTuple;
      expect(id).toHaveLength(m + 1);
    };
    wide(n);
    expectLinear(wide, 20_000);
  });

  test('a URN is an ordinary string to Rest.li', () => {
    expect(
      encode('urn:li:endorsement:(urn:li:person:2qXA98-mVk,65761962366)', { context: 'path' }),
    ).toBe('urn%3Ali%3Aendorsement%3A%28urn%3Ali%3Aperson%3A2qXA98-mVk%2C65761962366%29');
    expect(encode(['urn:li:organization:12345'])).toBe('List(urn%3Ali%3Aorganization%3A12345)');
  });

  test('formatUrn rejects what the syntax cannot hold', () => {
    for (const urn of [
      { namespace: '', entityType: 'x', id: '1' },
      { namespace: 'a:b', entityType: 'x', id: '1' },
      { namespace: 'li', entityType: 'x', id: '' },
      { namespace: 'li', entityType: 'x', id: [] },
      { namespace: 'li', entityType: 'x', id: ['a', ''] },
    ]) {
      expect(() => formatUrn(urn as Urn)).toThrowError(
        expect.objectContaining({ code: 'INVALID_URN' }),
      );
    }
  });
});

describe('round trips', () => {
  const name = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_-]{0,8}$/);
  const plain = trickyString.filter((s) => s !== '');
  const urn: fc.Arbitrary<Urn> = fc.letrec<{ urn: Urn; member: UrnMember; tuple: UrnMember[] }>(
    (tie) => ({
      urn: fc.record({
        namespace: name,
        entityType: name,
        id: fc.oneof({ depthSize: 'small' }, plain, tie('tuple')),
      }) as fc.Arbitrary<Urn>,
      member: fc.oneof({ depthSize: 'small' }, plain, tie('urn'), tie('tuple')),
      tuple: fc.array(tie('member'), { minLength: 1, maxLength: 3 }),
    }),
  ).urn;

  prop.prop([urn], { numRuns: runs(500) })('parseUrn(formatUrn(u)) is u', (u) => {
    expect(parseUrn(formatUrn(u))).toEqual(u);
  });

  prop.prop([urn], { numRuns: runs(300) })(
    'formatUrn(parseUrn(s)) is s for every formatted s',
    (u) => {
      const s = formatUrn(u);
      expect(formatUrn(parseUrn(s))).toBe(s);
    },
  );

  prop.prop([fc.array(trickyString, { maxLength: 5 }).map((s) => `urn:li:x:${s.join('')}`)], {
    numRuns: runs(2000),
  })('parseUrn throws only RestliError', (s) => {
    try {
      parseUrn(s);
    } catch (error) {
      expect(error).toBeInstanceOf(RestliError);
    }
  });
});
