/**
 * Typed request descriptions of every wireProtocolTestData operation of the Rest.li client test
 * suite, and what its recorded response must read as. Written from the recordings and the IDLs
 * by hand (the expected values are literals, not outputs of the code under test).
 */
import type { TypedRequest } from '../../src/http/typed.ts';

type Version = '1.0.0' | '2.0.0';

const msg = (message: string, id?: bigint) => (id === undefined ? { message } : { id, message });
const ck = (part1: string, part2: bigint, part3: 'APPLE' | 'ORANGE') => ({ part1, part2, part3 });
const withParams = (key: object, param1: string, param2: bigint) => ({
  ...key,
  $params: { param1, param2 },
});
const k1 = withParams(ck('one', 2n, 'APPLE'), 'param1', 5n);
const k2 = withParams(ck('two', 7n, 'ORANGE'), 'param2', 11n);
const special = "key!*'();:@&=+$,/?#[].~";
const kSpecial = withParams(ck(special, 2n, 'APPLE'), "param!*'();:@&=+$,/?#[].~", 5n);
const a5 = ck('five', 9n, 'APPLE');
const a2 = ck('two', 3n, 'ORANGE');
/**
 * The association batch ids, in one order for both versions: 2.0 keeps it (`List(…)`), 1.0 sorts
 * repeated query values as strings (spec pitfall 8), which is why the recordings differ.
 */
const assocIds = (_v: Version) => [a2, a5];

