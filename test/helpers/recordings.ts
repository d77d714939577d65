/**
 * The Rest.li client test suite's recorded HTTP exchanges (`requests/*.req`, `responses-v2/*.res` …)
 * and its manifest, read as test data. An HTTP/1.1 message: a start line, CRLF-separated headers,
 * an empty line, the body (the recordings end the body with a CRLF that is not part of it).
 */

import { readFileSync } from 'node:fs';

export const SUITE = new URL('../fixtures/restli-test-suite/', import.meta.url);

export interface Recording {
  startLine: string;
  headers: [string, string][];
  body: string;
}

export function readRecording(path: string): Recording {
  const text = readFileSync(new URL(path, SUITE), 'utf8');
  const end = text.indexOf('\r\n\r\n');
  const head = text.slice(0, end).split('\r\n');
  let body = text.slice(end + 4);
  if (body.endsWith('\r\n')) body = body.slice(0, -2);
  return {
    startLine: head[0]!,
    headers: head.slice(1).map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon), line.slice(colon + 1).trim()];
    }),
    body,
  };
}

/** Header names lowercased, for comparisons that ignore order and case of names. */
export function headerMap(headers: Iterable<readonly [string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of headers) out[k.toLowerCase()] = v;
  return out;
}

export interface ManifestOperation {
  name: string;
  method: string;
  request: string;
  response: string;
  status: number;
  errorMessage?: string;
}

export interface ManifestResource {
  name: string;
  restspec: string;
  snapshot: string;
  operations: ManifestOperation[];
}

export const manifest = JSON.parse(readFileSync(new URL('manifest.json', SUITE), 'utf8')) as {
  wireProtocolTestData: ManifestResource[];
};

/** The recording path of `file` (`requests/x.req`) in `version`. */
export function versioned(file: string, version: '1.0.0' | '2.0.0'): string {
  return version === '1.0.0' ? file : file.replace(/^(requests|responses)\//, '$1-v2/');
}

/** Every snapshot of the manifest, parsed. */
export function snapshots(): unknown[] {
  return manifest.wireProtocolTestData.map((r) =>
    JSON.parse(readFileSync(new URL(r.snapshot, SUITE), 'utf8')),
  );
}
