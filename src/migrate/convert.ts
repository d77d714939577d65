/**
 * The v1 ⇄ v2 translator for whole request URLs (issue 4; spec d, e.5, i). It reads a URL as a
 * server of the source version would, and writes it as the Java client of the target version
 * writes that request. Where protocol 1.0 is ambiguous, a resource IDL settles it; without one,
 * documented heuristics apply and every guess is reported in `warnings`. What protocol 1.0
 * cannot say is either reported (a warning naming the loss) or refused (a `RestliError`) when
 * 1.0 would write text that no 1.0 server reads.
 *
 * The translation runs as named steps over immutable inputs: options, source version, query,
 * resource and operation, path, query, URL.
 *
 * @module
 */

import { type DecodeOptions, decodeLimits } from '../codec/decode.ts';
import { RestliEncodeError, RestliError, RestliSyntaxError } from '../errors.ts';
import { segmentKeyKind } from '../http/url.ts';
import { argumentError, valueText } from '../internal/args.ts';
import { checkLength } from '../internal/limits.ts';
import { rawOffset, rebased } from '../internal/offsets.ts';
import { setOwn } from '../internal/own.ts';
import { isProjectionParam } from '../internal/projections.ts';
import { splitQuery } from '../internal/query-pieces.ts';
import { splitSegments, splitUrl } from '../internal/url-parts.ts';
import { type ProtocolVersionText, V1, V2 } from '../internal/version-text.ts';
import type { RestliData, RestliDataMap, RestliValue } from '../types.ts';
import { decodeKey, encodeKey, type Key, type KeyKind } from '../wire/keys.ts';
import type { MaskTree } from '../wire/mask.ts';
import {
  type DecodedQuery,
  decodeQueryDetailed,
  encodeQuery,
  type QueryParams,
} from '../wire/query.ts';
import { formDecode } from '../wire/v1/form.ts';
import { escapeNameSegment, unescapeNameSegment } from '../wire/v1/tilde.ts';
import { type Detection, detectVersion, marksHoldUp } from './detect.ts';
import {
  loadResources,
  type ParameterInfo,
  type ResourceIndex,
  type ResourceInfo,
  type ResourceMatch,
  type ResourcesInput,
  type TypeShape,
} from './idl.ts';
import { type ConvertWarning, distinctWarnings } from './warnings.ts';

export type { ConvertWarning } from './warnings.ts';

/** The translated URL. */
export interface ConvertResult {
  url: string;
  from: ProtocolVersionText;
  to: ProtocolVersionText;
  warnings: ConvertWarning[];
  /** How the source version was detected, when `from` was not given. */
  detection?: Detection;
}

/** Options of {@link convertUrl}; the value parser's limits apply to every key and value read. */
export interface ConvertOptions extends DecodeOptions {
  /** The target version. */
  to: ProtocolVersionText;
  /** The source version; detected when absent. */
  from?: ProtocolVersionText;
  /**
   * Resource IDLs: one restspec or snapshot, an array of them, or an index built once with
   * `loadResources` (the index of an IDL object or array is cached on it).
   */
  resources?: ResourcesInput;
  /** The HTTP verb, to find a method's parameter types in the IDL. */
  httpMethod?: string;
}

/** Parameters whose values are scalars in every resource: no warning for their single value. */
const RESERVED_SCALARS = new Set([
  'q',
  'bq',
  'action',
  'start',
  'count',
  'altkey',
  '$returnEntity',
  '$fillInDefaults',
]);

type Warn = (code: string, where: string, message: string) => void;

/**
 * Translates a request URL between protocol 1.0 and 2.0. Scheme, host, base path and fragment
 * are kept; key segments, every query parameter, `ids` and projections are rewritten; the output
 * is canonical (what the Java client writes for that request in the target version).
 *
 * @example
 * ```ts
 * convertUrl('/people?ids=1&ids=2', { to: '2.0.0' }).url;           // '/people?ids=List(1,2)'
 * convertUrl('/people/a=1&b=2?x=y', { to: '2.0.0' }).url;            // '/people/(a:1,b:2)?x=y' (+ warnings)
 * convertUrl('/people?ids=List(1,2)&f=(a:b)', { to: '1.0.0' }).url;  // '/people?f.a=b&ids=1&ids=2'
 * ```
 * @throws {@link RestliSyntaxError} when the URL is not valid in the source version, with the
 * offset in the URL (also a path key its kind cannot hold, such as a list as a compound-key part:
 * `UNSUPPORTED_VALUE` at the key); {@link RestliError} `UNTRANSLATABLE` when 1.0 cannot write the request in a
 * form its servers read (a list of lists, or a list mixing values and containers, at the root),
 * `INVALID_IDL` for a malformed IDL, `INVALID_ARGUMENT` / `INVALID_VERSION` for bad options.
 */
