import { describe, expect, test } from 'vitest';
import { RestliEncodeError, type RestliError, RestliPatchError } from '../../src/errors.ts';
import {
  applyPatch,
  createPatch,
  escapeField,
  type PatchRecord,
  type PatchTree,
  unescapeField,
} from '../../src/http/patch.ts';

function thrown(f: () => unknown): RestliError {
  try {
    f();
  } catch (error) {
    return error as RestliError;
  }
  return expect.unreachable('no error');
}

/** A record with an own `__proto__` field, as JSON.parse builds it. */
function withProto(rest: object, proto: unknown): PatchRecord {
  const record = { ...rest };
  Object.defineProperty(record, '__proto__', { value: proto, enumerable: true });
  return JSON.parse(JSON.stringify(record));
}

/** `{ d: { d: … { leaf: 1 } } }`, `depth` levels deep. */
function nested(depth: number): PatchRecord {
  let record: PatchRecord = { leaf: 1 };
  for (let i = 0; i < depth; i++) record = { d: record };
  return record;
}

const localized = (text: string) => ({
  localized: { en_US: text },
  preferredLocale: { country: 'US', language: 'en' },
});

/** The entity of LinkedIn's "Certifications" page. */
const certification = {
  authority: localized('LinkedIn'),
  company: 'urn:li:organization:12345',
  endMonthYear: { month: 1, year: 2005 },
  licenseNumber: localized('123'),
  name: localized('Certified Engineer'),
  startMonthYear: { month: 1, year: 2003 },
  url: 'www.certification.linkedin.com/engineer',
};

describe('the "Certifications" page of the LinkedIn docs', () => {
  const setNameAndUrl = {
    patch: {
      $set: {
        name: {
          localized: { en_US: 'Certified LinkedIn Engineer' },
          preferredLocale: { country: 'US', language: 'en' },
        },
        url: 'www.certification.linkedin.com/professional-engineer',
      },
    },
  };
  const deleteTwo = { patch: { $delete: ['field1', 'field2'] } };

  test('applying the $set of name and url', () => {
    expect(applyPatch(certification, setNameAndUrl)).toEqual({
      ...certification,
      name: setNameAndUrl.patch.$set.name,
      url: setNameAndUrl.patch.$set.url,
    });
  });

  test('applying $delete: ["field1", "field2"]', () => {
    const before = { ...certification, field1: 'a', field2: { x: 1 } };
    expect(applyPatch(before, deleteTwo)).toEqual(certification);
  });

  test('createPatch writes the $delete of the page', () => {
    const before = { ...certification, field2: { x: 1 }, field1: 'a' };
    expect(createPatch(before, certification)).toEqual(deleteTwo);
    expect(JSON.stringify(createPatch(before, certification))).toBe(
      '{"patch":{"$delete":["field1","field2"]}}',
    );
  });

  test('createPatch of a changed name writes a nested patch, a new url a $set', () => {
    const after = {
      ...certification,
      name: setNameAndUrl.patch.$set.name,
      url: setNameAndUrl.patch.$set.url,
    };
    expect(JSON.stringify(createPatch(certification, after))).toBe(
      JSON.stringify({
        patch: {
          $set: { url: 'www.certification.linkedin.com/professional-engineer' },
          name: { localized: { $set: { en_US: 'Certified LinkedIn Engineer' } } },
        },
      }),
    );
    // Both forms apply to the same result.
    expect(applyPatch(certification, createPatch(certification, after))).toEqual(after);
    expect(applyPatch(certification, setNameAndUrl)).toEqual(after);
  });
});

