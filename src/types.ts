/**
 * The data types the codecs read and write.
 *
 * @module
 */

/** A leaf a caller may hand to an encoder. Numbers print in JS canonical form. */
export type RestliPrimitive = string | number | bigint | boolean;

/**
 * A value an encoder accepts: primitives, arrays and plain objects of them. Object entries whose
 * value is `undefined` are omitted, as `JSON.stringify` does.
 */
export type RestliValue =
  | RestliPrimitive
  | readonly RestliValue[]
  | { readonly [key: string]: RestliValue | undefined };

/**
 * A decoded 2.0 value. The wire format is untyped, so every leaf is a string; typing happens
 * later, against a schema.
 */
export type RestliData = string | RestliData[] | { [key: string]: RestliData };

/** A decoded map. */
export type RestliDataMap = { [key: string]: RestliData };

/**
 * A projection (mask) tree, as the mask syntax spells it (spec f.2):
 *
 * - a field maps to `1` (include), `0` (exclude) or a nested mask;
 * - `$*` is the wildcard: every field, array item or map value (`{ '$*': { title: 1 } }`);
 * - `$start` and `$count`, inside an array's mask, hold non-negative integers (at most
 *   2147483647, a Java `int`) that select a range of items;
 * - keys are wire names: a real field name with `$` in it has each `$` doubled (`$$foo`), so it
 *   cannot be taken for `$*`, `$start` or `$count`.
 *
 * @example
 * ```ts
 * const mask: MaskTree = { id: 1, bio: 0, positions: { '$*': { title: 1 }, $start: 0, $count: 10 } };
 * ```
 */
export type MaskTree = {
  /** First array item to return: a non-negative integer. */
  $start?: number;
  /** How many array items to return: a non-negative integer. */
  $count?: number;
  /**
   * Any other field: `1` include, `0` exclude, or a nested mask. An entry whose value is
   * `undefined` is left out when writing, as `JSON.stringify` does; decoding never makes one.
   */
  [field: string]: MaskValue | number | undefined;
};

/** What an ordinary field of a {@link MaskTree} holds: `1` include, `0` exclude, or a nested mask. */
export type MaskValue = 0 | 1 | MaskTree;

/**
 * Pegasus data: what a JSON body or a schema default holds. Longs may be `bigint` (a reader
 * that keeps every digit produces them beyond 2^53) or `number`; bytes are a string of code
 * points U+0000–U+00FF.
 */
export type PegasusData =
  | null
  | boolean
  | number
  | bigint
  | string
  | PegasusData[]
  | { [key: string]: PegasusData };

/** A Pegasus data map. */
export type PegasusDataMap = { [key: string]: PegasusData };

// The IDL documents (`.restspec.json`, `.snapshot.json`) as parsed JSON: read by the IDL index
// (src/migrate/idl.ts) and by the typed requests (src/http/resource.ts).

/** A method, finder, batch finder or action parameter. */
export interface RestspecParameter {
  name: string;
  /** A primitive (`string`, `long` …), a named schema, or an inline schema as JSON text. */
  type: string | SchemaType;
  optional?: boolean;
  default?: string;
  /** Old restspecs give array parameters as `type: 'array'` with `items`. */
  items?: string;
}

/** Methods, finders, batch finders and actions of a resource or of its entity. */
export interface RestspecOperations {
  supports?: string[];
  methods?: { method: string; parameters?: RestspecParameter[] }[];
  finders?: {
    name: string;
    parameters?: RestspecParameter[];
    assocKeys?: string[];
    assocKey?: string;
  }[];
  batchFinders?: { name: string; parameters?: RestspecParameter[]; batchParam?: string }[];
  actions?: { name: string; parameters?: RestspecParameter[]; returns?: string }[];
  entity?: { path?: string; actions?: RestspecOperations['actions']; subresources?: Restspec[] };
}

/** A parsed `.restspec.json`. */
export interface Restspec {
  name: string;
  namespace?: string;
  /** The resource path, with parent keys as placeholders: `/greetings/{greetingsId}/subgreetings`. */
  path: string;
  schema?: string;
  doc?: string;
  /** A collection: `identifier.params` present (or a record `type`) means a complex key. */
  collection?: RestspecOperations & { identifier: { name: string; type: string; params?: string } };
  /** An association: a compound key of `assocKeys`. */
  association?: RestspecOperations & {
    identifier: string;
    assocKeys: { name: string; type: string }[];
  };
  simple?: RestspecOperations;
  actionsSet?: RestspecOperations;
}

/** A schema in a snapshot's `models` or inline in a parameter type. */
export type SchemaType =
  | string
  | readonly SchemaType[]
  | {
      type: string;
      name?: string;
      namespace?: string;
      items?: SchemaType;
      values?: SchemaType;
      ref?: SchemaType;
      fields?: { name: string; type: SchemaType; optional?: boolean }[];
      symbols?: string[];
    };

/** A parsed `.snapshot.json`: the restspec plus the named schemas it refers to. */
export interface Snapshot {
  models?: SchemaType[];
  schema: Restspec;
}
