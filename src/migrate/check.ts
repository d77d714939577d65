/**
 * The logic of `restli check`: which requests still speak protocol 1.0, for a migration to 2.0.
 * Pure functions over one request at a time, so that a caller (the CLI, a test, a proxy) can
 * check millions of requests in constant memory; printing is the caller's business.
 *
 * @module
 */

import { RestliError } from '../errors.ts';
import {
  argumentError,
  expectObject,
  expectOptionalString,
  expectString,
  expectStrings,
  ownValue,
} from '../internal/args.ts';
import { setOwn } from '../internal/own.ts';
import { type ProtocolVersionText, V1, V2 } from '../internal/version-text.ts';
import { convertUrl } from './convert.ts';
import { detectVersion } from './detect.ts';
import type { ResourcesInput } from './idl.ts';

/** A request to check: its URL, and when known its HTTP verb and protocol version header. */
export interface CheckRequest {
  url: string;
  /** The HTTP verb, to find a method's parameters in the IDL. */
  method?: string;
  /** The `X-RestLi-Protocol-Version` header, when the request had one. */
  version?: string;
}

/** What a check found about one request. */
export interface CheckReport {
  /** The version the request speaks: its header's, else the URL's detected one. */
  version: string;
  /** Where `version` came from. */
  source: 'header' | 'detected';
  /**
   * Whether the URL is valid in that version (for an unknown header version, in the version the
   * URL's marks point to).
   */
  valid: boolean;
  /**
   * Whether the header and the URL agree (`true` when there is no header, or when the header
   * names a version this library does not know: that is `UNSUPPORTED_VERSION`).
   */
  agrees: boolean;
  /** The request's URL in protocol 2.0, when it could be read. */
  v2?: string;
  /**
   * Problem codes, each once: `SPEAKS_1.0`, `INVALID_URL`, `HEADER_URL_MISMATCH`,
   * `UNSUPPORTED_VERSION`, and the translation's warning codes.
   */
  problems: string[];
  /** Whether the request is valid protocol 2.0 as it is (what a migration aims at). */
  ok: boolean;
}

/** Options of {@link checkRequest}. */
export interface CheckOptions {
  /** Resource IDLs, as {@link convertUrl} takes them. */
  resources?: ResourcesInput;
}

/**
 * Checks one request: the version it speaks, whether its URL is valid in that version, whether
 * its header agrees with its URL, and its 2.0 form.
 *
 * @example
 * ```ts
 * checkRequest('/people?ids=1&ids=2').problems; // ['SPEAKS_1.0']
 * checkRequest('/people?ids=List(1,2)').ok;     // true
 * ```
 * @throws {@link RestliError} `INVALID_ARGUMENT` for a request that is not a string or an object
 * with a string `url`; `INVALID_IDL` for a malformed IDL. A URL that no version reads is not an
 * error: it is reported as `INVALID_URL`.
 */
export function checkRequest(request: CheckRequest | string, options?: CheckOptions): CheckReport {
  const { url, method, version: header } = requestOf(request);
  const detected = detectVersion(url).version;
  const fromUrl: ProtocolVersionText = detected === 'either' ? V2 : detected;
  // A header naming a version this library does not know (`3.0.0`, `2.0.1`, `x`) is reported as
  // such; the URL is then read as its marks say, never as 1.0 by default.
  const known = header === undefined || header === V1 || header === V2;
  const version = header ?? fromUrl;
  const speaks: ProtocolVersionText = known ? (header ?? fromUrl) : fromUrl;
  const agrees = !known || header === undefined || detected === 'either' || detected === speaks;
  const problems: string[] = [];
  if (!known) problems.push('UNSUPPORTED_VERSION');
  if (speaks === V1) problems.push('SPEAKS_1.0');
  if (!agrees) problems.push('HEADER_URL_MISMATCH');
  let v2: string | undefined;
  let valid = true;
  try {
    const result = convertUrl(url, {
      from: speaks,
      to: V2,
      ...(options?.resources !== undefined ? { resources: options.resources } : {}),
      ...(method !== undefined ? { httpMethod: method } : {}),
    });
    v2 = result.url;
    for (const w of result.warnings) problems.push(w.code);
  } catch (error) {
    // A malformed IDL is the caller's error, not the request's.
    if (!(error instanceof RestliError) || error.code === 'INVALID_IDL') throw error;
    valid = false;
    problems.push('INVALID_URL');
  }
  const unique = [...new Set(problems)];
  return {
    version,
    source: header === undefined ? 'detected' : 'header',
    valid,
    agrees,
    ...(v2 !== undefined ? { v2 } : {}),
    problems: unique,
    ok: valid && speaks === V2 && agrees && !unique.includes('UNSUPPORTED_VERSION'),
  };
}

