/**
 * The fuzz harness: calls every function the package's public entries export (the root, `./v1`,
 * `./http`, `./migrate`, `./schema`, `./java`; enumerated, so a new export is covered without
 * touching this file) with hostile and wrong-typed arguments, and checks that
 * only a RestliError escapes, that no built-in prototype changes, and that time grows linearly
 * with the input (n against 10n). `fuzz.test.ts` runs a short fixed-seed slice in `npm test`;
 * `npm run fuzz` runs the full pass and prints its figures (see docs/fuzzing.md).
 */
import * as fc from 'fast-check';
import { RestliError } from '../../src/errors.ts';
import * as http from '../../src/http/index.ts';
import * as root from '../../src/index.ts';
import * as java from '../../src/java.ts';
import * as migrate from '../../src/migrate/index.ts';
import * as schema from '../../src/schema/index.ts';
import * as v1 from '../../src/wire/v1/index.ts';
import { hostileString, ownRecord, WIRE_PIECES, wireString } from '../helpers/arbitraries.ts';

/** An exported function, by name. */
export interface Entry {
  name: string;
  fn: (...args: unknown[]) => unknown;
}

function isClass(fn: unknown): boolean {
  return typeof fn === 'function' && /^class\b/.test(Function.prototype.toString.call(fn));
}

/** Every exported function of every public entry except the classes, each once. */
export const entries: readonly Entry[] = [
  ...new Map(
    [root, v1, http, migrate, schema, java]
      .flatMap((module) => Object.entries(module))
      .filter(([, value]) => typeof value === 'function' && !isClass(value)),
  ),
]
  .map(([name, fn]) => ({ name, fn: fn as Entry['fn'] }))
  .sort((a, b) => (a.name < b.name ? -1 : 1));

/**
 * Strings for the harness: the shared wire pieces (up to 8 with random text between) and the
 * round-trip matrix's hostile names, both from test/helpers/arbitraries.ts.
 */
const fuzzString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: wireString(8) },
  { weight: 1, arbitrary: hostileString },
);

/** Option and request field names the API reads, so that objects reach deep code. */
const FIELD_NAMES = [
  'version',
  'kind',
  'context',
  'maxDepth',
  'maxLength',
  'full',
  'method',
  'resource',
  'resources',
  'path',
  'url',
  'headers',
  'body',
  'id',
  'ids',
  'params',
  'fields',
  'pathKeys',
  'pathKeyKinds',
  'keyKind',
  'action',
  'finder',
  'httpMethod',
  'restliMethod',
  'threshold',
  'force',
  'to',
  'from',
  'invalidUtf8',
  'patch',
  '$set',
  '$delete',
  'type',
  'parameters',
  'namespace',
  'entityType',
  'base',
  'simple',
];

const WRONG_TYPES: fc.Arbitrary<unknown> = fc.constantFrom(
  null,
  undefined,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53 + 2,
  10n ** 30n,
  true,
  false,
);

const SPECIAL_OBJECTS: fc.Arbitrary<unknown> = fc
  .constantFrom(
    () => new Date(0),
    () => new Map([['a', 1]]),
    () => new Set([1]),
    () => [],
    () => ['a', 'b'],
    () => Object.create(null),
    () => JSON.parse('{"__proto__": {"polluted": 1}}'),
    () => JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}'),
    () => new Uint8Array([45, 45, 98, 13, 10]),
    () => ({ get: () => '2.0.0' }),
    () => deep(3000, 'array'),
    () => deep(3000, 'object'),
    () => deep(20_000, 'object'),
  )
  .map((make) => make());

/** Nesting `depth` levels deep, built iteratively. */
export function deep(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** A hostile argument: any of the above, and records and lists of them. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fuzzString,
    WRONG_TYPES,
    SPECIAL_OBJECTS,
    fc.constantFrom('1.0.0', '2.0.0', 'primitive', 'compound', 'complex', 'query', 'path'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...FIELD_NAMES, ...WIRE_PIECES), fuzzString),
          tie('value'),
        ),
        { maxLength: 4 },
      )
      .map((pairs) => ownRecord(pairs)),
  ),
})).value;

/** Argument lists: up to one more argument than the function declares. */
export function argumentsFor(entry: Entry): fc.Arbitrary<unknown[]> {
  return fc.array(hostileValue, { maxLength: Math.max(entry.fn.length, 1) + 1 });
}

/** What went wrong in one call, if anything. */
export type Finding =
  | { kind: 'exception'; entry: string; error: string; args: string }
  | { kind: 'prototype'; entry: string; change: string; args: string };

