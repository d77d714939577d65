/**
 * A real HTTP round trip: a node:http server on 127.0.0.1 answers each recorded request of the
 * Rest.li client test suite with its recorded response (400 with the difference when the request
 * differs), and the typed client drives it through the global fetch, in both versions.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RestliResponseError } from '../../src/http/envelope.ts';
import { createClient } from '../../src/http/fetch.ts';
import { loadTypedResources } from '../../src/http/resource.ts';
import { parseJson } from '../../src/internal/json.ts';
import type { Snapshot } from '../../src/migrate/idl.ts';
import {
  manifest,
  type Recording,
  readRecording,
  snapshots,
  versioned,
} from '../helpers/recordings.ts';
import { INCOMPLETE_ENTITIES, REQUESTS } from './typed-requests.ts';

const resources = loadTypedResources(snapshots() as Snapshot[]);
const operations = manifest.wireProtocolTestData.flatMap((r) => r.operations);
const VERSIONS = ['1.0.0', '2.0.0'] as const;

/** The exchange the server expects next: set by each test before it sends. */
let expected: { request: Recording; response: Recording } | undefined;
let server: Server;
let base: string;

/**
 * The target as fetch sends it: WHATWG URL serialization percent-encodes `'` in http queries
 * (and leaves everything the recordings hold otherwise as written).
 */
function asFetchSends(target: string): string {
  const url = new URL(target, 'http://127.0.0.1/');
  return url.pathname + url.search;
}

function differences(req: IncomingMessage, body: string, want: Recording): string[] {
  const out: string[] = [];
  const [method, target] = want.startLine.split(' ');
  if (req.method !== method) out.push(`method ${req.method} instead of ${method}`);
  if (req.url !== asFetchSends(target!)) out.push(`target ${req.url} instead of ${target}`);
  for (const [name, value] of want.headers) {
    const got = req.headers[name.toLowerCase()];
    if (got !== value) out.push(`header ${name}: ${String(got)} instead of ${value}`);
  }
  const same =
    want.body === ''
      ? body === ''
      : body !== '' && isDeepStrictEqual(parseJson(body), parseJson(want.body));
  if (!same) out.push(`body ${body} instead of ${want.body}`);
  return out;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const diff =
        expected === undefined ? ['no request expected'] : differences(req, body, expected.request);
      if (diff.length > 0 || expected === undefined) {
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        res.end(`request differs from the recording: ${diff.join('; ')}`);
        return;
      }
      const { response } = expected;
      const status = Number(response.startLine.split(' ')[1]);
      const headers: Record<string, string> = {};
      for (const [name, value] of response.headers) {
        // Node computes the length of what it sends.
        if (name.toLowerCase() !== 'content-length') headers[name] = value;
      }
      res.writeHead(status, headers);
      res.end(response.body);
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe.each(VERSIONS)('fetch round trip %s', (version) => {
  test.each(operations.map((o) => [o.name, o] as const))(`%s ${version}`, async (name, op) => {
    expected = {
      request: readRecording(versioned(op.request, version)),
      response: readRecording(versioned(op.response, version)),
    };
    const client = createClient({
      resources,
      base,
      version,
      requireFields: !INCOMPLETE_ENTITIES.has(name),
      fetch: (request) => fetch(request, { signal: AbortSignal.timeout(5000) }),
    });
    try {
      const response = await client.send(REQUESTS[name]!(version));
      expect(response.status).toBe(op.status);
    } catch (error) {
      // Error responses are thrown typed; a 400 from the mock server would be a mismatch.
      expect(error).toBeInstanceOf(RestliResponseError);
      const e = error as RestliResponseError;
      expect(e.message).not.toMatch(/differs from the recording/);
      expect(e.status).toBe(op.status);
      expect(e.exceptionClass).toBe('com.linkedin.restli.server.RestLiServiceException');
      if (op.errorMessage !== undefined) expect(e.serverMessage).toBe(op.errorMessage);
    } finally {
      expected = undefined;
    }
  });
});

test('a request that differs from the recording gets a clear 400', async () => {
  expected = {
    request: readRecording('requests/collection-get.req'),
    response: readRecording('responses/collection-get.res'),
  };
  const response = await fetch(`${base}collection/2`, {
    headers: { 'X-RestLi-Protocol-Version': '1.0.0', Accept: 'application/json' },
    signal: AbortSignal.timeout(5000),
  });
  expect(response.status).toBe(400);
  expect(await response.text()).toBe(
    'request differs from the recording: target /collection/2 instead of /collection/1',
  );
  expected = undefined;
});