export function convertUrl(url: string, options: ConvertOptions): ConvertResult {
  const settings = readOptions(url, options);
  const parts = splitUrl(url);
  const source = sourceVersion(url, settings);
  const read = readQuery(parts.query ?? '', parts.queryStart, url, source, settings.limits);
  const { from, detection } = read.source;
  const to = settings.to;

  const warnings: ConvertWarning[] = [...read.warnings];
  const add = distinctWarnings(warnings);
  const warn: Warn = (code, where, message) => {
    // Reading 2.0 as 2.0 (or 1.0 as 1.0), a key's kind changes nothing in what is written, and a
    // 1.0 single value stays a single value.
    if ((code === 'KEY_KIND_GUESSED' || code === 'SINGLE_VALUE_ASSUMED_SCALAR') && from === to)
      return;
    add(code, where, message);
  };

  const segments = splitSegments(parts.path);
  const match = settings.index?.match(segments);
  if (settings.index && !match)
    warn('RESOURCE_NOT_FOUND', parts.path, 'no loaded IDL matches this path; heuristics apply');
  const params = read.detailed.params;
  const context: Context = {
    url,
    query: parts.query ?? '',
    queryStart: parts.queryStart,
    from,
    to,
    warn,
    resource: match?.resource,
    limits: settings.limits,
  };

  const roles = segmentRoles(segments, match, from, typeof params.q === 'string');
  const path = translatePath(segments, roles, parts.origin.length, context);
  const operation = match?.resource.operation(
    { q: str(params.q), bq: str(params.bq), action: str(params.action) },
    restliMethod(settings.httpMethod, {
      ids: 'ids' in params,
      key: roles.some((r) => r.kind === 'key' && r.entity),
      simple: match?.resource.simple === true,
    }),
  );
  const query = translateQuery(read.detailed, operation, context);

  // A query is written whenever there is one, even if the source had no `?`: a required empty
  // list or map is added for 2.0 (spec e.5). An empty `?` stays; one whose pieces were all
  // ignored goes.
  const written = query !== '' ? `?${query}` : parts.query === '' ? '?' : '';
  return {
    url: `${parts.origin}${path}${written}${parts.fragment}`,
    from,
    to,
    warnings,
    ...(detection ? { detection } : {}),
  };
}

/** What the steps share: the URL, the versions, where warnings go, the resource if known. */
interface Context {
  url: string;
  /** The raw query and where it starts in the URL (-1: no query), to place errors in it. */
  query: string;
  queryStart: number;
  from: ProtocolVersionText;
  to: ProtocolVersionText;
  warn: Warn;
  resource: ResourceInfo | undefined;
  /** The value parser's limits, for every key and value read. */
  limits: Required<DecodeOptions>;
}

// ---------------------------------------------------------------------------------------------
// Step 1: options.

interface Settings {
  to: ProtocolVersionText;
  from: ProtocolVersionText | undefined;
  index: ResourceIndex | undefined;
  httpMethod: string | undefined;
  limits: Required<DecodeOptions>;
}

function readOptions(url: unknown, options: unknown): Settings {
  if (typeof url !== 'string') throw argumentError('url', 'a string', url);
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw argumentError('options', 'an object', options);
  const o = options as ConvertOptions;
  // Checked by the limits module (a number, not NaN), like every entry point's limits.
  const limits = decodeLimits(o);
  // The length limit comes before any per-part work.
  checkLength(url, limits.maxLength);
  if (o.to !== V1 && o.to !== V2)
    throw new RestliError('INVALID_VERSION', `unsupported target version ${valueText(o.to)}`);
  if (o.from !== undefined && o.from !== V1 && o.from !== V2)
    throw new RestliError('INVALID_VERSION', `unsupported source version ${valueText(o.from)}`);
  if (o.httpMethod !== undefined && typeof o.httpMethod !== 'string')
    throw argumentError('options.httpMethod', 'a string', o.httpMethod);
  return {
    to: o.to,
    from: o.from,
    index: o.resources === undefined ? undefined : loadResources(o.resources),
    httpMethod: o.httpMethod,
    limits,
  };
}

// ---------------------------------------------------------------------------------------------
// Step 2: the source version, and the query read in it.

interface Source {
  from: ProtocolVersionText;
  detection?: Detection;
}