/** The request description of each operation, by manifest name. */
export const REQUESTS: Record<string, (v: Version) => TypedRequest> = {
  'collectionReturnEntity-create': () => ({
    resource: 'collectionReturnEntity',
    method: 'create',
    entity: msg('test message'),
  }),
  'collection-get': () => ({ resource: 'collection', method: 'get', id: 1n }),
  'collection-create': () => ({
    resource: 'collection',
    method: 'create',
    entity: msg('test message'),
  }),
  'collection-update': () => ({
    resource: 'collection',
    method: 'update',
    id: 1n,
    entity: msg('updated message', 1n),
  }),
  'collection-partial-update': () => ({
    resource: 'collection',
    method: 'partial_update',
    id: 1n,
    patch: { $set: { message: 'partial updated message' } },
  }),
  'collection-delete': () => ({ resource: 'collection', method: 'delete', id: 1n }),
  'collection-batch-get': () => ({ resource: 'collection', method: 'batch_get', ids: [1n, 3n] }),
  'collection-batch-create': () => ({
    resource: 'collection',
    method: 'batch_create',
    elements: [msg('test message'), msg('another message')],
  }),
  'collection-batch-update': () => ({
    resource: 'collection',
    method: 'batch_update',
    ids: [1n, 3n],
    entities: [
      [1n, msg('updated message', 1n)],
      [3n, msg('inserted message', 3n)],
    ],
  }),
  'collection-batch-partial-update': () => ({
    resource: 'collection',
    method: 'batch_partial_update',
    ids: [1n, 3n],
    entities: [
      [1n, { $set: { message: 'partial updated message' } }],
      [3n, { $set: { message: 'another partial message' } }],
    ],
  }),
  'collection-batch-delete': () => ({
    resource: 'collection',
    method: 'batch_delete',
    ids: [1n, 3n],
  }),
  'collection-get-projection': () => ({
    resource: 'collection',
    method: 'get',
    id: 1n,
    fields: ['id'],
  }),
  'collection-get-404': () => ({ resource: 'collection', method: 'get', id: 2n }),
  'collection-update-400': () => ({
    resource: 'collection',
    method: 'update',
    id: 1n,
    entity: { id: 1n },
  }),
  'collection-create-500': () => ({
    resource: 'collection',
    method: 'create',
    entity: msg('internal error test', 3n),
  }),
  'collection-create-error-details': () => ({
    resource: 'collection',
    method: 'create',
    entity: msg('error details test', 3n),
  }),
  'collection-batch-update-errors': () => ({
    resource: 'collection',
    method: 'batch_update',
    ids: [1n, 2n, 4n],
    entities: [
      [1n, msg('updated message', 1n)],
      [2n, { id: 3n }],
      [4n, msg('inserted message', 3n)],
    ],
  }),
  'sub-collection-of-collection-get': () => ({
    resource: 'collection/subcollection',
    method: 'get',
    pathKeys: { collectionId: 1n },
    id: 100n,
  }),
  'sub-simple-of-collection-get': () => ({
    resource: 'collection/subsimple',
    method: 'get',
    pathKeys: { collectionId: 1n },
  }),
  'collection-search-finder': () => ({
    resource: 'collection',
    method: 'finder',
    finder: 'search',
    params: { keyword: 'message' },
  }),
  'complexkey-get': () => ({ resource: 'complexkey', method: 'get', id: k1 }),
  'complexkey-get-projection': () => ({
    resource: 'complexkey',
    method: 'get',
    id: k1,
    fields: { message: { id: 1 } },
  }),
  'complexkey-create': () => ({
    resource: 'complexkey',
    method: 'create',
    entity: { message: msg('test message'), key: ck('one', 2n, 'APPLE') },
  }),
  'complexkey-update': () => ({
    resource: 'complexkey',
    method: 'update',
    id: k1,
    entity: { message: msg('updated message'), key: ck('one', 2n, 'APPLE') },
  }),
  'complexkey-delete': () => ({ resource: 'complexkey', method: 'delete', id: k1 }),
  'complexkey-batch-get': () => ({ resource: 'complexkey', method: 'batch_get', ids: [k1, k2] }),
  'complexkey-batch-create': () => ({
    resource: 'complexkey',
    method: 'batch_create',
    elements: [
      { message: msg('test message'), key: ck('one', 2n, 'APPLE') },
      { message: msg('another message'), key: ck('two', 7n, 'ORANGE') },
    ],
  }),
  'complexkey-batch-update': () => ({
    resource: 'complexkey',
    method: 'batch_update',
    ids: [k1, k2],
    entities: [
      [k1, { message: msg('updated message'), key: ck('one', 2n, 'APPLE') }],
      [k2, { message: msg('another updated message'), key: ck('one', 2n, 'APPLE') }],
    ],
  }),
  'complexkey-batch-delete': () => ({
    resource: 'complexkey',
    method: 'batch_delete',
    ids: [k1, k2],
  }),
  'complexkey-partial-update': () => ({
    resource: 'complexkey',
    method: 'partial_update',
    id: k1,
    patch: { key: { $set: { part1: 'newpart1' } } },
  }),
  'complexkey-get-with-special-chars': () => ({
    resource: 'complexkey',
    method: 'get',
    id: kSpecial,
  }),
  'complexkey-batch-get-with-special-chars': () => ({
    resource: 'complexkey',
    method: 'batch_get',
    ids: [kSpecial, k2],
  }),
  'association-get': () => ({ resource: 'association', method: 'get', id: a2 }),
  'association-update': () => ({
    resource: 'association',
    method: 'update',
    id: a2,
    entity: { message: msg('updated message'), key: a2 },
  }),
  'association-delete': () => ({ resource: 'association', method: 'delete', id: a2 }),
  'association-batch-get': (v) => ({
    resource: 'association',
    method: 'batch_get',
    ids: assocIds(v),
  }),
  'association-batch-update': (v) => ({
    resource: 'association',
    method: 'batch_update',
    ids: assocIds(v),
    entities: [
      [a5, { message: msg('another updated message'), key: a5 }],
      [a2, { message: msg('updated message'), key: a2 }],
    ],
  }),
  'association-batch-delete': (v) => ({
    resource: 'association',
    method: 'batch_delete',
    ids: assocIds(v),
  }),
  'association-assoc-key-finder': () => ({
    resource: 'association',
    method: 'finder',
    finder: 'part1',
    assocKey: { part1: 'one' },
  }),
  'simple-get': () => ({ resource: 'simple', method: 'get' }),
  'simple-update': () => ({ resource: 'simple', method: 'update', entity: msg('updated message') }),
  'simple-delete': () => ({ resource: 'simple', method: 'delete' }),
  'actionset-echo': () => ({
    resource: 'actionSet',
    method: 'action',
    action: 'echo',
    params: { input: 'Is anybody out there?' },
  }),
  'actionset-return-int': () => ({ resource: 'actionSet', method: 'action', action: 'returnInt' }),
  'actionset-return-bool': () => ({
    resource: 'actionSet',
    method: 'action',
    action: 'returnBool',
  }),
  'actionset-echo-message': () => ({
    resource: 'actionSet',
    method: 'action',
    action: 'echoMessage',
    params: { message: msg('test message') },
  }),
  'actionset-echo-message-array': () => ({
    resource: 'actionSet',
    method: 'action',
    action: 'echoMessageArray',
    params: { messages: [msg('test message'), msg('another message')] },
  }),
  'actionset-echo-string-array': () => ({
    resource: 'actionSet',
    method: 'action',
    action: 'echoStringArray',
    params: { strings: ['string one', 'string two'] },
  }),
  'actionset-echo-string-map': () => ({
    resource: 'actionSet',
    method: 'action',
    action: 'echoStringMap',
    params: { strings: { one: 'string one', two: 'string two' } },
  }),
  'actionset-echo-typeref-url': () => ({
    resource: 'actionSet',
    method: 'action',
    action: 'echoTyperefUrl',
    params: { urlTyperef: 'http://rest.li' },
  }),
  'actionset-echo-primitive-union': () => ({
    resource: 'actionSet',
    method: 'action',
    action: 'echoPrimitiveUnion',
    params: { primitiveUnion: { primitivesUnion: { long: 100n } } },
  }),
  'actionset-echo-complex-types-union': () => ({
    resource: 'actionSet',
    method: 'action',
    action: 'echoComplexTypesUnion',
    params: { complexTypesUnion: { complexTypeUnion: { 'testsuite.Fruits': 'APPLE' } } },
  }),
  'actionset-empty-response': () => ({
    resource: 'actionSet',
    method: 'action',
    action: 'emptyResponse',
    params: { message1: msg('test message'), message2: msg('another message') },
  }),
  'actionset-multiple-inputs': () => ({
    resource: 'actionSet',
    method: 'action',
    action: 'multipleInputs',
    params: {
      string: 'string',
      message: msg('test message'),
      urlTyperef: 'http://rest.li',
      optionalString: 'optional string',
    },
  }),
  'actionset-multiple-inputs-no-optional': () => ({
    resource: 'actionSet',
    method: 'action',
    action: 'multipleInputs',
    params: { string: 'string', message: msg('test message'), urlTyperef: 'http//rest.li' },
  }),
  'keywithunion-get': () => ({
    resource: 'keywithunion',
    method: 'get',
    id: {
      union: { 'testsuite.complexkey.ComplexKey': ck('one', 2n, 'APPLE') },
      $params: { param1: 'param1', param2: 5n },
    },
  }),
  'params-get-with-queryparams': () => ({
    resource: 'params',
    method: 'get',
    id: 100n,
    params: {
      int: 3,
      string: 'string',
      long: 9223372036854775807n,
      stringArray: ['string one', 'string two'],
      messageArray: [msg('test message'), msg('another message')],
      stringMap: { one: 'string one', two: 'string two' },
      primitiveUnion: { primitivesUnion: { long: 100n } },
      complexTypesUnion: { complexTypeUnion: { 'testsuite.Fruits': 'APPLE' } },
      urlTyperef: 'http://rest.li',
    },
  }),
  'collection-typeref-get': () => ({
    resource: 'collectionTyperef',
    method: 'get',
    id: 'http://rest.li',
  }),
  'association-typeref-get': () => ({
    resource: 'associationTyperef',
    method: 'get',
    id: { part1: 'http://rest.li', part2: 5n },
  }),
};

