/**
 * Which protocol version a request URL speaks, with the evidence (issue 4, spec e, c).
 *
 * @module
 */

import { RestliError } from '../errors.ts';
import { expectString } from '../internal/args.ts';
import { checkLength, maxLengthOf } from '../internal/limits.ts';
import { isProjectionParam } from '../internal/projections.ts';
import { splitQuery } from '../internal/query-pieces.ts';
import { splitUrl } from '../internal/url-parts.ts';
import { type ProtocolVersionText, V1, V2 } from '../internal/version-text.ts';
import { decodeKey } from '../wire/keys.ts';
import { decodeQuery } from '../wire/query.ts';

/** One observation about a URL and the version it points to. */
export interface Evidence {
  /** `'1.0.0'` or `'2.0.0'`: the version this observation points to. */
  version: ProtocolVersionText;
  /** What was seen: `List(` in a value, a repeated name, `a[0]` … */
  reason: string;
  /** The parameter name or path segment it was seen in. */
  where: string;
}

/** What {@link detectVersion} concludes. */
export interface Detection {
  /** The version the URL speaks, or `'either'` when it means the same in both. */
  version: ProtocolVersionText | 'either';
  evidence: Evidence[];
  /**
   * Present (and `true`) when the servers of both versions read the query, each as different
   * values, so that `version` is the likelier reading by its marks, not a certainty: a 1.0
   * string `List(a)` or `()` is written exactly as the 2.0 list or map is. Only a validating
   * detection (the default) can tell.
   */
  ambiguous?: true;
}

/** `[`, raw or escaped (`%5B`, either case): the 1.0 index of `a[0]`. */
function isIndexedName(name: string): boolean {
  if (name.includes('[')) return true;
  for (let i = name.indexOf('%'); i !== -1; i = name.indexOf('%', i + 1)) {
    if (name.charCodeAt(i + 1) === 0x35 && (name.charCodeAt(i + 2) | 0x20) === 0x62) return true;
  }
  return false;
}

/** A name whose first `.` follows at least one character and precedes one that is not a `.`. */
function isDottedName(name: string): boolean {
  const dot = name.indexOf('.');
  return dot > 0 && dot + 1 < name.length && name.charCodeAt(dot + 1) !== 0x2e;
}

/** `~2E`, `~5B`, `~5D` or `~7E` (hex digits of either case): a 1.0 name escape. */
function hasTildeEscape(name: string): boolean {
  for (let i = name.indexOf('~'); i !== -1; i = name.indexOf('~', i + 1)) {
    const a = name.charCodeAt(i + 1);
    const b = name.charCodeAt(i + 2) | 0x20;
    if ((a === 0x32 && b === 0x65) || (a === 0x35 && (b === 0x62 || b === 0x64))) return true;
    if (a === 0x37 && b === 0x65) return true;
  }
  return false;
}

/** Whether `text[start, end)` holds a `(` or a `'` (a scan of the value only: linear overall). */
function hasParenOrQuote(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x27) return true;
  }
  return false;
}

/** A name of letters, digits, `_`, `$` and `-` only, which holds no 1.0 name mark. */
function isPlainName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const plain =
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x5f ||
      c === 0x24 ||
      c === 0x2d;
    if (!plain) return false;
  }
  return true;
}
/** Evidence kept in a detection; more observations are counted but not kept. */
export const MAX_EVIDENCE = 100;

/** Options of {@link detectVersion}. */
export interface DetectOptions {
  /** Whether to settle mixed or doubtful marks by parsing the query in each version (default true). */
  validate?: boolean;
  /** Longest URL accepted, in UTF-16 code units; longer is `MAX_LENGTH_EXCEEDED`. Default 16 Mi. */
  maxLength?: number;
}

/**
 * `name=value` pairs joined by `&`, each name non-empty and without `=`: `text[start, end)`, in
 * one pass over that range only (no slice, no search past its end).
 */
function isPairs(text: string, start: number, end: number): boolean {
  let pieceStart = start;
  let hasEquals = false;
  for (let i = start; i <= end; i++) {
    const c = i === end ? 0x26 : text.charCodeAt(i);
    if (c === 0x26) {
      if (!hasEquals) return false;
      pieceStart = i + 1;
      hasEquals = false;
    } else if (c === 0x3d && !hasEquals) {
      if (i === pieceStart) return false;
      hasEquals = true;
    }
  }
  return true;
}

/** `(…:…)`: a 2.0 map's text, in one pass (no backtracking pattern). */
function isMapText(value: string): boolean {
  if (value === '()') return true;
  if (value.length < 3 || !value.startsWith('(') || !value.endsWith(')')) return false;
  const colon = value.indexOf(':', 1);
  return colon !== -1 && colon < value.length - 1;
}

