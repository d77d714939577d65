/**
 * Requests from a HAR file (the HTTP Archive format browsers and proxies export). The file is
 * JSON, so it is read whole; the requests are then handed on one at a time.
 */

import { readFileSync } from 'node:fs';
import { findHeader } from '../internal/headers.ts';
import { UsageError } from './command.ts';

/** A request of a HAR file: its URL and its `X-RestLi-Protocol-Version` header, if any. */
export interface HarRequest {
  method: string;
  url: string;
  version: string | undefined;
  restliMethod: string | undefined;
}

interface HarHeader {
  name?: unknown;
  value?: unknown;
}

function header(headers: unknown, name: string): string | undefined {
  if (!Array.isArray(headers)) return undefined;
  const entries = (headers as HarHeader[]).flatMap((h): [string, unknown][] =>
    typeof h?.name === 'string' ? [[h.name, h.value]] : [],
  );
  const value = findHeader(entries, name, () => true);
  return typeof value === 'string' ? value : undefined;
}

/** The requests of the HAR file at `path`, in order. */
export function readHar(path: string): HarRequest[] {
  let har: { log?: { entries?: unknown } };
  try {
    har = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--har: cannot read ${path}: ${(error as Error).message}`);
  }
  const entries = har?.log?.entries;
  if (!Array.isArray(entries)) throw new UsageError(`--har: ${path} has no log.entries`);
  return entries.map(
    (entry: { request?: { method?: unknown; url?: unknown; headers?: unknown } }, i) => {
      const request = entry?.request;
      if (typeof request?.url !== 'string')
        throw new UsageError(`--har: entry ${i} has no request.url`);
      return {
        method: typeof request.method === 'string' ? request.method : 'GET',
        url: request.url,
        version: header(request.headers, 'x-restli-protocol-version'),
        restliMethod: header(request.headers, 'x-restli-method'),
      };
    },
  );
}
