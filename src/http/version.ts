/**
 * Rest.li protocol versions: the version text of the `X-RestLi-Protocol-Version` header, the
 * constants the Java reference ships, the client's choice of a version for a request, and the
 * header names that depend on the version of an exchange.
 *
 * @module
 */

import { RestliError, RestliSyntaxError } from '../errors.ts';
import {
  argumentError,
  describeArgument,
  expectObject,
  expectOptions,
  expectString,
} from '../internal/args.ts';
import { findHeader } from '../internal/headers.ts';
import { parseJavaInt } from '../internal/java-int.ts';

/** A protocol version, `major.minor.patch`. */
export interface ProtocolVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** A version given either parsed or as its text (`'2.0.0'`). */
export type VersionLike = ProtocolVersion | string;

/** The request and response header that carries the protocol version. */
export const PROTOCOL_VERSION_HEADER = 'X-RestLi-Protocol-Version';

function version(major: number, minor: number, patch: number): ProtocolVersion {
  return Object.freeze({ major, minor, patch });
}

/** Oldest version a server accepts: 1.0.0. */
export const OLDEST_SUPPORTED_VERSION: ProtocolVersion = version(1, 0, 0);
/** Version of {@link VersionOption | `FORCE_USE_PREVIOUS`}, and the floor of negotiation: 1.0.0. */
export const PREVIOUS_VERSION: ProtocolVersion = version(1, 0, 0);
/** Version assumed for a service that announces none: 2.0.0. */
export const BASELINE_VERSION: ProtocolVersion = version(2, 0, 0);
/** Version of `FORCE_USE_LATEST`, and the ceiling of negotiation: 2.0.0. */
export const LATEST_VERSION: ProtocolVersion = version(2, 0, 0);
/** Version of `FORCE_USE_NEXT`, and the newest a server accepts: 2.0.0. */
export const NEXT_VERSION: ProtocolVersion = version(2, 0, 0);

/** What a request without a version header speaks. */
const MISSING_HEADER_VERSION = version(1, 0, 0);
const V2 = version(2, 0, 0);

/** Java parses each part as an `int`, so larger numbers are not versions. */
const MAX_PART = 2 ** 31 - 1;

/**
 * Reads version text: exactly three `.`-separated decimal integers, where anything after a `-`
 * in the patch part is ignored (`1.2.3-alpha` is 1.2.3). The suffix may hold neither `.` (Java
 * then counts four parts) nor whitespace or control characters; an empty suffix (`1.2.3-`) is
 * accepted, as Java's split on `-` accepts it. Signs, non-ASCII digits and parts above 2³¹−1 are
 * rejected (stricter than Java's `Integer.parseInt`, which takes `+1`).
 *
 * @example
 * ```ts
 * parseVersion('2.0.0'); // { major: 2, minor: 0, patch: 0 }
 * parseVersion('1.2.3-alpha'); // { major: 1, minor: 2, patch: 3 }
 * parseVersion('1.2'); // throws RestliSyntaxError INVALID_VERSION, offset 3
 * ```
 * @throws {@link RestliSyntaxError} with code `INVALID_VERSION`, Java's reason
 * `Illegal version X specified.` and the offset of the first offending character.
 */