function sourceVersion(url: string, settings: Settings): Source {
  // A version the caller gave is not detected again.
  if (settings.from !== undefined) return { from: settings.from };
  // Detection without its own parse: the conversion parses anyway, and falls back below.
  const detection = detectVersion(url, { validate: false });
  // A URL that reads the same in both is taken as written in the other version: that is what a
  // migration converts from, and it keeps v1's one-value ambiguity in view.
  const from = detection.version === 'either' ? (settings.to === V2 ? V1 : V2) : detection.version;
  return { from, detection };
}

interface ReadQuery {
  detailed: { params: DecodedQuery; singleValued: string[] };
  source: Source;
  warnings: ConvertWarning[];
}

// Options objects are written out field by field, not spread (`{ version, ...limits }`): V8
// copies a spread through a slow generic path that cost more than some whole decodes.
function readQuery(
  query: string,
  at: number,
  url: string,
  source: Source,
  limits: Required<DecodeOptions>,
): ReadQuery {
  try {
    const detailed = rebased(
      () =>
        decodeQueryDetailed(query, {
          version: source.from,
          maxDepth: limits.maxDepth,
          maxLength: limits.maxLength,
          invalidUtf8: limits.invalidUtf8,
        }),
      url,
      at,
    );
    // Marks of both versions, and both servers read the query: the version is a guess.
    const warnings: ConvertWarning[] = source.detection?.ambiguous
      ? [
          {
            code: 'VERSION_GUESSED',
            where: query,
            message: `read as ${source.from}: it has marks of both versions and both servers read it`,
          },
        ]
      : [];
    return { detailed, source, warnings };
  } catch (error) {
    // A detected version whose server cannot read the query: the other one may (`ids=List(` is a
    // 1.0 string), but only when none of the detected version's marks holds up; otherwise the
    // URL is a broken URL of that version (`ids=List(1,2)&q=(a:b`), and its error is reported
    // (docs/decisions.md). A version the caller gave is not second-guessed.
    if (source.detection === undefined || !(error instanceof RestliError)) throw error;
    if (marksHoldUp(url, source.from)) throw error;
    const other = source.from === V1 ? V2 : V1;
    let detailed: ReadQuery['detailed'];
    try {
      detailed = decodeQueryDetailed(query, {
        version: other,
        maxDepth: limits.maxDepth,
        maxLength: limits.maxLength,
        invalidUtf8: limits.invalidUtf8,
      });
    } catch {
      throw error;
    }
    const reason = `only a ${other} server reads the query`;
    return {
      detailed,
      source: {
        from: other,
        detection: {
          version: other,
          evidence: [...source.detection.evidence, { version: other, reason, where: query }],
        },
      },
      warnings: [
        {
          code: 'VERSION_GUESSED',
          where: query,
          message: `read as ${other}: its marks say ${source.from}, but ${reason}`,
        },
      ],
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Step 3: the operation, to find its parameters in the IDL.

/** The Rest.li method of a request without `q`, `bq` or `action`, from its verb and form. */
function restliMethod(
  verb: string | undefined,
  form: { ids: boolean; key: boolean; simple: boolean },
): string | undefined {
  switch (verb?.toUpperCase()) {
    case 'GET':
      return form.ids ? 'batch_get' : form.key || form.simple ? 'get' : 'get_all';
    case 'PUT':
      return form.ids ? 'batch_update' : 'update';
    case 'DELETE':
      return form.ids ? 'batch_delete' : 'delete';
    case 'POST':
      // A POST without a key is create or batch_create (the X-RestLi-Method header tells).
      return form.ids ? 'batch_partial_update' : form.key ? 'partial_update' : undefined;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Step 4: the path. Each segment is static, a parent key, or the entity (or association) key.

type Role =
  | { kind: 'static' }
  | {
      kind: 'key';
      keyKind: KeyKind | undefined;
      shape?: TypeShape;
      /** The entity or association key after the resource path (not a parent key). */
      entity: boolean;
      /** Without an IDL: an empty 1.0 segment taken for the empty key. */
      guessedEmpty?: boolean;
    };

const STATIC: Role = { kind: 'static' };

function segmentRoles(
  segments: readonly string[],
  match: ResourceMatch | undefined,
  from: ProtocolVersionText,
  isFinder: boolean,
): Role[] {
  // A trailing empty segment (a path ending in `/`) is never a key.
  let count = segments.length;
  if (count > 1 && segments[count - 1] === '') count--;
  if (!match) return guessedRoles(segments, count, from);
  const { resource, start, end } = match;
  return segments.map((_s, i): Role => {
    if (i < start || i >= count) return STATIC;
    if (i >= end) {
      // The segment after the resource path: the entity key, or a finder's association key.
      if (isFinder) return { kind: 'key', keyKind: 'compound', entity: true };
      return {
        kind: 'key',
        keyKind: resource.key?.kind,
        ...(resource.key?.shape ? { shape: resource.key.shape } : {}),
        entity: true,
      };
    }
    const t = resource.segments[i - start]!;
    if (t.kind === 'static') return STATIC;
    const name = t.name;
    const shape = Object.hasOwn(resource.pathKeyShapes, name)
      ? resource.pathKeyShapes[name]
      : undefined;
    const keyKind = Object.hasOwn(resource.pathKeyKinds, name)
      ? resource.pathKeyKinds[name]
      : resource.key?.name === name
        ? resource.key.kind
        : undefined;
    return { kind: 'key', keyKind, ...(shape ? { shape } : {}), entity: false };
  });
}

/**
 * Without an IDL, only segments that look like keys in the source form are translated; plain
 * segments are kept as they are (a resource name reads the same in both versions). An empty 1.0
 * segment between two others is what the Java client writes for an empty string key.
 */
function guessedRoles(
  segments: readonly string[],
  count: number,
  from: ProtocolVersionText,
): Role[] {
  let first = segments.findIndex((s) => s !== '');
  if (first === -1) first = segments.length;
  return segments.map((s, i): Role => {
    if (i <= first || i >= count) return STATIC;
    if (s === '')
      return from === V1 && i < count - 1
        ? { kind: 'key', keyKind: 'primitive', entity: false, guessedEmpty: true }
        : STATIC;
    return looksLikeKey(s) ? { kind: 'key', keyKind: undefined, entity: i === count - 1 } : STATIC;
  });
}

/**
 * Resource names and base paths are plain words; a segment with any other character (`=`, `(`,
 * `%`, `+`, `'`, `&`, `:` …) is a key, whose text the target version may write differently.
 */
function looksLikeKey(segment: string): boolean {
  return /[^A-Za-z0-9_.-]/.test(segment);
}

function translatePath(
  segments: readonly string[],
  roles: readonly Role[],
  origin: number,
  context: Context,
): string {
  const { from, to } = context;
  const out: string[] = [];
  // Where the last non-empty segment is: an empty key there has no 1.0 form (spec d.1).
  let last = segments.length - 1;
  while (last >= 0 && segments[last] === '') last--;
  let at = origin;
  for (let i = 0; i < segments.length; i++) {
    const raw = segments[i]!;
    const role = roles[i]!;
    const offset = at;
    at += raw.length + 1;
    if (role.kind === 'static') {
      out.push(raw);
      continue;
    }
    if (role.guessedEmpty && from !== to)
      context.warn(
        'KEY_KIND_GUESSED',
        raw,
        'an empty 1.0 path segment read as the empty string key',
      );
    const written = translateKey(raw, role, offset, context);
    if (written === '' && to === V1 && i >= last) {
      // The Java client's URI builder drops an empty last segment: `test/''` is `test` in 1.0.
      context.warn(
        'EMPTY_KEY_DROPPED',
        raw,
        'an empty last key has no 1.0 path form: its segment vanishes',
      );
      continue;
    }
    out.push(written);
  }
  return out.join('/');
}

/**
 * A key read without an IDL: the kind its form suggests, else a compound key, else a string
 * (any text is a valid string key), each tried only when the one before cannot read it.
 */
function guessedKey(
  raw: string,
  kind: KeyKind,
  from: ProtocolVersionText,
  limits: Required<DecodeOptions>,
): [KeyKind, RestliData] {
  const kinds: KeyKind[] =
    kind === 'complex'
      ? ['complex', 'compound', 'primitive']
      : kind === 'compound'
        ? ['compound', 'primitive']
        : [kind];
  for (const k of kinds) {
    try {
      return [
        k,
        decodeKey(raw, {
          kind: k,
          version: from,
          context: 'path',
          maxDepth: limits.maxDepth,
          maxLength: limits.maxLength,
          invalidUtf8: limits.invalidUtf8,
        }),
      ];
    } catch (error) {
      if (!(error instanceof RestliError) || k === kinds[kinds.length - 1]) throw error;
    }
  }
  throw new Error('unreachable');
}

function translateKey(
  raw: string,
  role: Extract<Role, { kind: 'key' }>,
  offset: number,
  context: Context,
): string {
  const { url, from, to, warn, limits } = context;
  let kind: KeyKind;
  let value: RestliData;
  // The 2.0 client writes the empty key as `''` (a Java server would read two apostrophes):
  // decodeKey reads it as the empty key, so the translator keeps the client's meaning.
  if (role.keyKind !== undefined) {
    kind = role.keyKind;
    value = rebased(
      () =>
        decodeKey(raw, {
          kind,
          version: from,
          context: 'path',
          maxDepth: limits.maxDepth,
          maxLength: limits.maxLength,
          invalidUtf8: limits.invalidUtf8,
        }),
      url,
      offset,
    );
  } else {
    const suggested = segmentKeyKind(raw, from);
    [kind, value] = rebased(() => guessedKey(raw, suggested, from, limits), url, offset);
    if (kind !== 'primitive') {
      warn(
        'KEY_KIND_GUESSED',
        raw,
        `read as a ${kind} key from its form; without an IDL it could also be a string key`,
      );
    } else if (suggested !== 'primitive') {
      warn(
        'KEY_KIND_GUESSED',
        raw,
        `read as a string key: its form suggests a ${suggested} key, but it does not read as one`,
      );
    }
  }
  const repaired =
    kind === 'complex' && from === V1
      ? wrapArrays(value, role.shape, raw, warn, context.resource !== undefined)
      : value;
  if (kind === 'complex' && to === V1 && from === V2)
    checkV1Map(repaired, raw, role.shape, context);
  try {
    return encodeKey(repaired as Key, { kind, version: to, context: 'path' });
  } catch (error) {
    // A key its kind cannot hold (a list as a compound-key part, which no server reads): placed
    // at the key in the URL, with the part named, not at a path in a value the caller never made.
    if (!(error instanceof RestliEncodeError)) throw error;
    throw new RestliSyntaxError(
      error.code,
      `${error.reason} at ${error.path} of the key '${raw}'`,
      url,
      offset,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Step 5: the query.

function translateQuery(
  detailed: ReadQuery['detailed'],
  operation: ReturnType<ResourceInfo['operation']> | undefined,
  context: Context,
): string {
  const { from, to, warn } = context;
  const shapes = operation?.parameters;
  const out: Record<string, RestliValue | MaskTree> = {};
  for (const name of Object.keys(detailed.params)) {
    const value = detailed.params[name]!;
    if (name === 'ids') setOwn(out, name, convertIds(value as RestliData, context) as RestliValue);
    else setOwn(out, name, value as RestliValue | MaskTree);
  }
  if (from === V1) {
    repairSingleValues(out, detailed.singleValued, shapes, warn);
    // 1.0 writes nothing for an empty list or map: a required one that is absent was empty. Only
    // for an operation known exactly (never an action: its parameters are in the body).
    if (operation?.exact) {
      for (const [name, info] of operation.parameters) {
        if (Object.hasOwn(out, name) || info.optional) continue;
        if (info.shape.kind === 'array') setOwn(out, name, []);
        else if (info.shape.kind === 'map' || info.shape.kind === 'record') setOwn(out, name, {});
      }
    }
  }
  if (to === V1 && from === V2) {
    for (const name of Object.keys(out)) {
      if (isProjectionParam(name)) continue;
      const value = out[name];
      if (name === 'ids') {
        // Batch ids are a set: their order is not data. Complex ids are flattened below the root.
        if (Array.isArray(value)) {
          // Ids of one resource are all of one kind: plain ids beside maps cannot be written.
          refuseListOfLists(value, 'ids');
          const maps = value.filter(isContainer).length;
          if (maps > 0 && maps < value.length)
            throw new RestliError(
              'UNTRANSLATABLE',
              "'ids' mixes plain and map keys: protocol 1.0 writes them in a form no 1.0 server reads",
            );
          for (const [i, id] of value.entries()) checkV1Nested(id, `ids[${i}]`, warn);
        }
        continue;
      }
      const shape = shapes?.get(name)?.shape;
      checkV1Root(name, name, value, shape, context);
    }
  }
  return encodeQuery(out as QueryParams, { version: to });
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `ids` in the target form; 1.0 compound ids are `a=1&b=2` strings, 2.0 ones maps. */
function convertIds(value: RestliData, context: Context): RestliData[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((id, index) => {
    try {
      return convertId(id, context);
    } catch (error) {
      throw placedInIds(error, index, id, context);
    }
  });
}

/** One id of `ids` in the target form (see {@link convertIds}). */
function convertId(id: RestliData, context: Context): RestliData {
  const { from, to, warn, resource } = context;
  const declared = resource?.key?.kind;
  // 2.0 writes a compound or complex id as a map: a string where the IDL declares one is refused
  // there, as `decodeKey` refuses it in a path (it would become a 1.0 id a 1.0 server reads:
  // `List(a%3Dx%26b%3D2)` is the 1.0 compound key `a%3Dx%26b%3D2`).
  if (from === V2 && (declared === 'compound' || declared === 'complex') && typeof id !== 'object')
    throw new RestliSyntaxError(
      'INVALID_COMPOUND_KEY',
      `input '${String(id)}' is not a valid ${declared === 'compound' ? 'CompoundKey' : 'ComplexKey'}`,
      String(id),
      0,
    );
  // Without the kind declared, 1.0 to 1.0 keeps a string id as it is: `b%3D2%26a%3D1` is the
  // compound key {b, a} or the string `b=2&a=1`, and writing it again as a compound key (its
  // parts sorted) would change the string.
  if (from === V1 && to === V1 && declared === undefined && typeof id === 'string') return id;
  let kind: KeyKind =
    declared ??
    (typeof id === 'string'
      ? from === V1
        ? segmentKeyKind(id, V1)
        : 'primitive'
      : from === V1
        ? // 1.0 writes a compound id as a string (`a%3D1%26b%3D2`): a map read from 1.0
          // (`ids[0].a=1`) can only be a complex key.
          'complex'
        : inferMapKind(id));
  let key: RestliData = id;
  if (from === V1 && typeof id === 'string' && kind === 'compound') {
    try {
      key = decodeKey(id, { kind: 'compound', version: V1, context: 'body' });
      if (declared === undefined)
        warn(
          'KEY_KIND_GUESSED',
          'ids',
          `id '${id}' read as a compound key; without an IDL it could be a string`,
        );
    } catch (error) {
      if (declared !== undefined || !(error instanceof RestliError)) throw error;
      kind = 'primitive';
    }
  }
  if (from === V1 && kind === 'complex' && typeof key === 'object') {
    key = wrapArrays(key, resource?.key?.shape, 'ids', warn, resource !== undefined) as RestliData;
  }
  if (to === V1 && kind === 'compound' && typeof key === 'object' && !Array.isArray(key)) {
    if (declared === undefined)
      warn(
        'KEY_KIND_GUESSED',
        'ids',
        'a map id written as a 1.0 compound key; a complex key would be flattened instead',
      );
    return encodeKey(key as Key, { kind: 'compound', version: V1, context: 'body' });
  }
  return key;
}

/**
 * An error about id `index` of `ids`, placed in the URL, as a key's error is placed at the key:
 * at the id's own text (a 1.0 `ids=…` piece, or an element of a 2.0 `List(…)`), and within it
 * when the error points into the id's decoded text; the encoder's errors (a part its kind cannot
 * hold) name the part. Errors of other kinds, and a URL whose `ids` piece is not found, go as
 * they are.
 */
function placedInIds(error: unknown, index: number, id: RestliData, context: Context): unknown {
  if (!(error instanceof RestliSyntaxError || error instanceof RestliEncodeError)) return error;
  const { query, queryStart, url, from } = context;
  if (queryStart < 0) return error;
  const [at, end] = idSpan(query, from, index);
  if (at < 0) return error;
  const raw = query.slice(at, end);
  if (error instanceof RestliEncodeError) {
    const reason = `${error.reason} at ${error.path} of the id '${raw}'`;
    return new RestliSyntaxError(error.code, reason, url, queryStart + at);
  }
  // An offset into the id's decoded text is mapped into its raw text; any other input (a part
  // decoded on its own) places the error at the id.
  const inside = typeof id === 'string' && error.input === id ? rawOffset(raw, error.offset) : 0;
  const reason = `${error.reason} (in the id '${raw}')`;
  return new RestliSyntaxError(error.code, reason, url, queryStart + at + inside);
}

/**
 * Where id `index` of `ids` is written in the raw query: the value of its own `ids=…` piece
 * (1.0), its element of the `List(…)` (2.0), or, for a 1.0 id written as a map
 * (`ids[0].a=x&ids[0].b=2`), the name of its first piece (`ids[0].a`); `[-1, -1]` when not found.
 */
function idSpan(query: string, from: ProtocolVersionText, index: number): [number, number] {
  const pieces = splitQuery(query);
  const names = pieces.map((piece) => formDecode(query.slice(piece.start, piece.nameEnd)));
  // 1.0 writes one `ids` piece per id, 2.0 one for the list.
  const own = pieces.filter((_, i) => names[i] === 'ids')[from === V1 ? index : 0];
  if (own !== undefined) {
    return from === V2
      ? listElement(query, own.valueStart, own.end, index)
      : [own.valueStart, own.end];
  }
  const prefix = `ids[${index}]`;
  const first = pieces.find((_, i) => names[i]!.startsWith(prefix));
  return first === undefined ? [-1, -1] : [first.start, first.nameEnd];
}

/**
 * Where element `index` of the 2.0 list `text[start, end)` starts and ends (its raw text), found
 * by the grammar characters at the list's top level; the whole value when it is no `List(…)` or
 * has fewer elements.
 */
function listElement(text: string, start: number, end: number, index: number): [number, number] {
  if (!text.startsWith('List(', start)) return [start, end];
  let depth = 0;
  let element = 0;
  let elementStart = start + 5;
  for (let i = start + 5; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28) depth++;
    else if (c === 0x29 && depth > 0) depth--;
    else if ((c === 0x29 || c === 0x2c) && depth === 0) {
      if (element === index) return [elementStart, i];
      if (c === 0x29) break;
      element++;
      elementStart = i + 1;
    }
  }
  return [start, end];
}

function inferMapKind(id: RestliData): KeyKind {
  if (typeof id !== 'object' || Array.isArray(id)) return 'primitive';
  return '$params' in id || Object.values(id).some((v) => typeof v === 'object')
    ? 'complex'
    : 'compound';
}

/**
 * Wraps the fields a complex key's schema declares as arrays, which 1.0 wrote as scalars. Without
 * the key's record (no IDL, or an IDL that names a record it does not hold, as a bare restspec
 * does) the scalars stay, and a warning says so.
 */
function wrapArrays(
  value: RestliData,
  shape: TypeShape | undefined,
  where: string,
  warn: Warn,
  withIdl: boolean,
): RestliData {
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  if (shape?.kind !== 'record') {
    if (hasScalar(value)) {
      warn(
        'SINGLE_VALUE_ASSUMED_SCALAR',
        where,
        withIdl
          ? "a 1.0 complex key writes one-element lists as scalars; the IDL does not hold the key's record, so they stay scalars"
          : 'a 1.0 complex key writes one-element lists as scalars; without an IDL they stay scalars',
      );
    }
    return value;
  }
  const out: RestliDataMap = {};
  for (const [k, v] of Object.entries(value)) {
    const field = shape.fields.get(k);
    setOwn(out, k, field?.kind === 'array' && !Array.isArray(v) ? [v] : v);
  }
  return out;
}

function hasScalar(value: RestliDataMap): boolean {
  return Object.entries(value).some(([k, v]) => k !== '$params' && typeof v === 'string');
}

/**
 * 1.0 wrote a one-element list exactly like a scalar (spec e.5): with the parameter types, wrap
 * what is declared an array; without them, keep the scalar and say so.
 */
function repairSingleValues(
  params: Record<string, RestliValue | MaskTree>,
  singleValued: readonly string[],
  parameters: ReadonlyMap<string, ParameterInfo> | undefined,
  warn: Warn,
): void {
  const assumed = (path: string) =>
    warn(
      'SINGLE_VALUE_ASSUMED_SCALAR',
      path,
      `'${path}' has one value in 1.0: written as a scalar; if it is an array, 2.0 needs List(…)`,
    );
  for (const path of singleValued) {
    // A leaf inside an indexed list is a list element: 1.0 cannot hold a list of lists anyway.
    if (path.endsWith(']')) continue;
    const steps = pathSteps(path);
    const root = steps[0] as string;
    if (root === 'ids' || isProjectionParam(root)) continue;
    if (parameters === undefined) {
      if (steps.length === 1 && RESERVED_SCALARS.has(root)) continue;
      assumed(path);
      continue;
    }
    let shape: TypeShape | undefined = parameters.get(root)?.shape;
    let holder: Record<string | number, unknown> = params;
    for (let i = 1; i < steps.length; i++) {
      holder = holder[steps[i - 1]!] as Record<string | number, unknown>;
      shape = shape === undefined ? undefined : stepShape(shape, steps[i]!);
    }
    const key = steps[steps.length - 1]!;
    if (shape?.kind === 'array') {
      setOwn(holder as Record<string, unknown>, String(key), [holder[key]]);
    } else if (shape === undefined || shape.kind === 'unknown') {
      if (steps.length === 1 && RESERVED_SCALARS.has(root)) continue;
      assumed(path);
    }
  }
}

/** `a.b[0].c` → `['a', 'b', 0, 'c']`, names `~`-decoded. One pass, no regular expression. */
function pathSteps(path: string): (string | number)[] {
  const steps: (string | number)[] = [];
  // Where the current name starts; -1 after an index, until the next `.`.
  let start = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 0x2e) {
      if (start !== -1) steps.push(unescapeNameSegment(path.slice(start, i)));
      start = i + 1;
    } else if (c === 0x5b) {
      if (start !== -1) steps.push(unescapeNameSegment(path.slice(start, i)));
      start = -1;
      const close = path.indexOf(']', i);
      steps.push(Number(path.slice(i + 1, close)));
      i = close;
    }
  }
  if (start !== -1) steps.push(unescapeNameSegment(path.slice(start)));
  return steps;
}

function stepShape(shape: TypeShape, step: string | number): TypeShape | undefined {
  if (typeof step === 'number') return shape.kind === 'array' ? shape.items : undefined;
  if (shape.kind === 'record') return shape.fields.get(step);
  if (shape.kind === 'map') return shape.values;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// What protocol 1.0 cannot say (spec e.1, e.3, e.5).

/**
 * A parameter (or a complex key's field) at the root of a 1.0 flattening. A list of plain values
 * under a plain name is written as repeated values, sorted, and one of one value is a scalar;
 * any other list (under a name that needs `~`-escaping, or mixing values and containers) is
 * written indexed, which keeps it whole. A list of lists has no readable 1.0 form: refused.
 */
function checkV1Root(
  name: string,
  where: string,
  value: unknown,
  shape: TypeShape | undefined,
  context: Context,
) {
  const { warn } = context;
  if (Array.isArray(value)) {
    refuseListOfLists(value, where);
    const repeated = escapeNameSegment(name) === name && !value.some(isContainer);
    if (repeated) {
      const texts = value.map(String);
      if (texts.some((t, i) => i > 0 && t < texts[i - 1]!))
        warn(
          'LIST_ORDER_CHANGED',
          where,
          `1.0 writes the values of '${where}' sorted: their order is lost`,
        );
      if (value.length === 1 && shape?.kind !== 'array')
        warn(
          'ONE_ELEMENT_LIST',
          where,
          `1.0 writes a one-element list '${where}' like a scalar; without an IDL it reads back as one`,
        );
    }
  }
  checkV1Nested(value, where, warn);
}

/** A root-level list of lists has no readable 1.0 form. */
function refuseListOfLists(list: readonly unknown[], where: string): void {
  if (list.some((v) => Array.isArray(v))) {
    throw new RestliError(
      'UNTRANSLATABLE',
      `'${where}' is a list of lists: protocol 1.0 writes it in a form no 1.0 server reads`,
    );
  }
}

/** Below the root lists are indexed (order kept); empty lists and maps still vanish. */
function checkV1Nested(value: unknown, where: string, warn: Warn): void {
  const stack: [unknown, string, boolean][] = [[value, where, false]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [v, at, inList] = item;
    if (Array.isArray(v)) {
      if (v.length === 0)
        warn('EMPTY_CONTAINER_DROPPED', at, '1.0 writes nothing for an empty list');
      if (inList)
        throw new RestliError(
          'UNTRANSLATABLE',
          `'${at}' is a list of lists: protocol 1.0 writes it in a form no 1.0 server reads`,
        );
      // Leaves have nothing to check: only containers go on the stack (and get a path).
      for (let i = v.length - 1; i >= 0; i--) {
        if (isContainer(v[i])) stack.push([v[i], `${at}[${i}]`, true]);
      }
    } else if (isContainer(v)) {
      const keys = Object.keys(v);
      if (keys.length === 0)
        warn('EMPTY_CONTAINER_DROPPED', at, '1.0 writes nothing for an empty map');
      for (let i = keys.length - 1; i >= 0; i--) {
        const child = (v as Record<string, unknown>)[keys[i]!];
        if (isContainer(child)) stack.push([child, `${at}.${keys[i]}`, false]);
      }
    }
  }
}

/** A list or a map (an object that is not null). */
function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/** A complex key written in 1.0: its fields are the root of a flattening. */
function checkV1Map(
  value: unknown,
  where: string,
  shape: TypeShape | undefined,
  context: Context,
): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const field = shape?.kind === 'record' ? shape.fields.get(k) : undefined;
    checkV1Root(k, `${where}.${k}`, v, field, context);
  }
}

export type { DecodedQuery };
