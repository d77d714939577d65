/**
 * The built parser bundle evaluates each grammar on first use, apart: a decode pays for the value
 * grammar, not for the PDL and mask grammars (~1 ms of the first decode, bench/README.md). The
 * bundle is dist/esm/src/codec/grammars.js, built fresh by the global setup.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

test('each grammar has its own getter, and its initializer runs from that getter only', () => {
  const names = [
    ...read('src/codec/grammars.ts').matchAll(/^import \* as (\w+) from '[^']+';$/gm),
  ].map((m) => m[1]);
  expect(names).toEqual(['mask', 'value', 'pdl']);
  const built = read('dist/esm/src/codec/grammars.js');
  const inits = new Set<string>();
  for (const name of names) {
    // esbuild wraps each module in `init_x()`; the getter runs it once and caches the exports.
    const getter = new RegExp(
      `get ${name}\\(\\) \\{\\s*return loaded\\.${name} \\?\\?= \\((init_\\w+)\\(\\), __toCommonJS\\(\\w+\\)\\);\\s*\\}`,
    ).exec(built);
    expect(getter, `the getter of ${name}`).not.toBeNull();
    const init = getter?.[1] as string;
    inits.add(init);
    // Called nowhere else: not by another grammar's initializer, not when the bundle loads.
    expect(built.split(`${init}()`).length - 1, `calls of ${init}`).toBe(1);
  }
  expect(inits.size).toBe(names.length);
});