export function parseVersion(text: string): ProtocolVersion {
  expectString(text, 'text');
  const parts: number[] = [];
  let i = 0;
  for (let part = 0; part < 3; part++) {
    const start = i;
    let value = 0;
    while (i < text.length && isDigit(text.charCodeAt(i))) {
      value = value * 10 + (text.charCodeAt(i) - 48);
      if (value > MAX_PART) throw illegalVersion(text, start);
      i++;
    }
    if (i === start) throw illegalVersion(text, i);
    parts.push(value);
    if (part < 2) {
      if (text[i] !== '.') throw illegalVersion(text, i);
      i++;
    }
  }
  if (i < text.length) {
    if (text[i] !== '-') throw illegalVersion(text, i);
    for (i++; i < text.length; i++) {
      if (text[i] === '.' || /\s|\p{Cc}/u.test(text[i]!)) throw illegalVersion(text, i);
    }
  }
  return version(parts[0]!, parts[1]!, parts[2]!);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function illegalVersion(text: string, offset: number): RestliSyntaxError {
  const token = text[offset];
  return new RestliSyntaxError(
    'INVALID_VERSION',
    `Illegal version ${text} specified.`,
    text,
    offset,
    token,
  );
}

/**
 * Writes a version as `major.minor.patch`, the form of the header.
 *
 * @example
 * ```ts
 * formatVersion(parseVersion('1.2.3-alpha')); // '1.2.3'
 * ```
 */
export function formatVersion(v: ProtocolVersion): string {
  checkVersionObject(v, 'v');
  return `${v.major}.${v.minor}.${v.patch}`;
}

/** The parsed form of `v`. */
/** A version given as text or as an object, checked (a wrong type is `INVALID_ARGUMENT`). */
function toVersion(v: VersionLike, name = 'version'): ProtocolVersion {
  if (typeof v === 'string') return parseVersion(v);
  checkVersionObject(v, name);
  return v;
}

/** A version object must have three integer parts: anything else cannot be compared. */
function checkVersionObject(v: unknown, name: string): asserts v is ProtocolVersion {
  const parts = v as { major?: unknown; minor?: unknown; patch?: unknown } | null;
  if (
    typeof v !== 'object' ||
    v === null ||
    Array.isArray(v) ||
    !Number.isInteger(parts!.major) ||
    !Number.isInteger(parts!.minor) ||
    !Number.isInteger(parts!.patch)
  ) {
    throw argumentError(name, 'version text or a { major, minor, patch } object', v);
  }
}

/**
 * Compares numerically by major, then minor, then patch.
 *
 * @example
 * ```ts
 * compareVersions('0.9.1', '1.0.7'); // -1
 * compareVersions('1.2.3-alpha', '1.2.3'); // 0
 * ```
 * @throws {@link RestliSyntaxError} `INVALID_VERSION` when a text is not a version.
 */
export function compareVersions(a: VersionLike, b: VersionLike): -1 | 0 | 1 {
  const x = toVersion(a, 'a');
  const y = toVersion(b, 'b');
  const d = x.major - y.major || x.minor - y.minor || x.patch - y.patch;
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/**
 * Request or response headers: a plain object (any key case; a `string[]` value is joined with
 * `, ` as `Headers` does) or anything with a `get(name)` such as the Fetch `Headers`.
 */
export type HeadersLike =
  | { readonly [name: string]: string | readonly string[] | undefined }
  | { get(name: string): string | null | undefined };

/**
 * Looks a header up by name, ignoring case; `undefined` when absent. On a plain object the first
 * own key that matches wins.
 *
 * @example
 * ```ts
 * headerValue({ 'x-restli-protocol-version': '2.0.0' }, 'X-RestLi-Protocol-Version'); // '2.0.0'
 * ```
 */
export function headerValue(headers: HeadersLike, name: string): string | undefined {
  checkHeaders(headers);
  expectString(name, 'name');
  if (typeof headers.get === 'function') {
    return (headers as { get(name: string): string | null | undefined }).get(name) ?? undefined;
  }
  const map = headers as { readonly [name: string]: string | readonly string[] | undefined };
  const value: unknown = findHeader(Object.entries(map), name);
  if (value === undefined || typeof value === 'string') return value;
  // A header's value is a string or a list of strings; anything else is the caller's mistake.
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw argumentError(
      `headers[${JSON.stringify(name)}]`,
      'a string or an array of strings',
      value,
    );
  }
  return value.join(', ');
}

/**
 * The protocol version of a request or response: its `X-RestLi-Protocol-Version` header, 1.0.0
 * when the header is missing (an empty header is not missing: it is an invalid version).
 *
 * @example
 * ```ts
 * versionFromHeaders({ 'X-RestLi-Protocol-Version': '2.0.0' }); // { major: 2, minor: 0, patch: 0 }
 * versionFromHeaders({}); // { major: 1, minor: 0, patch: 0 }
 * versionFromHeaders(new Headers({ 'x-restli-protocol-version': '1.2.3' })); // { major: 1, minor: 2, patch: 3 }
 * ```
 * @throws {@link RestliSyntaxError} `INVALID_VERSION` when the header is not a version.
 */
export function versionFromHeaders(headers: HeadersLike): ProtocolVersion {
  const text = headerValue(headers, PROTOCOL_VERSION_HEADER);
  return text === undefined ? MISSING_HEADER_VERSION : parseVersion(text);
}

/**
 * How a client picks the version of a request (Java's `ProtocolVersionOption`):
 * `FORCE_USE_NEXT`, `FORCE_USE_LATEST` and `FORCE_USE_PREVIOUS` take that constant;
 * `USE_LATEST_IF_AVAILABLE` (the default) follows the service's announced version.
 */
export type VersionOption =
  | 'FORCE_USE_NEXT'
  | 'FORCE_USE_LATEST'
  | 'FORCE_USE_PREVIOUS'
  | 'USE_LATEST_IF_AVAILABLE';

/**
 * Overrides of the shipped constants (all default to the exported constants), and Java's
 * `restli.forceUseNextVersionOverride` switch (default `false`), which picks next whatever the
 * option.
 */
export interface VersionConfig {
  baseline?: VersionLike;
  previous?: VersionLike;
  latest?: VersionLike;
  next?: VersionLike;
  forceUseNextOverride?: boolean;
}

/**
 * The version a client sends, given the version the service announced (see
 * {@link announcedVersion}) and the request's option: under `USE_LATEST_IF_AVAILABLE` an
 * announced version below previous is an error, one between previous and latest is used as it is,
 * and anything from latest up gives latest.
 *
 * @example
 * ```ts
 * negotiateVersion('2.0.0'); // { major: 2, minor: 0, patch: 0 }
 * negotiateVersion('2.0.0', 'FORCE_USE_PREVIOUS'); // { major: 1, minor: 0, patch: 0 }
 * negotiateVersion('2.5.0', 'USE_LATEST_IF_AVAILABLE', { latest: '3.0.0', next: '3.0.0' }); // { major: 2, minor: 5, patch: 0 }
 * ```
 * @throws {@link RestliError} `OUTDATED_VERSION` (Java's `Announced version is less than the
 * earliest supported version!…`), `UNKNOWN_VERSION_OPTION` for an option outside
 * {@link VersionOption}, or `INVALID_VERSION` for version text that does not parse.
 */
export function negotiateVersion(
  announced: VersionLike,
  option: VersionOption = 'USE_LATEST_IF_AVAILABLE',
  config: VersionConfig = {},
): ProtocolVersion {
  expectOptions(config, 'config');
  const next = toVersion(config.next ?? NEXT_VERSION);
  if (config.forceUseNextOverride) return next;
  switch (option) {
    case 'FORCE_USE_NEXT':
      return next;
    case 'FORCE_USE_LATEST':
      return toVersion(config.latest ?? LATEST_VERSION);
    case 'FORCE_USE_PREVIOUS':
      return toVersion(config.previous ?? PREVIOUS_VERSION);
    case 'USE_LATEST_IF_AVAILABLE':
      return latestIfAvailable(toVersion(announced), config);
    default:
      throw new RestliError(
        'UNKNOWN_VERSION_OPTION',
        `Unknown version option ${typeof option === 'string' ? option : describeArgument(option)}`,
      );
  }
}

function latestIfAvailable(announced: ProtocolVersion, config: VersionConfig): ProtocolVersion {
  const previous = toVersion(config.previous ?? PREVIOUS_VERSION);
  const latest = toVersion(config.latest ?? LATEST_VERSION);
  const vsPrevious = compareVersions(announced, previous);
  if (vsPrevious < 0) {
    throw new RestliError(
      'OUTDATED_VERSION',
      'Announced version is less than the earliest supported version!' +
        `Announced version: ${formatVersion(announced)}, earliest supported version: ${formatVersion(previous)}`,
    );
  }
  if (vsPrevious === 0) return previous;
  return compareVersions(announced, latest) < 0 ? announced : latest;
}

/** Service metadata property holding the version a service announces. */
export const ANNOUNCED_VERSION_PROPERTY = 'restli.protocol';
/** Service metadata property holding the share of lookups (1–100) that see the announcement. */
export const ANNOUNCED_VERSION_PERCENTAGE_PROPERTY = 'restli.protocol.percentage';

/** Service metadata: a plain object or a `Map` of property name to value. */
export type ServiceProperties = { readonly [name: string]: unknown } | ReadonlyMap<string, unknown>;

/**
 * The version a service announces in its metadata (`restli.protocol`, with an optional
 * `restli.protocol.percentage`): no version gives baseline; a version without a percentage gives
 * that version; a percentage `p` with 1 ≤ p ≤ 100 gives the version when a draw from 1 to 100 is
 * at most `p` (so with probability p%), else baseline; any other percentage, or one that is not a
 * Java `int` (`''`, `'abc'`, `'50.5'`), gives baseline. `null` and `undefined` mean absent.
 *
 * `random` returns a number in [0, 1) like `Math.random` (the default); it is called once, and
 * only for a percentage in range. The Java client caches the answer per service for 30 s; this
 * function does not.
 *
 * @example
 * ```ts
 * announcedVersion({}); // { major: 2, minor: 0, patch: 0 } (baseline)
 * announcedVersion({ 'restli.protocol': '2.0.0' }); // { major: 2, minor: 0, patch: 0 }
 * announcedVersion({ 'restli.protocol': '3.0.0', 'restli.protocol.percentage': '10' }, () => 0.05);
 * // { major: 3, minor: 0, patch: 0 }: the draw is 6, at most 10
 * ```
 * @throws {@link RestliSyntaxError} `INVALID_VERSION` when the announced version is used and does
 * not parse.
 */
export function announcedVersion(
  properties: ServiceProperties,
  random: () => number = Math.random,
  config: VersionConfig = {},
): ProtocolVersion {
  if (!(properties instanceof Map)) expectObject(properties, 'properties');
  if (typeof random !== 'function') throw argumentError('random', 'a function', random);
  expectOptions(config, 'config');
  const baseline = toVersion(config.baseline ?? BASELINE_VERSION);
  const announced = property(properties, ANNOUNCED_VERSION_PROPERTY);
  if (announced === undefined) return baseline;
  const percentageText = property(properties, ANNOUNCED_VERSION_PERCENTAGE_PROPERTY);
  if (percentageText === undefined) return parseVersion(announced);
  const percentage = parseAsciiInt(percentageText);
  if (percentage === undefined || percentage < 1 || percentage > 100) return baseline;
  const draw = Math.floor(random() * 100) + 1;
  return draw <= percentage ? parseVersion(announced) : baseline;
}

/** A property's text (Java's `toString()`), `undefined` when absent or null. */
function property(properties: ServiceProperties, name: string): string | undefined {
  const value =
    properties instanceof Map
      ? properties.get(name)
      : Object.hasOwn(properties, name)
        ? (properties as { readonly [name: string]: unknown })[name]
        : undefined;
  return value === undefined || value === null ? undefined : String(value);
}

/** Java's `Integer.parseInt` on ASCII text: an optional sign, digits, the `int` range. */
function parseAsciiInt(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const parsed = parseJavaInt(text, 0, text.length, 10);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * Whether a server accepts a request of this version: oldest supported ≤ v ≤ next (so 1.0.0
 * through 2.0.0; `2.0.1` is rejected).
 *
 * @example
 * ```ts
 * isSupportedVersion('2.0.0'); // true
 * isSupportedVersion('2.0.1'); // false
 * ```
 * @throws {@link RestliSyntaxError} `INVALID_VERSION` when a text is not a version.
 */
export function isSupportedVersion(v: VersionLike): boolean {
  const parsed = toVersion(v);
  return (
    compareVersions(parsed, OLDEST_SUPPORTED_VERSION) >= 0 &&
    compareVersions(parsed, NEXT_VERSION) <= 0
  );
}

/**
 * Throws what a server answers (with status 400) to a version it does not support.
 *
 * @example
 * ```ts
 * assertSupportedVersion('2.0.1');
 * // throws RestliError UNSUPPORTED_VERSION:
 * // 'Rest.li protocol version 2.0.1 used by the client is not supported!'
 * ```
 * @throws {@link RestliError} `UNSUPPORTED_VERSION` with Java's message, or `INVALID_VERSION`.
 */
export function assertSupportedVersion(v: VersionLike): void {
  if (isSupportedVersion(v)) return;
  const text = formatVersion(toVersion(v));
  throw new RestliError(
    'UNSUPPORTED_VERSION',
    `Rest.li protocol version ${text} used by the client is not supported!`,
  );
}

/** 1.x exchanges use the LinkedIn header names; 2.0 and anything below 1.0.0 the Rest.li ones. */
function isV1(v: VersionLike | null | undefined): boolean {
  const parsed = v === undefined || v === null ? MISSING_HEADER_VERSION : toVersion(v);
  return compareVersions(parsed, MISSING_HEADER_VERSION) >= 0 && compareVersions(parsed, V2) < 0;
}

/**
 * Name of the created-entity id header for an exchange of this version: `X-LinkedIn-Id` for 1.x,
 * `X-RestLi-Id` otherwise. A missing version means 1.0.0, as a missing header does.
 *
 * @example
 * ```ts
 * idHeaderName('2.0.0'); // 'X-RestLi-Id'
 * idHeaderName(undefined); // 'X-LinkedIn-Id'
 * ```
 */
export function idHeaderName(v?: VersionLike | null): 'X-LinkedIn-Id' | 'X-RestLi-Id' {
  return isV1(v) ? 'X-LinkedIn-Id' : 'X-RestLi-Id';
}

/**
 * Name of the header (value `true`) that marks an error response: `X-LinkedIn-Error-Response` for
 * 1.x, `X-RestLi-Error-Response` otherwise; a missing version means 1.0.0.
 *
 * @example
 * ```ts
 * errorResponseHeaderName('2.0.0'); // 'X-RestLi-Error-Response'
 * errorResponseHeaderName('1.0.0'); // 'X-LinkedIn-Error-Response'
 * ```
 */
export function errorResponseHeaderName(
  v?: VersionLike | null,
): 'X-LinkedIn-Error-Response' | 'X-RestLi-Error-Response' {
  return isV1(v) ? 'X-LinkedIn-Error-Response' : 'X-RestLi-Error-Response';
}

/** Headers must be a plain object or have a `get` method (the Fetch `Headers`). */
function checkHeaders(headers: unknown): void {
  if (typeof (headers as { get?: unknown } | null)?.get === 'function') return;
  expectObject(headers, 'headers');
}