/** Operations whose recorded request carries a record missing a required field (sent as is). */
export const INCOMPLETE_ENTITIES = new Set([
  'collection-update-400',
  'collection-batch-update-errors',
]);

const lr = (part1: string, part2: bigint, part3: 'APPLE' | 'ORANGE', message = 'test message') => ({
  message: msg(message),
  key: ck(part1, part2, part3),
});

/** What each recorded response reads as (fields of the typed response). */
export const RESPONSES: Record<string, (v: Version) => Record<string, unknown>> = {
  'collectionReturnEntity-create': () => ({
    status: 201,
    id: 1n,
    location: '/collectionReturnEntity/1',
    entity: msg('test message'),
  }),
  'collection-get': () => ({ status: 200, entity: msg('test message', 1n) }),
  'collection-create': () => ({ status: 201, id: 1n, location: '/collection/1' }),
  'collection-update': () => ({ status: 204 }),
  'collection-partial-update': () => ({ status: 204 }),
  'collection-delete': () => ({ status: 204 }),
  'collection-batch-get': () => ({
    status: 200,
    results: [
      { key: 1n, value: msg('test message', 1n) },
      { key: 3n, value: msg('another message', 2n) },
    ],
    errors: [],
    statuses: [],
  }),
  'collection-batch-create': () => ({
    status: 200,
    created: [
      { status: 201, id: 1n, location: '/collection/1' },
      { status: 201, id: 3n, location: '/collection/3' },
    ],
  }),
  'collection-batch-update': () => ({
    status: 200,
    results: [
      { key: 1n, value: { status: 204 } },
      { key: 3n, value: { status: 201 } },
    ],
    errors: [],
  }),
  'collection-batch-partial-update': () => ({
    status: 200,
    results: [
      { key: 1n, value: { status: 204 } },
      { key: 3n, value: { status: 204 } },
    ],
    errors: [],
  }),
  'collection-batch-delete': () => ({
    status: 200,
    results: [
      { key: 1n, value: { status: 204 } },
      { key: 3n, value: { status: 404 } },
    ],
    errors: [],
  }),
  'collection-get-projection': () => ({ status: 200, entity: { id: 1n } }),
  'collection-get-404': () => ({
    error: {
      status: 404,
      serverMessage: 'Requested entity not found: type=get, resourceName=collection',
    },
  }),
  'collection-update-400': () => ({
    error: { status: 400, serverMessage: 'Missing required field: message' },
  }),
  'collection-create-500': () => ({
    error: { status: 500, serverMessage: 'INTERNAL SERVER ERROR' },
  }),
  'collection-create-error-details': () => ({
    error: {
      status: 400,
      serverMessage: 'error details message',
      errorDetails: { one: 1, two: 2 },
    },
  }),
  'collection-batch-update-errors': () => ({
    status: 200,
    results: [{ key: 1n, value: { status: 204 } }],
    errors: [
      { key: 2n, value: { status: 400, serverMessage: 'Missing required field: message' } },
      { key: 4n, value: { status: 500, serverMessage: undefined } },
    ],
  }),
  'sub-collection-of-collection-get': () => ({
    status: 200,
    entity: msg('sub collection message', 100n),
  }),
  'sub-simple-of-collection-get': () => ({ status: 200, entity: msg('sub simple message') }),
  'collection-search-finder': () => ({
    status: 200,
    elements: [msg('test message', 1n), msg('another message', 2n)],
    paging: { start: 0, count: 10, total: 2, links: [] },
    metadata: { optionalLong: 5n, optionalString: 'metadata' },
  }),
  'complexkey-get': () => ({ status: 200, entity: lr('one', 2n, 'APPLE') }),
  'complexkey-get-projection': () => ({ status: 200, entity: { message: {} } }),
  'complexkey-create': () => ({ status: 201 }),
  'complexkey-update': () => ({ status: 204 }),
  'complexkey-delete': () => ({ status: 204 }),
  'complexkey-batch-get': () => ({
    status: 200,
    results: [
      { key: ck('one', 2n, 'APPLE'), value: lr('one', 2n, 'APPLE') },
      { key: ck('two', 7n, 'ORANGE'), value: lr('two', 7n, 'ORANGE') },
    ],
    errors: [],
  }),
  'complexkey-batch-create': () => ({ status: 200, created: [{ status: 201 }, { status: 201 }] }),
  'complexkey-batch-update': () => ({
    status: 200,
    results: [
      { key: ck('one', 2n, 'APPLE'), value: { status: 204 } },
      { key: ck('two', 7n, 'ORANGE'), value: { status: 204 } },
    ],
    errors: [],
  }),
  'complexkey-batch-delete': () => ({
    status: 200,
    results: [
      { key: ck('one', 2n, 'APPLE'), value: { status: 204 } },
      { key: ck('two', 7n, 'ORANGE'), value: { status: 204 } },
    ],
    errors: [],
  }),
  'complexkey-partial-update': () => ({ status: 204 }),
  'complexkey-get-with-special-chars': () => ({ status: 200, entity: lr(special, 2n, 'APPLE') }),
  'complexkey-batch-get-with-special-chars': () => ({
    status: 200,
    results: [
      { key: ck(special, 2n, 'APPLE'), value: lr(special, 2n, 'APPLE') },
      { key: ck('two', 7n, 'ORANGE'), value: lr('two', 7n, 'ORANGE') },
    ],
    errors: [],
  }),
  'association-get': () => ({ status: 200, entity: lr('two', 3n, 'ORANGE') }),
  'association-update': () => ({ status: 204 }),
  'association-delete': () => ({ status: 204 }),
  'association-batch-get': (v) => ({
    status: 200,
    results: (v === '1.0.0' ? [a2, a5] : [a5, a2]).map((k) => ({
      key: k,
      value: lr(k.part1, k.part2, k.part3),
    })),
    errors: [],
  }),
  'association-batch-update': (v) => ({
    status: 200,
    results: (v === '1.0.0' ? [a2, a5] : [a5, a2]).map((k) => ({ key: k, value: { status: 204 } })),
    errors: [],
  }),
  'association-batch-delete': (v) => ({
    status: 200,
    results: (v === '1.0.0' ? [a2, a5] : [a5, a2]).map((k) => ({ key: k, value: { status: 204 } })),
    errors: [],
  }),
  'association-assoc-key-finder': () => ({
    status: 200,
    elements: [lr('one', 1n, 'APPLE'), lr('one', 2n, 'APPLE'), lr('one', 3n, 'APPLE')],
  }),
  'simple-get': () => ({ status: 200, entity: msg('test message') }),
  'simple-update': () => ({ status: 204 }),
  'simple-delete': () => ({ status: 204 }),
  'actionset-echo': () => ({ status: 200, value: 'Is anybody out there?' }),
  'actionset-return-int': () => ({ status: 200, value: 42 }),
  'actionset-return-bool': () => ({ status: 200, value: true }),
  'actionset-echo-message': () => ({ status: 200, value: msg('test message') }),
  'actionset-echo-message-array': () => ({
    status: 200,
    value: [msg('test message'), msg('another message')],
  }),
  'actionset-echo-string-array': () => ({ status: 200, value: ['string one', 'string two'] }),
  'actionset-echo-string-map': () => ({
    status: 200,
    value: { one: 'string one', two: 'string two' },
  }),
  'actionset-echo-typeref-url': () => ({ status: 200, value: 'http://rest.li' }),
  'actionset-echo-primitive-union': () => ({
    status: 200,
    value: { primitivesUnion: { long: 100n } },
  }),
  'actionset-echo-complex-types-union': () => ({
    status: 200,
    value: { complexTypeUnion: { 'testsuite.Fruits': 'APPLE' } },
  }),
  'actionset-empty-response': () => ({ status: 200, value: undefined }),
  'actionset-multiple-inputs': () => ({ status: 200, value: true }),
  'actionset-multiple-inputs-no-optional': () => ({ status: 200, value: true }),
  'keywithunion-get': () => ({ status: 200, entity: lr('one', 2n, 'APPLE') }),
  'params-get-with-queryparams': () => ({ status: 200, entity: msg('test message', 1n) }),
  'collection-typeref-get': () => ({ status: 200, entity: msg('test message') }),
  'association-typeref-get': () => ({ status: 200, entity: msg('test message') }),
};
