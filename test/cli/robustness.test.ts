/**
 * The CLI over hostile input: a failure on one line (a library bug's included) is reported for
 * that line and the run goes on; a line longer than the limit is refused before any work and never
 * held whole in memory.
 */
import { describe, expect, test, vi } from 'vitest';
import { MAX_LINE_LENGTH, OverlongLine, runPipeline, splitLines } from '../../src/cli/lines.ts';
import { restli } from './run.ts';

async function collect(chunks: string[], maxLength: number) {
  async function* source() {
    yield* chunks;
  }
  const out: (string | { length: number; prefix: string })[] = [];
  for await (const line of splitLines(source(), maxLength)) {
    out.push(line instanceof OverlongLine ? { length: line.length, prefix: line.prefix } : line);
  }
  return out;
}

describe('splitLines', () => {
  test.each([
    ['LF', ['a\nb\n'], ['a', 'b']],
    ['CRLF', ['a\r\nb\r\n'], ['a', 'b']],
    ['no final line break', ['a\nb'], ['a', 'b']],
    ['a lone CR stays in the line (the library judges it)', ['a\rb\n'], ['a\rb']],
    ['a line split across chunks', ['ab', 'c\nd', 'e'], ['abc', 'de']],
    ['an empty line', ['a\n\nb\n'], ['a', '', 'b']],
    ['a CRLF split across chunks', ['a\r', '\nb'], ['a', 'b']],
  ])('%s', async (_name, chunks, lines) => {
    expect(await collect(chunks, 100)).toEqual(lines);
  });

  test('a line longer than maxLength becomes an OverlongLine; the next line is intact', async () => {
    const chunks = ['x'.repeat(30), 'y'.repeat(30), 'z'.repeat(30), '\nnext\n'];
    expect(await collect(chunks, 50)).toEqual([
      { length: 90, prefix: 'x'.repeat(30) + 'y'.repeat(30) },
      'next',
    ]);
  });

  test('a line of exactly maxLength is kept', async () => {
    expect(await collect(['a'.repeat(50), '\n'], 50)).toEqual(['a'.repeat(50)]);
    expect(await collect(['a'.repeat(51), '\n'], 50)).toEqual([
      { length: 51, prefix: 'a'.repeat(51) },
    ]);
  });
});

describe('one bad line never ends the run', () => {
  test("issue 8's reproducer (a TypeError in the translator once ended the run with 70) converts", () => {
    const run = restli(
      ['convert', '--from', '1.0.0', '--to', '2.0.0', '--restspec', 'test/fixtures/idl'],
      '/members?%0A=1\n/members?b=1\n',
    );
    expect(run.stderr).not.toContain('internal error');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual(['/members?%0A=1', '/members?b=1', '']);
  });

  test('an exception that is not a RestliError is reported for its line (INTERNAL_ERROR) and the run goes on', async () => {
    const written: string[] = [];
    const errors: string[] = [];
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      written.push(String(chunk));
      return true;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
      errors.push(String(chunk));
      return true;
    });
    let failures: number;
    try {
      async function* inputs() {
        yield* ['boom', 'fine'];
      }
      failures = await runPipeline(
        inputs(),
        (line) => {
          if (line === 'boom') throw new TypeError('a library bug');
          return line.toUpperCase();
        },
        { json: false },
      );
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(failures).toBe(1);
    expect(errors.join('')).toBe('restli: line 1: INTERNAL_ERROR: TypeError: a library bug\n');
    expect(written.join('')).toBe('FINE\n');
  });

  test.each(['encode', 'decode', 'convert --to 2.0.0', 'check'])(
    '%s: a line over the length limit is refused before any work, the next line runs',
    (command) => {
      const long = `/a?x=${'a='.repeat(MAX_LINE_LENGTH / 2)}`;
      const run = restli([...command.split(' ')], `${long}\n"ok"\n`);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/line 1: MAX_LENGTH_EXCEEDED/);
      expect(run.stderr).not.toContain('line 2');
    },
  );
});