describe('createPatch', () => {
  test.each<[string, PatchRecord, PatchRecord, PatchTree]>([
    ['no change', { a: 1, b: { c: [1, { d: 'x' }] } }, { a: 1, b: { c: [1, { d: 'x' }] } }, {}],
    ['empty records', {}, {}, {}],
    ['a new field', {}, { a: 'x' }, { $set: { a: 'x' } }],
    ['a changed leaf', { a: 1 }, { a: 2 }, { $set: { a: 2 } }],
    ['a type change', { a: 1 }, { a: '1' }, { $set: { a: '1' } }],
    ['a removed field', { a: 1, b: 2 }, { b: 2 }, { $delete: ['a'] }],
    ['"" is a value', { a: 'x' }, { a: '' }, { $set: { a: '' } }],
    ['"" to a value', { a: '' }, { a: 'x' }, { $set: { a: 'x' } }],
    [
      'undefined is absent',
      { a: 1, b: undefined },
      { a: undefined, b: 2 },
      {
        $delete: ['a'],
        $set: { b: 2 },
      },
    ],
    ['null is a value', { a: 1 }, { a: null }, { $set: { a: null } }],
    ['false and 0 are values', { a: true, b: 1 }, { a: false, b: 0 }, { $set: { a: false, b: 0 } }],
    ['0 and -0 differ', { a: 0 }, { a: -0 }, { $set: { a: -0 } }],
    ['NaN is itself', { a: Number.NaN }, { a: Number.NaN }, {}],
    ['bigints', { a: 1n }, { a: 2n }, { $set: { a: 2n } }],
    ['a list is replaced whole', { a: [1, 2, 3] }, { a: [1, 2] }, { $set: { a: [1, 2] } }],
    ['list order matters', { a: [1, 2] }, { a: [2, 1] }, { $set: { a: [2, 1] } }],
    ['records in equal lists', { a: [{ x: 1, y: undefined }] }, { a: [{ x: 1 }] }, {}],
    ['records in lists differ', { a: [{ x: 1 }] }, { a: [{ x: 2 }] }, { $set: { a: [{ x: 2 }] } }],
    ['a record to a leaf', { a: { b: 1 } }, { a: 'b' }, { $set: { a: 'b' } }],
    ['a leaf to a record', { a: 'b' }, { a: { b: 1 } }, { $set: { a: { b: 1 } } }],
    ['a list to a record', { a: [] }, { a: {} }, { $set: { a: {} } }],
    ['a nested change', { a: { b: 1, c: 2 } }, { a: { b: 1, c: 3 } }, { a: { $set: { c: 3 } } }],
    ['a nested removal', { a: { b: 1, c: 2 } }, { a: { b: 1 } }, { a: { $delete: ['c'] } }],
    ['a record emptied', { a: { b: 1 } }, { a: {} }, { a: { $delete: ['b'] } }],
    ['a new empty record', {}, { a: {} }, { $set: { a: {} } }],
    [
      'deep nesting',
      { a: { b: { c: { d: 1 } } } },
      { a: { b: { c: { d: 2 } } } },
      {
        a: { b: { c: { $set: { d: 2 } } } },
      },
    ],
    [
      '$ in a nested field name is doubled',
      { $x: { y: 1 } },
      { $x: { y: 2 } },
      {
        $$x: { $set: { y: 2 } },
      },
    ],
    [
      'every $ is doubled',
      { a$b$: { y: 1 } },
      { a$b$: { y: 2 } },
      {
        a$$b$$: { $set: { y: 2 } },
      },
    ],
    [
      'fields named like directives',
      { $set: { y: 1 }, $delete: 1 },
      { $set: { y: 2 } },
      {
        $$set: { $set: { y: 2 } },
        $delete: ['$delete'],
      },
    ],
    [
      '$ stays literal in $set and $delete',
      { $a: 1, $b: 2 },
      { $a: 3 },
      {
        $delete: ['$b'],
        $set: { $a: 3 },
      },
    ],
  ])('%s', (_name, before, after, tree) => {
    expect(createPatch(before, after)).toEqual({ patch: tree });
    // toEqual treats undefined fields as absent, as patches do.
    expect(applyPatch(before, createPatch(before, after))).toEqual(after);
  });

  test('keys sorted everywhere (UTF-16 code units), $delete sorted, insertion order ignored', () => {
    const before = { z: 1, y: 2, a: { c: 1, b: 1 }, é: 1, B: 1 };
    const after = { n: { q: 1, p: [{ z: 1, a: 2 }] }, a: { c: 2, b: 2 }, m: 1 };
    expect(JSON.stringify(createPatch(before, after))).toBe(
      '{"patch":{"$delete":["B","y","z","é"],"$set":{"m":1,"n":{"p":[{"a":2,"z":1}],"q":1}},' +
        '"a":{"$set":{"b":2,"c":2}}}}',
    );
  });

  test('the patch shares nothing with after, and neither input changes', () => {
    const before = { a: { b: 1 } };
    const after = { a: { b: 2 }, c: { d: [1] } };
    const frozen = structuredClone({ before, after });
    const { patch } = createPatch(before, after);
    expect((patch.$set as { c: unknown }).c).not.toBe(after.c);
    expect({ before, after }).toEqual(frozen);
  });

  test('__proto__, constructor and toString are ordinary fields', () => {
    const before = withProto({ constructor: 1 }, { polluted: 1 });
    const after = withProto({ toString: 'x' }, { polluted: 2 });
    const { patch } = createPatch(before, after);
    expect(Object.keys(patch)).toEqual(['$delete', '$set', '__proto__']);
    expect(patch.$delete).toEqual(['constructor']);
    expect(Object.keys(patch.$set!)).toEqual(['toString']);
    expect(Object.hasOwn(patch, '__proto__')).toBe(true);
    expect(JSON.stringify(patch)).toBe(
      '{"$delete":["constructor"],"$set":{"toString":"x"},"__proto__":{"$set":{"polluted":2}}}',
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    // A field missing on one side never reads Object.prototype's.
    expect(createPatch({}, { constructor: 'c' })).toEqual({
      patch: { $set: { constructor: 'c' } },
    });
    expect(createPatch({ toString: 1 }, {})).toEqual({ patch: { $delete: ['toString'] } });
    const newProto = createPatch({}, withProto({}, { a: 1 })).patch.$set!;
    expect(Object.hasOwn(newProto, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(newProto)).toBe(Object.prototype);
  });

  test('records without a prototype are records', () => {
    const before = Object.assign(Object.create(null), { a: 1 });
    expect(createPatch(before, { a: 2 })).toEqual({ patch: { $set: { a: 2 } } });
  });

  test.each<[string, unknown, unknown, string, string]>([
    ['before not a record', [1], {}, 'UNSUPPORTED_VALUE', '$'],
    ['after not a record', {}, 'x', 'UNSUPPORTED_VALUE', '$'],
    ['after null', {}, null, 'UNSUPPORTED_VALUE', '$'],
    ['a class instance', {}, { a: { b: new Date(0) } }, 'UNSUPPORTED_VALUE', '$.a.b'],
    ['a function', {}, { a: [() => 1] }, 'UNSUPPORTED_VALUE', '$.a[0]'],
    ['a symbol', { 'a b': 1 }, { 'a b': Symbol('s') }, 'UNSUPPORTED_VALUE', '$["a b"]'],
    ['undefined in a list', {}, { a: [undefined] }, 'UNSUPPORTED_VALUE', '$.a[0]'],
  ])('%s: %s at %s', (_name, before, after, code, path) => {
    const e = thrown(() => createPatch(before as PatchRecord, after as PatchRecord));
    expect(e).toBeInstanceOf(RestliEncodeError);
    expect(e.code).toBe(code);
    expect((e as RestliEncodeError).path).toBe(path);
  });

  test('cycles and deep nesting are errors, not stack overflows', () => {
    const cyclic: Record<string, unknown> = { x: 1 };
    cyclic.self = cyclic;
    expect(thrown(() => createPatch({}, { a: cyclic } as PatchRecord)).code).toBe('CIRCULAR_VALUE');
    const otherCycle: Record<string, unknown> = { x: 1 };
    otherCycle.self = otherCycle;
    // Two distinct cycles compared field by field: stopped by the depth limit.
    const e = thrown(() =>
      createPatch({ a: [cyclic] } as PatchRecord, { a: [otherCycle] } as PatchRecord),
    );
    expect(e.code).toBe('DEPTH_EXCEEDED');
    expect(thrown(() => createPatch({}, nested(100_000))).code).toBe('DEPTH_EXCEEDED');
    expect(thrown(() => createPatch(nested(100_000), nested(100_000))).code).toBe('DEPTH_EXCEEDED');
    expect(thrown(() => createPatch({ a: [nested(300)] }, { a: [nested(300)] })).code).toBe(
      'DEPTH_EXCEEDED',
    );
    // The same object on both sides is unchanged, however deep: it is not walked.
    const shared = nested(100_000);
    expect(createPatch({ a: shared, b: 1 }, { a: shared, b: 2 })).toEqual({
      patch: { $set: { b: 2 } },
    });
    // maxDepth counts records and lists, the outer record included, as encode does.
    expect(thrown(() => createPatch({}, { a: { b: 1 } }, { maxDepth: 1 })).code).toBe(
      'DEPTH_EXCEEDED',
    );
    expect(createPatch({}, { a: { b: 1 } }, { maxDepth: 2 })).toEqual({
      patch: { $set: { a: { b: 1 } } },
    });
  });
});

describe('applyPatch', () => {
  test.each<[string, PatchRecord, unknown, PatchRecord]>([
    ['the bare tree', { a: 1 }, { $set: { a: 2 } }, { a: 2 }],
    ['the request body', { a: 1 }, { patch: { $set: { a: 2 } } }, { a: 2 }],
    ['an empty patch', { a: 1 }, { patch: {} }, { a: 1 }],
    ['an empty bare tree', { a: 1 }, {}, { a: 1 }],
    ['empty $set and $delete', { a: 1 }, { $set: {}, $delete: [] }, { a: 1 }],
    ['deleting a missing field', { a: 1 }, { $delete: ['b', 'b'] }, { a: 1 }],
    ['setting a new field', {}, { $set: { a: [1, { b: '' }] } }, { a: [1, { b: '' }] }],
    ['undefined in $set is absent', { a: 1 }, { $set: { a: undefined } }, { a: 1 }],
    [
      'undefined directives are absent',
      { a: 1 },
      { $set: undefined, $delete: undefined },
      {
        a: 1,
      },
    ],
    ['undefined fields of value are absent', { a: undefined, b: 1 }, {}, { b: 1 }],
    [
      'a nested patch',
      { a: { b: 1, c: 2 } },
      { a: { $set: { b: 3 }, $delete: ['c'] } },
      {
        a: { b: 3 },
      },
    ],
    [
      'a nested patch creates a missing record',
      {},
      { a: { b: { $set: { c: 1 } } } },
      {
        a: { b: { c: 1 } },
      },
    ],
    ['but not an empty one', { x: 1 }, { a: { $delete: ['c'] }, b: {} }, { x: 1 }],
    ['an emptied record stays', { a: { c: 1 } }, { a: { $delete: ['c'] } }, { a: {} }],
    [
      '$$ in a nested key is one $',
      { $x: { y: 1 } },
      { $$x: { $set: { y: 2 } } },
      {
        $x: { y: 2 },
      },
    ],
    [
      'a lone $ is kept (lenient)',
      { a$b: { y: 1 } },
      { a$b: { $set: { y: 2 } } },
      {
        a$b: { y: 2 },
      },
    ],
    [
      'fields named like directives',
      { $set: { y: 1 }, $delete: 1 },
      {
        $$set: { $set: { y: 2 } },
        $delete: ['$delete'],
      },
      { $set: { y: 2 } },
    ],
    [
      'a field named patch, wrapped',
      { patch: { a: 1 } },
      { patch: { patch: { $set: { a: 2 } } } },
      {
        patch: { a: 2 },
      },
    ],
    [
      'a field named patch beside another change',
      { patch: { a: 1 } },
      {
        patch: { $set: { a: 2 } },
        $delete: ['x'],
      },
      { patch: { a: 2 } },
    ],
  ])('%s', (_name, value, patch, expected) => {
    expect(applyPatch(value, patch as PatchTree)).toEqual(expected);
  });

  test('a bare tree holding only a nested patch of `patch` is read as the request body', () => {
    expect(applyPatch({ patch: { a: 1 } }, { patch: { $set: { a: 2 } } })).toEqual({
      a: 2,
      patch: { a: 1 },
    });
  });

  test('neither argument changes; untouched subtrees are shared, set values copied', () => {
    const value = { a: { b: 1 }, keep: { deep: [1] }, gone: 1 };
    const patch = { patch: { a: { $set: { c: { d: 1 } } }, $delete: ['gone'] } };
    const snapshot = structuredClone({ value, patch });
    const result = applyPatch(value, patch);
    expect(result).toEqual({ a: { b: 1, c: { d: 1 } }, keep: { deep: [1] } });
    expect({ value, patch }).toEqual(snapshot);
    expect(result.keep).toBe(value.keep);
    expect((result.a as { c: unknown }).c).not.toBe(patch.patch.a.$set.c);
  });

  test('__proto__ is an ordinary field: no prototype pollution', () => {
    const patch = JSON.parse(
      '{"patch":{"$set":{"a":{"__proto__":{"polluted":2}}},' +
        '"__proto__":{"$set":{"polluted":3}},"constructor":{"$set":{"prototype":1}}}}',
    );
    const result = applyPatch(withProto({}, { x: 1 }), patch);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(JSON.stringify(result)).toBe(
      '{"__proto__":{"x":1,"polluted":3},"a":{"__proto__":{"polluted":2}},"constructor":{"prototype":1}}',
    );
    const set = applyPatch({}, JSON.parse('{"$set":{"__proto__":{"polluted":4}}}'));
    expect(Object.getPrototypeOf(set)).toBe(Object.prototype);
    expect(JSON.stringify(set)).toBe('{"__proto__":{"polluted":4}}');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    // A field absent from the value is never read from Object.prototype.
    expect(applyPatch({}, { toString: { $set: { a: 1 } } })).toEqual({ toString: { a: 1 } });
    expect(applyPatch({}, { $delete: ['toString'] })).toEqual({});
  });

  test.each<[string, unknown, unknown, string, string]>([
    ['a value that is not a record', 'x', { patch: {} }, 'INVALID_PATCH', '$.patch'],
    ['a list as the patch', {}, [], 'INVALID_PATCH', '$'],
    ['null as the patch', {}, null, 'INVALID_PATCH', '$'],
    ['$set a list', {}, { patch: { $set: [1] } }, 'INVALID_PATCH', '$.patch.$set'],
    ['$set a string', {}, { $set: 'a' }, 'INVALID_PATCH', '$.$set'],
    ['$set null', {}, { $set: null }, 'INVALID_PATCH', '$.$set'],
    ['$delete a string', {}, { $delete: 'a' }, 'INVALID_PATCH', '$.$delete'],
    ['$delete an object', {}, { $delete: { a: 1 } }, 'INVALID_PATCH', '$.$delete'],
    ['$delete holding a number', {}, { $delete: ['a', 1] }, 'INVALID_PATCH', '$.$delete[1]'],
    ['an unknown directive', {}, { $add: { a: 1 } }, 'INVALID_PATCH', '$.$add'],
    ['a directive-like $ key', {}, { a: { '$ b': {} } }, 'INVALID_PATCH', '$.a["$ b"]'],
    ['a nested patch on a leaf', { a: 1 }, { a: { $set: { b: 1 } } }, 'INVALID_PATCH', '$.a'],
    ['a nested patch on a list', { a: { b: [] } }, { a: { b: {} } }, 'INVALID_PATCH', '$.a.b'],
    ['a nested patch on null', { a: null }, { a: {} }, 'INVALID_PATCH', '$.a'],
    ['a nested tree not an object', {}, { a: 5 }, 'INVALID_PATCH', '$.a'],
    ['a nested tree a list', {}, { patch: { a: ['x'] } }, 'INVALID_PATCH', '$.patch.a'],
    ['set and deleted', { a: 1 }, { $set: { a: 2 }, $delete: ['a'] }, 'INVALID_PATCH', '$.$set'],
    ['set and patched', {}, { $set: { a: {} }, a: { $set: { b: 1 } } }, 'INVALID_PATCH', '$.a'],
    ['deleted and patched', {}, { $delete: ['a'], a: {} }, 'INVALID_PATCH', '$.a'],
    ['$-escape collision', {}, { a$b: {}, a$$b: {} }, 'INVALID_PATCH', '$.a$b'],
    ['a function in $set', {}, { $set: { a: { b: () => 1 } } }, 'UNSUPPORTED_VALUE', '$.$set.a.b'],
    ['a Map in $set', {}, { $set: { 'a.b': new Map() } }, 'UNSUPPORTED_VALUE', '$.$set["a.b"]'],
    [
      'undefined in a $set list',
      {},
      { $set: { a: [undefined] } },
      'UNSUPPORTED_VALUE',
      '$.$set.a[0]',
    ],
  ])('%s: %s at %s', (_name, value, patch, code, path) => {
    const e = thrown(() => applyPatch(value as PatchRecord, patch as PatchTree));
    expect(e).toBeInstanceOf(RestliPatchError);
    expect(e.code).toBe(code);
    expect((e as RestliPatchError).path).toBe(path);
    // As in RestliEncodeError, the message is the reason and the path; the reason has no path.
    expect(e.message).toBe(`${e.reason} at ${path}`);
    expect(e.reason).not.toContain(' at $');
  });

  test('the reasons say what is wrong', () => {
    expect(thrown(() => applyPatch({ a: 1 }, { $set: { a: 2 }, $delete: ['a'] })).reason).toBe(
      'field "a" is both set and deleted',
    );
    expect(thrown(() => applyPatch({}, { $add: {} })).reason).toBe(
      'unknown patch directive "$add" (a field name starting with $ is written with $$)',
    );
    expect(thrown(() => applyPatch({ a: 'x' }, { a: {} })).reason).toBe(
      'field "a" holds a string, not a record, so it cannot take a nested patch',
    );
  });

  test('cycles and deep nesting are errors, not stack overflows', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(thrown(() => applyPatch({}, { $set: { a: cyclic } } as PatchTree)).code).toBe(
      'CIRCULAR_VALUE',
    );
    const cyclicTree: Record<string, unknown> = {};
    cyclicTree.a = cyclicTree;
    expect(thrown(() => applyPatch({}, cyclicTree as PatchTree)).code).toBe('DEPTH_EXCEEDED');
    let deep: Record<string, unknown> = { $set: { x: 1 } };
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expect(thrown(() => applyPatch({}, deep as PatchTree)).code).toBe('DEPTH_EXCEEDED');
    expect(
      thrown(() => applyPatch({}, { a: { $set: { b: { c: 1 } } } }, { maxDepth: 2 })).code,
    ).toBe('DEPTH_EXCEEDED');
    expect(applyPatch({}, { a: { $set: { b: { c: 1 } } } }, { maxDepth: 3 })).toEqual({
      a: { b: { c: 1 } },
    });
  });
});

describe('field-name escaping (Java Escaper rules)', () => {
  test.each([
    ['', ''],
    ['$', '$$'],
    [' $ ', ' $$ '],
    ['$ $ $$', '$$ $$ $$$$'],
    ['$start', '$$start'],
    ['$*$', '$$*$$'],
  ])('%j ↔ %j', (field, key) => {
    expect(escapeField(field)).toBe(key);
    expect(unescapeField(key)).toBe(field);
  });

  test('unescaping scans left to right and keeps a lone $', () => {
    expect(unescapeField(' $$$ ')).toBe(' $$ ');
    expect(unescapeField('a$b')).toBe('a$b');
  });
});
