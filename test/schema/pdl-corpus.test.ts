/**
 * The `.pdl` files of the rest.li repository (test/fixtures/pdl, BSD-2-Clause): every one
 * parses, and where the repository also has a `.pdsc` of the same full name, both give the same
 * model.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNamedSchema } from '../../src/schema/model.ts';
import { parsePdl } from '../../src/schema/pdl.ts';
import { parsePdsc } from '../../src/schema/pdsc.ts';
import { printPdl } from '../../src/schema/print-pdl.ts';
import { filesUnder, normalize, readText } from '../helpers/schema.ts';

const ROOT = 'test/fixtures/pdl';
const pdlFiles = filesUnder(ROOT, '.pdl');
const pdscFiles = filesUnder(join(ROOT, 'pdsc'), '.pdsc');

/**
 * Snapshots of an older version of a schema in rest.li's snapshot-compatibility tests: same full
 * name as a .pdsc, different content by design (this one adds a doc), so not a twin.
 */
const OTHER_VERSIONS = new Set([
  'restli-tools/src/test/pegasusSchemaSnapshot/prevSnapshot/com.linkedin.test.Date.pdl',
]);

describe('the rest.li .pdl corpus', () => {
  it('is all there (several hundred files)', () => {
    expect(pdlFiles.length).toBe(453);
  });

  it.each(pdlFiles)('parses %s', (file) => {
    const schema = parsePdl(readText(join(ROOT, file)));
    expect(schema.type).not.toBe('ref');
  });

  it.each(pdlFiles)('prints %s as PDL that parses back to the same model', (file) => {
    const schema = parsePdl(readText(join(ROOT, file)));
    expect(normalize(parsePdl(printPdl(schema)))).toEqual(normalize(schema));
  });
});

describe('.pdsc twins of the corpus give the same model', () => {
  const byName = new Map<string, string[]>();
  for (const file of pdlFiles) {
    const schema = parsePdl(readText(join(ROOT, file)));
    if (isNamedSchema(schema) && !OTHER_VERSIONS.has(file))
      byName.set(schema.fullName, [...(byName.get(schema.fullName) ?? []), file]);
  }
  it.each(pdscFiles)('%s', (file) => {
    const pdsc = parsePdsc(readText(join(ROOT, 'pdsc', file)));
    expect(isNamedSchema(pdsc)).toBe(true);
    const twins = byName.get(isNamedSchema(pdsc) ? pdsc.fullName : '') ?? [];
    expect(twins.length).toBeGreaterThan(0);
    for (const twin of twins) {
      expect(normalize(parsePdl(readText(join(ROOT, twin)))), twin).toEqual(normalize(pdsc));
    }
  });
});