/**
 * Detects the protocol version a request URL was written in. 2.0 shows in `List(…)`, `(k:v)` maps,
 * `''`, and key segments in parentheses; 1.0 in repeated names, indexed (`a[0]`) or dotted
 * (`a.b`) names, bare names without `=`, `~2E` escapes, and `a=b` key segments. A URL with no such
 * mark is `'either'`. When marks of both kinds appear, the version whose server accepts the query
 * wins. When the marked version's server cannot read the query, the other version takes over only
 * if none of the marks holds up (each marked parameter or segment fails to read on its own): a
 * mark that reads is real, and the URL is a broken URL of its version. When the servers of both
 * versions read the query, `ambiguous: true` says that the version is the marks' guess (1.0 writes
 * the string `List(a)` exactly as 2.0 writes the list). At most `MAX_EVIDENCE` (100) observations
 * are kept.
 *
 * @example
 * ```ts
 * detectVersion('/people?ids=List(1,2)').version; // '2.0.0'
 * detectVersion('/people?ids=1&ids=2').version;   // '1.0.0'
 * detectVersion('/people/3?count=10').version;     // 'either'
 * detectVersion('/people?ids=()').version;          // '1.0.0'
 * detectVersion('/people?x=(a:b)').ambiguous;        // true
 * ```
 */
export function detectVersion(url: string, options?: DetectOptions): Detection {
  expectString(url, 'url');
  const maxLength = maxLengthOf(options);
  // The length limit comes before any per-part work.
  checkLength(url, maxLength);
  const { evidence, counts, query } = scan(url);
  const v1 = counts[V1] > 0;
  const v2 = counts[V2] > 0;
  if (!v1 && !v2) return { version: 'either', evidence };
  if (v1 !== v2 && options?.validate === false) return { version: v1 ? V1 : V2, evidence };
  if (v1 !== v2) {
    const marked = v1 ? V1 : V2;
    const other = v1 ? V2 : V1;
    const readsOther = serverReads(query ?? '', other);
    if (serverReads(query ?? '', marked)) {
      return readsOther
        ? { version: marked, evidence, ambiguous: true }
        : { version: marked, evidence };
    }
    // The marks give way only when none of them holds up (see marksHoldUp): `ids=List(1,2` is a
    // 1.0 string, but `ids=List(1,2)&q=(a:b` is a 2.0 URL with an error in `q`.
    if (!readsOther || marksHoldUp(url, marked)) return { version: marked, evidence };
    evidence.push({
      version: other,
      reason: `only a ${other} server reads the query`,
      where: query ?? '',
    });
    return { version: other, evidence };
  }
  // Marks of both kinds: the version whose server reads the query decides; when both read it,
  // the marks' majority is a guess, and the detection says so.
  const ok1 = serverReads(query ?? '', V1);
  const ok2 = serverReads(query ?? '', V2);
  if (ok2 && !ok1) return { version: V2, evidence };
  if (ok1 && !ok2) return { version: V1, evidence };
  const version = counts[V2] >= counts[V1] ? V2 : V1;
  return ok1 ? { version, evidence, ambiguous: true } : { version, evidence };
}

/** Where a mark was seen: a query piece (`start`…`end` of the query) or a path segment. */
type Place =
  | { in: 'query'; start: number; end: number }
  | { in: 'path'; segment: string; kind: 'complex' | 'compound' };

interface Scan {
  evidence: Evidence[];
  counts: Record<ProtocolVersionText, number>;
  query: string | undefined;
  /** Every marked place per version (all of them: the evidence list is capped, these are not). */
  places: Record<ProtocolVersionText, Place[]>;
  /** The place the next marks belong to; made on its first mark (most pieces carry none). */
  place: Place | undefined;
  /** Where that place is, until it is made. */
  placeKind: 'query' | 'complex' | 'compound';
  placeStart: number;
  placeEnd: number;
  placeSegment: string;
}

/** Records a mark of `version` at the scan's current place. */
function note(scan: Scan, version: ProtocolVersionText, reason: string, where: string): void {
  scan.counts[version]++;
  scan.place ??=
    scan.placeKind === 'query'
      ? { in: 'query', start: scan.placeStart, end: scan.placeEnd }
      : { in: 'path', segment: scan.placeSegment, kind: scan.placeKind };
  const list = scan.places[version];
  // One place per piece, however many marks it carries.
  if (list[list.length - 1] !== scan.place) list.push(scan.place);
  if (scan.evidence.length < MAX_EVIDENCE) scan.evidence.push({ version, reason, where });
}

/**
 * Query names seen so far: a list while few (a set costs more than the whole scan of a typical
 * query), a set past {@link FEW_NAMES}, so that a huge query stays linear.
 */
const FEW_NAMES = 16;

