/**
 * Wire conformance with LinkedIn's Rest.li client test suite: every wireProtocolTestData
 * operation of its manifest, in both protocol versions. The request built from a typed
 * description must equal the recording (request line byte for byte, headers ignoring order and
 * name case, body as JSON data); the recorded response must read as the typed response.
 */
import { describe, expect, test } from 'vitest';
import { RestliResponseError } from '../../src/http/envelope.ts';
import { loadTypedResources } from '../../src/http/resource.ts';
import { buildRequest, parseResponse } from '../../src/http/typed.ts';
import { parseJson } from '../../src/internal/json.ts';
import type { Snapshot } from '../../src/migrate/idl.ts';
import { headerMap, manifest, readRecording, snapshots, versioned } from '../helpers/recordings.ts';
import { INCOMPLETE_ENTITIES, REQUESTS, RESPONSES } from './typed-requests.ts';

const resources = loadTypedResources(snapshots() as Snapshot[]);
const VERSIONS = ['1.0.0', '2.0.0'] as const;
const operations = manifest.wireProtocolTestData.flatMap((r) => r.operations);

test('the manifest lists 59 operations, each described here', () => {
  expect(operations).toHaveLength(59);
  expect(Object.keys(REQUESTS).sort()).toEqual([...new Set(operations.map((o) => o.name))].sort());
  expect(Object.keys(RESPONSES).sort()).toEqual(Object.keys(REQUESTS).sort());
});

describe.each(VERSIONS)('protocol %s', (version) => {
  describe.each(operations.map((o) => [o.name, o] as const))('%s', (name, op) => {
    test(`${name} ${version} request`, () => {
      const recorded = readRecording(versioned(op.request, version));
      const built = buildRequest(REQUESTS[name]!(version), resources, {
        version,
        requireFields: !INCOMPLETE_ENTITIES.has(name),
      });
      expect(`${built.method} ${built.url} HTTP/1.1`).toBe(recorded.startLine);
      expect(headerMap(Object.entries(built.headers))).toEqual(headerMap(recorded.headers));
      if (recorded.body === '') expect(built.body).toBeUndefined();
      else expect(parseJson(built.body!)).toEqual(parseJson(recorded.body));
    });

    test(`${name} ${version} response`, () => {
      const recorded = readRecording(versioned(op.response, version));
      const status = Number(recorded.startLine.split(' ')[1]);
      expect(status).toBe(op.status);
      const read = () =>
        parseResponse(REQUESTS[name]!(version), resources, {
          status,
          headers: Object.fromEntries(recorded.headers),
          body: recorded.body,
        });
      const expected = RESPONSES[name]!(version);
      if ('error' in expected) {
        let error: unknown;
        try {
          read();
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(RestliResponseError);
        expect(error).toMatchObject(expected.error as object);
        const e = error as RestliResponseError;
        expect(e.exceptionClass).toBe('com.linkedin.restli.server.RestLiServiceException');
        expect(e.stackTrace).toMatch(/^com\.linkedin\.restli\.server\.RestLiServiceException/);
        if (op.errorMessage !== undefined) expect(e.serverMessage).toBe(op.errorMessage);
        return;
      }
      const response = read();
      const exact = ['entity', 'value', 'results', 'elements', 'created', 'metadata'] as const;
      const rest = Object.fromEntries(
        Object.entries(expected).filter(
          ([k]) => !(exact as readonly string[]).includes(k) && k !== 'errors',
        ),
      );
      expect(response).toMatchObject({ ...rest, version });
      for (const k of exact) {
        if (k in expected) expect(response[k]).toEqual(expected[k]);
      }
      if ('errors' in expected) {
        const errors = expected.errors as { key: unknown; value: object }[];
        expect(response.errors?.map((e) => e.key)).toEqual(errors.map((e) => e.key));
        response.errors?.forEach((e, i) => {
          expect(e.value).toBeInstanceOf(RestliResponseError);
          expect(e.value).toMatchObject(errors[i]!.value);
        });
      }
    });
  });
});
