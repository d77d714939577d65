import { describe, expect, test } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { restli } from './run.ts';

describe('restli encode', () => {
  test('the README example', () => {
    const r = restli(['encode', '{"q":"search","ids":[1,2]}']);
    expect(r).toEqual({ status: 0, stdout: '(ids:List(1,2),q:search)\n', stderr: '' });
  });

  test.each([
    ['query', '{"k":"a b/c=d"}', '(k:a%20b/c%3Dd)'],
    ['path', '{"k":"a b/c=d"}', '(k:a%20b%2Fc=d)'],
    ['body', '{"k":"a b/c=d"}', '(k:a b/c=d)'],
  ])('--context %s', (context, json, expected) => {
    expect(restli(['encode', '--context', context, json]).stdout).toBe(`${expected}\n`);
    expect(restli(['encode', '-c', context, json]).stdout).toBe(`${expected}\n`);
  });

  test('integers beyond 2^53 keep all their digits', () => {
    const r = restli(['encode', '{"id":12345678901234567890,"n":-9007199254740993}']);
    expect(r.stdout).toBe('(id:12345678901234567890,n:-9007199254740993)\n');
  });

  test('stdin: one output line per input, bad lines on stderr with their number, exit 1', () => {
    const r = restli(['encode'], '{"a":1}\r\nnull\n[1,\n""\n{"__proto__":"x"}');
    expect(r.stdout).toBe("(a:1)\n''\n(__proto__:x)\n");
    expect(r.stderr).toMatch(/^restli: line 2: UNSUPPORTED_VALUE: null is not encodable at \$\n/);
    expect(r.stderr).toMatch(/restli: line 3: UNEXPECTED_JSON_END: /);
    expect(r.status).toBe(1);
  });

  test('--json writes JSON Lines with errors in order', () => {
    const r = restli(['encode', '--json'], '[1,2]\n{"a":null}\n');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ input: '[1,2]', output: 'List(1,2)' });
    expect(lines[1].input).toBe('{"a":null}');
    expect(lines[1].error).toMatchObject({ code: 'UNSUPPORTED_VALUE' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
  });

  test('a JSON depth bomb is a clean error', () => {
    const r = restli(['encode'], `${'['.repeat(1_000_000)}\n`);
    expect(r.stderr).toMatch(/line 1: DEPTH_EXCEEDED/);
    expect(r.status).toBe(1);
  });

  test('100 000 lines through a pipe', () => {
    const input = Array.from({ length: 100_000 }, (_, i) => `{"i":${i},"s":"x y"}`).join('\n');
    const r = restli(['encode'], input);
    expect(r.status).toBe(0);
    const out = r.stdout.split('\n');
    expect(out.length).toBe(100_001);
    expect(out[99_999]).toBe('(i:99999,s:x%20y)');
  });
});

describe('restli decode', () => {
  test('writes JSON', () => {
    const r = restli(['decode', '(a:List(1,2))', "''"]);
    expect(r).toEqual({ status: 0, stdout: '{"a":["1","2"]}\n""\n', stderr: '' });
  });

  test('a bad input: line number, code, caret; the rest goes on', () => {
    const r = restli(['decode'], '(a:b\nList(x)\n\n');
    expect(r.stdout).toBe('["x"]\n');
    expect(r.stderr).toContain('restli: line 1: UNEXPECTED_END: unexpected end of input');
    expect(r.stderr).toContain('restli: line 3: UNEXPECTED_END');
    expect(r.status).toBe(1);
  });

  test('--json and --invalid-utf8', () => {
    const r = restli(['decode', '--json', '--invalid-utf8', 'replace', '%E9']);
    expect(JSON.parse(r.stdout)).toEqual({ input: '%E9', output: '\ufffd' });
    const strict = restli(['decode', '--json', '%E9']);
    expect(JSON.parse(strict.stdout).error).toMatchObject({ code: 'INVALID_UTF8', offset: 0 });
    expect(strict.status).toBe(1);
  });
});

describe('usage', () => {
  test.each([
    [['bogus']],
    [['encode', '--context', 'header', '1']],
    [['encode', '--nope']],
    [['decode', '--invalid-utf8', 'maybe', 'x']],
    [[]],
  ])('%j exits 2', (args) => {
    const r = restli(args);
    expect(r.status).toBe(2);
  });

  test('--help and --version', () => {
    expect(restli(['--version']).stdout).toBe(`${pkg.version}\n`);
    expect(restli(['-V']).stdout).toBe(`${pkg.version}\n`);
    const help = restli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('encode');
    expect(help.stdout).toContain('decode');
    const encodeHelp = restli(['encode', '--help']);
    expect(encodeHelp.stdout).toContain('--context');
    expect(encodeHelp.status).toBe(0);
  });
});