function requestOf(request: unknown): CheckRequest {
  if (typeof request === 'string') return { url: request };
  // The shared argument checks and their wording: "request.url must be a string, not …".
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw argumentError('request', 'a URL or an object with a url', request);
  }
  const fields = request as { readonly [key: string]: unknown };
  const url = ownValue(fields, 'url');
  const method = ownValue(fields, 'method');
  const version = ownValue(fields, 'version');
  expectString(url, 'request.url');
  expectOptionalString(method, 'request.method');
  expectOptionalString(version, 'request.version');
  return {
    url,
    ...(method !== undefined ? { method } : {}),
    ...(version !== undefined ? { version } : {}),
  };
}

/**
 * The one-line text form of a report: `VERSION(source) valid|INVALID agree|MISMATCH URL [problems]`.
 *
 * @example
 * ```ts
 * formatCheckReport(checkRequest('/people?ids=1&ids=2'), '/people?ids=1&ids=2'); // '1.0.0(detected) valid agree /people?ids=List(1,2) [SPEAKS_1.0]'
 * ```
 */
export function formatCheckReport(report: CheckReport, url: string): string {
  expectObject(report, 'report');
  expectString(report.version, 'report.version');
  expectString(report.source, 'report.source');
  expectStrings(report.problems, 'report.problems');
  if (report.v2 !== undefined) expectString(report.v2, 'report.v2');
  expectString(url, 'url');
  return [
    `${report.version}(${report.source})`,
    report.valid ? 'valid' : 'INVALID',
    report.agrees ? 'agree' : 'MISMATCH',
    report.v2 ?? url,
    ...(report.problems.length > 0 ? [`[${report.problems.join(',')}]`] : []),
  ].join(' ');
}

/** Totals over many reports: counters only, so memory does not grow with the requests. */
export interface CheckSummary {
  requests: number;
  /** Requests that are not valid protocol 2.0 as they are. */
  notValid2: number;
  perVersion: Record<string, number>;
  perProblem: Record<string, number>;
}

/** A running {@link CheckSummary}: `add` each report, read `summary` at the end. */
export class CheckTotals {
  private readonly totals: CheckSummary = {
    requests: 0,
    notValid2: 0,
    perVersion: {},
    perProblem: {},
  };

  add(report: CheckReport): void {
    const t = this.totals;
    t.requests++;
    if (!report.ok) t.notValid2++;
    bump(t.perVersion, report.version);
    for (const p of report.problems) bump(t.perProblem, p);
  }

  get summary(): CheckSummary {
    return {
      ...this.totals,
      perVersion: { ...this.totals.perVersion },
      perProblem: { ...this.totals.perProblem },
    };
  }
}

// Counts keyed by header text and codes: own properties, so `__proto__` is a count like any other.
function bump(counts: Record<string, number>, key: string): void {
  setOwn(counts, key, (Object.hasOwn(counts, key) ? counts[key]! : 0) + 1);
}

/**
 * The summary line of the text output.
 *
 * @example
 * ```ts
 * const totals = new CheckTotals();
 * totals.add(checkRequest('/people?ids=1&ids=2'));
 * totals.add(checkRequest('/people?ids=List(1,2)'));
 * formatCheckSummary(totals.summary); // 'summary: 2 requests, 1 not valid 2.0; versions: 1.0.0 1, 2.0.0 1; problems: SPEAKS_1.0 1'
 * ```
 */
export function formatCheckSummary(summary: CheckSummary): string {
  expectObject(summary, 'summary');
  expectObject(summary.perVersion, 'summary.perVersion');
  expectObject(summary.perProblem, 'summary.perProblem');
  const list = (m: Record<string, number>) =>
    Object.entries(m)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  return `summary: ${summary.requests} requests, ${summary.notValid2} not valid 2.0; versions: ${list(summary.perVersion)}; problems: ${list(summary.perProblem)}`;
}