/** The marks of each version in `url`, in one pass over its path and query. */
function scan(url: string): Scan {
  const { path, query } = splitUrl(url);
  // Counted apart from the kept evidence, which is capped: a huge URL keeps no huge report.
  const state: Scan = {
    evidence: [],
    counts: { [V1]: 0, [V2]: 0 },
    query,
    places: { [V1]: [], [V2]: [] },
    place: undefined,
    placeKind: 'query',
    placeStart: 0,
    placeEnd: 0,
    placeSegment: '',
  };

  for (let start = 0; start <= path.length; ) {
    let end = path.indexOf('/', start);
    if (end === -1) end = path.length;
    if (end > start) {
      const parens = path.charCodeAt(start) === 0x28 && path.charCodeAt(end - 1) === 0x29;
      if (parens && path.slice(start, end).includes(':')) {
        const segment = path.slice(start, end);
        startPlace(state, 'complex', segment);
        note(state, V2, 'a key segment in parentheses', segment);
      } else if (isPairs(path, start, end)) {
        const segment = path.slice(start, end);
        startPlace(state, 'compound', segment);
        note(state, V1, "a key segment of 'name=value' pairs", segment);
      }
    }
    start = end + 1;
  }

  const names: string[] = [];
  let seen: Set<string> | undefined;
  const text = query ?? '';
  for (const piece of splitQuery(text)) {
    state.place = undefined;
    state.placeKind = 'query';
    state.placeStart = piece.start;
    state.placeEnd = piece.end;
    const name = text.slice(piece.start, piece.nameEnd);
    if (seen !== undefined ? seen.has(name) : names.includes(name)) {
      note(state, V1, 'a repeated parameter name', name);
    } else if (seen !== undefined) {
      seen.add(name);
    } else if (names.push(name) > FEW_NAMES) {
      seen = new Set(names);
    }
    if (isProjectionParam(name)) continue;
    if (!piece.hasValue) note(state, V1, "a parameter without '=' (the 1.0 empty string)", name);
    // Most names are plain words: test the 1.0 name marks only on the others.
    if (!isPlainName(name)) {
      if (isIndexedName(name)) note(state, V1, 'an indexed parameter name', name);
      if (isDottedName(name)) note(state, V1, 'a dotted parameter name', name);
      if (hasTildeEscape(name)) note(state, V1, "a '~' escape in a parameter name", name);
    }
    if (!piece.hasValue) continue;
    const { valueStart, end } = piece;
    // A 2.0 server requires a List(…) for ids (spec i.3); a bare id is the 1.0 form.
    if (
      name === 'ids' &&
      !text.startsWith('List(', valueStart) &&
      !text.startsWith('%4C', valueStart)
    ) {
      note(state, V1, 'ids without List(…)', name);
    }
    // Only a value with `(` or `'` can hold a 2.0 mark: most values are looked at no further.
    if (!hasParenOrQuote(text, valueStart, end)) continue;
    const value = text.slice(valueStart, end);
    if (/(^|[(,:])List\(/.test(value)) note(state, V2, 'a List(…) value', name);
    else if (isMapText(value)) note(state, V2, 'a (key:value) map', name);
    if (value === "''" || /[(,:]''[),]/.test(value))
      note(state, V2, "the 2.0 empty string ''", name);
  }

  return state;
}

/** Starts a path segment's place (made on its first mark). */
function startPlace(state: Scan, kind: 'complex' | 'compound', segment: string): void {
  state.place = undefined;
  state.placeKind = kind;
  state.placeSegment = segment;
}

/**
 * Whether a server of `version` accepts the query: it parses, and (2.0, spec i.3) `ids`, when
 * present, is a `List(…)` (a 2.0 server answers 400 to `ids=1` or `ids=()`).
 */
function serverReads(query: string, version: ProtocolVersionText): boolean {
  try {
    const params = decodeQuery(query, { version });
    return version === V1 || !Object.hasOwn(params, 'ids') || Array.isArray(params.ids);
  } catch (error) {
    if (error instanceof RestliError) return false;
    throw error;
  }
}

/**
 * Whether any mark of `version` in `url` holds up: the query parameter or path segment that
 * carries it reads, on its own, in that version. A detected version whose server cannot read the
 * whole query gives way to the other version only when none does (docs/decisions.md): a mark
 * that reads is a real `version` structure, so the error lies elsewhere and is reported, not
 * re-read in the other version.
 *
 * @internal
 */
export function marksHoldUp(url: string, version: ProtocolVersionText): boolean {
  const { query, places } = scan(url);
  const text = query ?? '';
  for (const place of places[version]) {
    if (place.in === 'query') {
      if (serverReads(text.slice(place.start, place.end), version)) return true;
      continue;
    }
    try {
      decodeKey(place.segment, { kind: place.kind, version, context: 'path' });
      return true;
    } catch (error) {
      if (!(error instanceof RestliError)) throw error;
    }
  }
  return false;
}
