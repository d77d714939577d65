/**
 * The line pipeline every command shares: inputs from the arguments or, without any, one per
 * line of stdin; one output line per input, in order; bad inputs reported and skipped. Streams
 * with backpressure, so millions of lines run in constant memory, and stops quietly when the
 * reader goes away (`| head`).
 *
 * @module
 */

import { DEFAULT_MAX_LENGTH } from '../codec/limits.ts';
import { RestliError } from '../errors.ts';

/** What a command does with one input (and its 1-based line number): its output, or a thrown RestliError. */
export type Transform = (input: string, lineNumber: number) => string | Promise<string>;

/** How a command's results are written. */
export interface PipelineOptions {
  /** JSON Lines on stdout (`{"input","output"}` / `{"input","error"}`) instead of plain text. */
  json: boolean;
  /** Extra fields of a JSON Lines record, from the output line (e.g. `from`, `warnings`). */
  jsonFields?: (input: string, output: string) => Record<string, unknown>;
  /** Writes the output of a successful input in plain mode; default: the output line itself. */
  plain?: (input: string, output: string) => string;
  /** Called after every input, for summaries and progress. */
  onResult?: (ok: boolean, lineNumber: number) => void;
}

/** Buffers output and honours stdout backpressure. */
class Writer {
  private buffer = '';
  closed = false;

  constructor(private readonly stream: NodeJS.WriteStream) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // The reader went away: stop writing, exit quietly.
      if (error.code === 'EPIPE') this.closed = true;
      else throw error;
    });
  }

  async line(text: string): Promise<void> {
    this.buffer += `${text}\n`;
    if (this.buffer.length >= 1 << 16) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer === '' || this.closed) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.stream.off('drain', done);
          this.stream.off('error', done);
          this.stream.off('close', done);
          resolve();
        };
        this.stream.on('drain', done);
        this.stream.on('error', done);
        this.stream.on('close', done);
      });
    }
  }
}

/**
 * A line longer than the input limit: only its length and a prefix are kept, so that one huge
 * line costs no more memory than the limit (and no per-part work before its error).
 */
export class OverlongLine {
  constructor(
    /** The line's length in UTF-16 code units. */
    readonly length: number,
    /** Its first characters, to show in the report. */
    readonly prefix: string,
  ) {}
}

/** What an input is: a line, or the stand-in of one that was too long to keep. */
export type Input = string | OverlongLine;

/** The longest input line a command reads: the library's default `maxLength` (16 MiB). */
export const MAX_LINE_LENGTH = DEFAULT_MAX_LENGTH;

/** Inputs from the arguments, or stdin lines when there are none. */
export async function* inputsOf(
  args: readonly string[],
  maxLength = MAX_LINE_LENGTH,
): AsyncIterable<Input> {
  if (args.length > 0) {
    yield* args;
    return;
  }
  process.stdin.setEncoding('utf8');
  yield* splitLines(process.stdin as AsyncIterable<string>, maxLength);
}

/**
 * Lines of a text stream, split at LF (a CR before it is dropped; a lone CR stays in the line, for
 * the library to judge). A line longer than `maxLength` is not accumulated: the rest of it is
 * skipped and an {@link OverlongLine} stands for it. Memory is bounded by `maxLength` plus a chunk.
 */
export async function* splitLines(
  chunks: AsyncIterable<string>,
  maxLength: number,
): AsyncIterable<Input> {
  let pending: string[] = [];
  let pendingLength = 0;
  let overlong: OverlongLine | undefined;
  const finish = (tail: string): Input => {
    let line: Input;
    if (overlong !== undefined) {
      line = new OverlongLine(overlong.length + tail.length, overlong.prefix);
    } else {
      const text = pending.length === 0 ? tail : pending.join('') + tail;
      line = text.length > maxLength ? new OverlongLine(text.length, text.slice(0, 60)) : text;
    }
    pending = [];
    pendingLength = 0;
    overlong = undefined;
    if (typeof line === 'string' && line.endsWith('\r')) line = line.slice(0, -1);
    return line;
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (;;) {
      const lf = chunk.indexOf('\n', from);
      if (lf < 0) break;
      yield finish(chunk.slice(from, lf));
      from = lf + 1;
    }
    const rest = chunk.slice(from);
    if (rest === '') continue;
    if (overlong !== undefined) {
      overlong = new OverlongLine(overlong.length + rest.length, overlong.prefix);
    } else if (pendingLength + rest.length > maxLength + 1) {
      const start = pending.length === 0 ? rest : pending.join('') + rest;
      overlong = new OverlongLine(start.length, start.slice(0, 60));
      pending = [];
      pendingLength = 0;
    } else {
      pending.push(rest);
      pendingLength += rest.length;
    }
  }
  if (pendingLength > 0 || overlong !== undefined) yield finish('');
}