const WATCHED: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['String.prototype', String.prototype],
  ['Function.prototype', Function.prototype],
];

type Snapshot = Map<string, Map<PropertyKey, PropertyDescriptor>>;

function snapshot(): Snapshot {
  const out: Snapshot = new Map();
  for (const [name, proto] of WATCHED) {
    const props = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(proto)) {
      props.set(key, Object.getOwnPropertyDescriptor(proto, key)!);
    }
    out.set(name, props);
  }
  return out;
}

const PRISTINE = snapshot();

/** Names what changed in the built-in prototypes, and puts them back. */
export function prototypeChanges(): string[] {
  const changes: string[] = [];
  for (const [name, proto] of WATCHED) {
    const before = PRISTINE.get(name)!;
    for (const key of Reflect.ownKeys(proto)) {
      const was = before.get(key);
      const now = Object.getOwnPropertyDescriptor(proto, key)!;
      if (was === undefined) {
        changes.push(`${name}.${String(key)} added`);
        delete (proto as Record<PropertyKey, unknown>)[key];
      } else if (was.value !== now.value || was.get !== now.get || was.set !== now.set) {
        changes.push(`${name}.${String(key)} changed`);
        Object.defineProperty(proto, key, was);
      }
    }
    for (const key of before.keys()) {
      if (!Object.hasOwn(proto, key)) {
        changes.push(`${name}.${String(key)} removed`);
        Object.defineProperty(proto, key, before.get(key)!);
      }
    }
  }
  return changes;
}

/** The arguments as JSON for a report, cut at `limit` characters. */
export function show(args: unknown[], limit = 300): string {
  try {
    const text = JSON.stringify(args, (_k, v) =>
      typeof v === 'bigint'
        ? `${v}n`
        : v instanceof Map || v instanceof Set || v instanceof Date || v instanceof Uint8Array
          ? `<${v.constructor.name}>`
          : v,
    );
    return text.length > limit ? `${text.slice(0, limit)}…` : text;
  } catch {
    return '<unprintable (deep)>';
  }
}

/**
 * Calls `entry` with `args` (awaiting what an async entry returns, so that its rejection is
 * judged like a throw); returns what went wrong, if anything.
 */
export async function probe(entry: Entry, args: unknown[]): Promise<Finding | undefined> {
  let finding: Finding | undefined;
  try {
    const result = entry.fn(...args);
    if (result instanceof Promise) await result;
  } catch (error) {
    if (!(error instanceof RestliError)) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      finding = {
        kind: 'exception',
        entry: entry.name,
        error: text.slice(0, 200),
        args: show(args),
      };
    }
  }
  const changes = prototypeChanges();
  if (changes.length > 0) {
    finding = {
      kind: 'prototype',
      entry: entry.name,
      change: changes.join(', '),
      args: show(args),
    };
  }
  return finding;
}

/**
 * Big inputs of size `n` built from one repeated piece, in the shapes the entry points take: a
 * bare string, a URL, a string with options, a request to untunnel, multipart bytes with folded
 * headers, a mask, and so on. Every shape is tried on every entry (a wrong shape fails fast).
 */
export const LINEARITY_PATTERNS: readonly string[] = [
  '(',
  ':',
  '(:',
  'a:(',
  'List(',
  '/',
  '%',
  '%2',
  '&=',
  'a=1&',
  '[',
  '.',
  'a,',
  "'",
  '$',
  '~',
  '-',
  'é',
  '\r\n ',
  ' \t',
];

