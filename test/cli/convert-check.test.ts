import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { restli } from './run.ts';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

describe('restli convert', () => {
  test("the README's main job", () => {
    expect(restli(['convert', '--to', '2.0.0', '/people?ids=1&ids=2'])).toEqual({
      status: 0,
      stdout: '/people?ids=List(1,2)\n',
      stderr: '',
    });
  });

  test('stdin: one line out per line in, bad lines on stderr with line number and code', () => {
    const r = restli(
      ['convert', '--to', '2.0.0'],
      '/people?ids=1&ids=2\n/people?ids=%zz\nhttps://h/v2/people/3?count=10#top\n',
    );
    expect(r.stdout).toBe('/people?ids=List(1,2)\nhttps://h/v2/people/3?count=10#top\n');
    expect(r.stderr).toMatch(/^restli: line 2: MALFORMED_ESCAPE: /);
    expect(r.status).toBe(1);
  });

  test('guesses are warnings on stderr; --json carries them with from', () => {
    const plain = restli(['convert', '--to', '2.0.0', '/people/a=1&b=2']);
    expect(plain.stdout).toBe('/people/(a:1,b:2)\n');
    expect(plain.stderr).toContain('warning KEY_KIND_GUESSED');
    expect(plain.status).toBe(0);
    const json = JSON.parse(
      restli(['convert', '--to', '1.0.0', '--json', '/people?ids=List(1,2)&l=List()']).stdout,
    );
    expect(json).toMatchObject({
      input: '/people?ids=List(1,2)&l=List()',
      output: '/people?ids=1&ids=2',
      from: '2.0.0',
    });
    expect(json.warnings.map((w: { code: string }) => w.code)).toEqual(['EMPTY_CONTAINER_DROPPED']);
  });

  test('--restspec with a file or a folder settles the ambiguities', () => {
    const url = '/v2/members?q=search&keywords=x&industries=4';
    const none = restli(['convert', '--to', '2.0.0', url]);
    expect(none.stdout).toBe('/v2/members?industries=4&keywords=x&q=search\n');
    for (const spec of [fixture('idl/com.example.members.snapshot.json'), fixture('idl')]) {
      const r = restli(['convert', '--to', '2.0.0', '--restspec', spec, url]);
      expect(r).toEqual({
        status: 0,
        stdout: '/v2/members?industries=List(4)&keywords=x&q=search\n',
        stderr: '',
      });
    }
  });

  test('usage errors', () => {
    expect(restli(['convert', '/x']).status).toBe(2);
    expect(restli(['convert', '--to', '3.0.0', '/x']).status).toBe(2);
    expect(restli(['convert', '--to', '2.0.0', '--restspec', '/nonexistent', '/x']).status).toBe(2);
  });
});

describe('restli check', () => {
  test('URLs: versions, validity, summary, exit 1 when any is not valid 2.0', () => {
    const r = restli(['check', '/people?ids=1&ids=2', '/people?ids=List(1,2)', '/p?x=(a']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('1.0.0(detected) valid agree /people?ids=List(1,2) [SPEAKS_1.0]');
    expect(lines[1]).toBe('2.0.0(detected) valid agree /people?ids=List(1,2)');
    expect(lines[2]).toMatch(/^2\.0\.0\(detected\) INVALID agree \/p\?x=\(a \[INVALID_URL\]$/);
    expect(lines[3]).toBe(
      'summary: 3 requests, 2 not valid 2.0; versions: 1.0.0 1, 2.0.0 2; problems: SPEAKS_1.0 1, INVALID_URL 1',
    );
    expect(r.status).toBe(1);
  });

  test('all 2.0: exit 0', () => {
    expect(restli(['check', '/people?ids=List(1,2)', '/people/3']).status).toBe(0);
  });

  test('a HAR file: headers decide the version, and a header that disagrees with its URL is reported', () => {
    const r = restli(['check', '--json', '--har', fixture('har/migration.har')]);
    const records = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(6);
    expect(records[0].report).toMatchObject({
      version: '2.0.0',
      source: 'header',
      valid: true,
      agrees: true,
      problems: [],
    });
    expect(records[1].report).toMatchObject({
      version: '1.0.0',
      source: 'detected',
      problems: ['SPEAKS_1.0'],
    });
    expect(records[1].output).toBe('https://api.example.com/v2/members?ids=List(1,2)');
    // Sent as 2.0, written as 1.0: a 2.0 server rejects the repeated name.
    expect(records[2].report).toMatchObject({
      version: '2.0.0',
      source: 'header',
      valid: false,
      agrees: false,
    });
    expect(records[2].report.problems).toEqual(['HEADER_URL_MISMATCH', 'INVALID_URL']);
    expect(records[3].report).toMatchObject({ valid: true, agrees: true, problems: [] });
    expect(records[4].report).toMatchObject({ valid: false, problems: ['INVALID_URL'] });
    expect(records[5].summary).toEqual({
      requests: 5,
      notValid2: 3,
      perVersion: { '2.0.0': 4, '1.0.0': 1 },
      perProblem: { 'SPEAKS_1.0': 1, HEADER_URL_MISMATCH: 1, INVALID_URL: 2 },
    });
    expect(r.status).toBe(1);
  });
});