/** What a failed input's report says. */
interface ErrorRecord {
  code: string;
  offset?: number;
  message: string;
}

/**
 * The report of one failed input. A RestliError is the input's fault; anything else is a bug
 * in the library, but it is still reported for that input (code `INTERNAL_ERROR`) so that one bad
 * line never ends a run over millions.
 */
function errorRecord(error: unknown): ErrorRecord {
  if (error instanceof RestliError) {
    return { code: error.code, offset: error.offset, message: error.message };
  }
  const message =
    error instanceof Error
      ? `${error.name}: ${error.message}`
      : `non-error thrown: ${String(error)}`;
  return { code: 'INTERNAL_ERROR', message: message.slice(0, 2000) };
}

function tooLong(input: OverlongLine, maxLength: number): RestliError {
  return new RestliError(
    'MAX_LENGTH_EXCEEDED',
    `input line of ${input.length} characters is longer than maxLength ${maxLength}`,
  );
}

/**
 * Runs `transform` over the inputs. Returns the number of bad inputs; every failure, a bug's
 * included, is reported for its input and the run goes on.
 */
export async function runPipeline(
  inputs: AsyncIterable<Input>,
  transform: Transform,
  options: PipelineOptions,
): Promise<number> {
  const out = new Writer(process.stdout);
  let failures = 0;
  let lineNumber = 0;
  for await (const item of inputs) {
    if (out.closed) break;
    lineNumber++;
    const input =
      typeof item !== 'string'
        ? `${item.prefix}…`
        : item.length > MAX_LINE_LENGTH
          ? `${item.slice(0, 60)}…`
          : item;
    let output: string;
    let fields: Record<string, unknown> | undefined;
    try {
      // The length limit applies before any work on the line.
      if (typeof item !== 'string') throw tooLong(item, MAX_LINE_LENGTH);
      if (item.length > MAX_LINE_LENGTH) {
        throw tooLong(new OverlongLine(item.length, item.slice(0, 60)), MAX_LINE_LENGTH);
      }
      output = await transform(item, lineNumber);
      if (options.json) fields = options.jsonFields?.(item, output);
    } catch (error) {
      const record = errorRecord(error);
      failures++;
      options.onResult?.(false, lineNumber);
      if (options.json) {
        await out.line(JSON.stringify({ input, error: record }));
      } else {
        await out.flush();
        process.stderr.write(`restli: line ${lineNumber}: ${record.code}: ${record.message}\n`);
      }
      continue;
    }
    options.onResult?.(true, lineNumber);
    if (options.json) {
      await out.line(JSON.stringify({ input, output, ...fields }));
    } else {
      await out.line(options.plain ? options.plain(input, output) : output);
    }
  }
  await out.flush();
  return failures;
}

/**
 * A progress line on stderr every 100 000 inputs, only when stderr is a terminal (so pipes and
 * logs stay clean) and the inputs come from stdin.
 */
export function progress(every = 100_000): ((ok: boolean, lineNumber: number) => void) | undefined {
  if (!process.stderr.isTTY || process.stdin.isTTY) return undefined;
  let bad = 0;
  return (ok, lineNumber) => {
    if (!ok) bad++;
    if (lineNumber % every === 0) process.stderr.write(`\rrestli: ${lineNumber} lines, ${bad} bad`);
  };
}
