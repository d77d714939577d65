/**
 * Pegasus schemas and typed values (package entry `restli-protocol/schema`): load `.pdl`,
 * `.pdsc` and snapshot `models` into one schema model, write PDL, and type values against a
 * schema in both directions.
 *
 * @module
 */

// The error model (ErrorCode and every error class), written once for every entry.
export * from '../public-errors.ts';

export { readJson, writeJson } from './json.ts';
export {
  type ArraySchema,
  type DataSchema,
  type EnumSchema,
  type FixedSchema,
  fullNameOf,
  isNamedSchema,
  isPrimitiveTypeName,
  type MapSchema,
  type NamedSchema,
  type NamedSchemaBase,
  type PegasusData,
  type PegasusDataMap,
  PRIMITIVE_TYPES,
  type PrimitiveSchema,
  type PrimitiveTypeName,
  qualifyName,
  type RecordField,
  type RecordSchema,
  type RefSchema,
  type SchemaProperties,
  SchemaSet,
  splitFullName,
  type TyperefSchema,
  type UnionMember,
  type UnionSchema,
} from './model.ts';
export { type ParsePdlOptions, parsePdl } from './pdl.ts';
export { loadSnapshotModels, parsePdsc, pdscToSchema } from './pdsc.ts';
export { printPdl } from './print-pdl.ts';
export {
  fromData,
  fromStrings,
  type TypedOptions,
  type TypedValue,
  toData,
  unionMemberKey,
} from './typed.ts';
