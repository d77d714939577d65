/**
 * detectVersion's evidence, mark by mark: what each mark says, where, and for which version; and
 * when a version's marks hold up or give way (spec e, c; docs/decisions.md). Found missing by the
 * mutation check of the scan (docs/mutation.md).
 */
import { describe, expect, test } from 'vitest';
import { detectVersion } from '../../src/migrate/detect.ts';
import { V1, V2 } from './expected.ts';

const REPEATED = 'a repeated parameter name';

describe('each mark, its reason and its place', () => {
  test.each([
    ['/r?a=1&a=2', [[V1, REPEATED, 'a']]],
    ['/r?a', [[V1, "a parameter without '=' (the 1.0 empty string)", 'a']]],
    ['/r?a.b=1', [[V1, 'a dotted parameter name', 'a.b']]],
    ['/r?a%5B0%5D=1', [[V1, 'an indexed parameter name', 'a%5B0%5D']]],
    ['/r?a~2Eb=1', [[V1, "a '~' escape in a parameter name", 'a~2Eb']]],
    ['/r?ids=1', [[V1, 'ids without List(…)', 'ids']]],
    // `%4C` is an escaped `L`: `%4Cist(…)` may be a 2.0 list, so it is no 1.0 mark.
    ['/r?ids=%4Cist(1,2)', []],
    ['/r?x=List(1)', [[V2, 'a List(…) value', 'x']]],
    // A list inside a map is a List(…) mark (not the map's).
    ['/r?x=(a:List(1))', [[V2, 'a List(…) value', 'x']]],
    ['/r?x=(a:b)', [[V2, 'a (key:value) map', 'x']]],
    ["/r?x=''", [[V2, "the 2.0 empty string ''", 'x']]],
    [
      "/r?x=List('',a)",
      [
        [V2, 'a List(…) value', 'x'],
        [V2, "the 2.0 empty string ''", 'x'],
      ],
    ],
    ['/r/(a:1)', [[V2, 'a key segment in parentheses', '(a:1)']]],
    ['/r/a=1&b=2', [[V1, "a key segment of 'name=value' pairs", 'a=1&b=2']]],
    // Projections are masks in both versions: a bare `fields` is no 1.0 empty string.
    ['/r?fields', []],
    ['/r?fields=a:(b)', []],
  ] as const)('%s', (url, marks) => {
    const evidence = detectVersion(url, { validate: false }).evidence;
    expect(evidence.map((e) => [e.version, e.reason, e.where])).toEqual(marks);
  });

  test('a name repeated after many others is still seen (names past 16 are kept in a set)', () => {
    const names = Array.from({ length: 20 }, (_, i) => `n${i}=1`).join('&');
    const evidence = detectVersion(`/r?${names}&n18=2&n3=2`, { validate: false }).evidence;
    expect(evidence.map((e) => [e.reason, e.where])).toEqual([
      [REPEATED, 'n18'],
      [REPEATED, 'n3'],
    ]);
  });
});

describe("a version's marks hold up, or give way to the version whose server reads the query", () => {
  test.each([
    // The 2.0 marks: a key segment that does not read as a 2.0 key, a list left open. Neither
    // holds up, and a 1.0 server reads the query: 1.0.
    ['/r/(a:b:c)?x=List(', V1],
    // The 1.0 marks: a compound key that reads, and an index that does not. The key holds up,
    // so the URL is a broken 1.0 URL, although a 2.0 server reads its query.
    ['/r/a=1&b=2?a[x]=1', V1],
    // Without the key, the bad index is the only 1.0 mark: it gives way to 2.0.
    ['/r?a[x]=1', V2],
  ] as const)('%s is %s', (url, version) => {
    expect(detectVersion(url).version).toBe(version);
  });
});
