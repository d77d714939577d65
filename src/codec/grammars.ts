/**
 * The one door to the chevrotain grammars. In the source (tests, type checking) it imports them
 * statically; the build replaces this module with one that `require`s them on first call, so
 * esbuild wraps chevrotain in a lazy initializer and importing the package root never evaluates
 * it (see scripts/build.mjs). Nothing else may import from grammar/.
 *
 * @module
 */

import * as mask from '../../grammar/mask-parser.ts';
import * as value from '../../grammar/parser.ts';
import * as pdl from '../../grammar/pdl-parser.ts';

/** The grammar modules, loaded on first use in the built package. */
export function grammars(): { mask: typeof mask; value: typeof value; pdl: typeof pdl } {
  return { mask, value, pdl };
}
