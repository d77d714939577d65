/** PDL property tests: print a random schema as PDL, parse it back, same model. */
import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parsePdl } from '../../src/schema/pdl.ts';
import { printPdl } from '../../src/schema/print-pdl.ts';
import { normalize } from '../helpers/schema.ts';
import { schemaArb } from '../helpers/schema-arbitraries.ts';

/** A document declares a type: wrap what is not a named type or union/array/map. */
const documentArb = schemaArb({ refs: true, decorations: true }).filter(
  (s) =>
    s.type !== 'ref' &&
    !['int', 'long', 'float', 'double', 'boolean', 'string', 'bytes'].includes(s.type),
);

describe('printPdl / parsePdl', () => {
  test.prop([documentArb], { numRuns: 300 })(
    'print then parse is the identity on the model',
    (schema) => {
      const text = printPdl(schema);
      expect(normalize(parsePdl(text))).toEqual(normalize(schema));
    },
  );
});