export function linearityShapes(piece: string, n: number): unknown[][] {
  const run = piece.repeat(Math.max(1, Math.floor(n / piece.length)));
  const folded = `--b\r\nContent-Type: text/plain\r\nX-A: x${'\r\n y'.repeat(n / 4)}\r\n\r\nhi\r\n--b--\r\n`;
  const bytes = new TextEncoder().encode(folded);
  const formHeaders = {
    'X-HTTP-Method-Override': 'GET',
    'Content-Type': 'application/x-www-form-urlencoded',
  };
  const multipartHeaders = {
    'X-HTTP-Method-Override': 'GET',
    'Content-Type': 'multipart/mixed; boundary=b',
  };
  return [
    [run],
    [`/a?x=${run}`],
    [`/${run}x`],
    [`/a?x=${run}`, { version: '1.0.0' }],
    [`/a?x=${run}`, { version: '2.0.0' }],
    [`/a?x=${run}`, { to: '2.0.0', from: '1.0.0' }],
    [`/a?x=${run}`, { to: '1.0.0', from: '2.0.0' }],
    [run, { version: '1.0.0' }],
    [run, { kind: 'complex', version: '2.0.0', context: 'path' }],
    [run, { kind: 'compound', version: '1.0.0', context: 'path' }],
    [`urn:li:a:${run}`],
    [{ a: run }, { version: '1.0.0' }],
    [bytes, 'b'],
    [
      {
        type: 'multipart',
        subtype: 'mixed',
        mediaType: 'multipart/mixed',
        parameters: { boundary: 'b' },
      },
      bytes,
    ],
    [{ method: 'POST', url: '/a', headers: formHeaders, body: run }],
    [{ method: 'POST', url: '/a', headers: multipartHeaders, body: folded }],
    [{ method: 'GET', url: `/a?${run}`, headers: {} }, { force: true }],
    [{ method: 'get', resource: 'a', params: { x: run } }],
    ['application/json', `{"a":${JSON.stringify(run)}}`],
    [`text/plain; a="${run}"`],
    [{ 'X-RestLi-Id': run, 'X-RestLi-Protocol-Version': '2.0.0' }],
  ];
}

function elapsed(fn: () => unknown): number {
  const start = performance.now();
  try {
    const result = fn();
    // An async entry's rejection is the other checks' business too: caught, never unhandled.
    if (result instanceof Promise) result.catch(() => undefined);
  } catch {
    // Errors are the other checks' business; only the time counts here.
  }
  return performance.now() - start;
}

/** The shortest of `runs` timings of `fn`. */
function best(fn: () => unknown, runs: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) min = Math.min(min, elapsed(fn));
  return min;
}

/** One timing comparison: the slowest shape of an entry at n and at 10n. */
export interface Growth {
  entry: string;
  shape: string;
  small: number;
  large: number;
  ratio: number;
  /** n → 10n, when a steep ratio was confirmed one step up (10n → 100n) and `ratio` is that. */
  firstStep?: number;
}

/**
 * The worst growth of `entry` from n to 10n over every pattern and shape. Times under `floor` ms
 * at 10n are noise and count as linear. The best of three runs is taken at n and of two at 10n; a
 * ratio above `suspicious` is measured again with nine and seven runs, and if it stays above, the
 * ratio from 10n to 100n is the one that counts (see below).
 */
export function worstGrowth(
  entry: Entry,
  n: number,
  patterns: readonly string[] = LINEARITY_PATTERNS,
  floor = 50,
  suspicious = 20,
): Growth {
  let worst: Growth = { entry: entry.name, shape: '-', small: 0, large: 0, ratio: 0 };
  for (const piece of patterns) {
    const smallShapes = linearityShapes(piece, n);
    const largeShapes = linearityShapes(piece, 10 * n);
    smallShapes.forEach((small, i) => {
      const large = largeShapes[i]!;
      const call = (args: unknown[]) => () => entry.fn(...args);
      elapsed(call(small)); // warm-up
      let tLarge = best(call(large), 2);
      if (tLarge < floor) return;
      let tSmall = best(call(small), 3);
      // Below 2 ms a small run is mostly warm-up and timer noise.
      let ratio = tLarge / Math.max(tSmall, 2);
      if (ratio > suspicious) {
        // One garbage collection or one preemption on a loaded machine lands in a single run:
        // a suspicious shape is timed again, more often, before it counts.
        tSmall = Math.min(tSmall, best(call(small), 9));
        tLarge = Math.min(tLarge, best(call(large), 7));
        ratio = tLarge / Math.max(tSmall, 2);
      }
      let firstStep: number | undefined;
      if (ratio > suspicious) {
        // Still steep. Per-item cost also rises between n and 10n when the working set outgrows
        // the CPU caches and V8's young generation, and then settles: super-linear code stays
        // steep one step further up (×100 again for a quadratic), a transition does not. The
        // ratio that counts is the one from 10n to 100n.
        const huge = linearityShapes(piece, 100 * n)[i]!;
        firstStep = ratio;
        ratio = best(call(huge), 2) / tLarge;
      }
      if (ratio > worst.ratio) {
        worst = {
          entry: entry.name,
          shape: `${JSON.stringify(piece)} shape ${i}`,
          small: tSmall,
          large: tLarge,
          ratio,
          ...(firstStep === undefined ? {} : { firstStep }),
        };
      }
      prototypeChanges();
    });
  }
  return worst;
}
