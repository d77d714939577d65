/**
 * The error response of Rest.li (`ErrorResponse`): what a server sends with a 4xx/5xx status and
 * the `X-RestLi-Error-Response` header (1.0: `X-LinkedIn-Error-Response`), and what a batch
 * response holds per key in its `errors` map.
 *
 * @module
 */

import { RestliError } from '../errors.ts';
import { expectInteger } from '../internal/args.ts';

/** The fields of an `ErrorResponse` record, as data. */
export interface ErrorResponseData {
  status?: number;
  serviceErrorCode?: number;
  code?: string;
  message?: string;
  docUrl?: string;
  requestId?: string;
  exceptionClass?: string;
  stackTrace?: string;
  errorDetailType?: string;
  errorDetails?: { [key: string]: unknown };
}

/**
 * A Rest.li error response, as an error: `status`, `serviceErrorCode`, the server's `message`,
 * `exceptionClass`, `stackTrace` and `errorDetails`. Thrown when a response is an error response;
 * also the value of each entry of a batch response's `errors`.
 */
export class RestliResponseError extends RestliError {
  /** The HTTP status (the body's `status`, else the response's). */
  readonly status: number;
  readonly serviceErrorCode: number | undefined;
  /** The server's message (also the error's `reason`). */
  readonly serverMessage: string | undefined;
  readonly exceptionClass: string | undefined;
  readonly stackTrace: string | undefined;
  readonly errorDetails: { [key: string]: unknown } | undefined;
  /** Any other field of the error body (`code`, `docUrl`, `requestId`, `errorDetailType` …). */
  readonly data: ErrorResponseData;

  constructor(data: ErrorResponseData, httpStatus?: number) {
    const status = typeof data.status === 'number' ? data.status : (httpStatus ?? 0);
    super(
      'ERROR_RESPONSE',
      data.message !== undefined ? data.message : `Rest.li error response with status ${status}`,
    );
    this.name = 'RestliResponseError';
    this.status = status;
    this.serviceErrorCode = data.serviceErrorCode;
    this.serverMessage = data.message;
    this.exceptionClass = data.exceptionClass;
    this.stackTrace = data.stackTrace;
    this.errorDetails = data.errorDetails;
    this.data = data;
  }
}

/**
 * Reads an `ErrorResponse` record from body data (unknown fields kept in `data`).
 * * @example
 * ```ts
 * errorResponseOf({ status: 404, message: 'no such greeting' }).status; // 404
 * ```
 */
export function errorResponseOf(body: unknown, httpStatus?: number): RestliResponseError {
  if (httpStatus !== undefined) expectInteger(httpStatus, 'httpStatus');
  const data: ErrorResponseData =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? { ...(body as object) }
      : {};
  // Numbers may arrive as bigint from a bigint-safe reader; the fields are ints.
  for (const k of ['status', 'serviceErrorCode'] as const) {
    const v = data[k] as unknown;
    if (typeof v === 'bigint') data[k] = Number(v);
    else if (v !== undefined && typeof v !== 'number') delete data[k];
  }
  for (const k of [
    'message',
    'exceptionClass',
    'stackTrace',
    'code',
    'docUrl',
    'requestId',
  ] as const) {
    if (data[k] !== undefined && typeof data[k] !== 'string') delete data[k];
  }
  return new RestliResponseError(data, httpStatus);
}
