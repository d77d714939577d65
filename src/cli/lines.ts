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

/** Output buffered in chunks of this many UTF-16 code units: one write call per chunk. */
const CHUNK = 1 << 16;

/** Buffers output and honours the stream's backpressure. */
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

  /** Whether the buffer holds a chunk and should be flushed. */
  get full(): boolean {
    return this.buffer.length >= CHUNK;
  }

  /** Appends a line; true when the buffer is full and should be flushed. */
  line(text: string): boolean {
    this.buffer += `${text}\n`;
    return this.buffer.length >= CHUNK;
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

/** stderr, buffered like stdout: a run that warns on every line makes one write per chunk. */
let errors: Writer | undefined;
const stderrWriter = (): Writer => (errors ??= new Writer(process.stderr));

/**
 * Writes a line to stderr through the pipeline's buffer (warnings): flushed when full, before
 * an error report, and at the end of the run. Outside a pipeline, call {@link flushStderr}.
 */
export function stderrLine(text: string): void {
  stderrWriter().line(text);
}

/** Writes out what {@link stderrLine} buffered. */
export function flushStderr(): Promise<void> {
  return errors === undefined ? Promise.resolve() : errors.flush();
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

/**
 * Inputs from the arguments, or stdin lines when there are none. Lines come in batches (the
 * lines of one read chunk), so that the pipeline pays one asynchronous step per chunk, not per
 * line.
 */
export async function* inputsOf(
  args: readonly string[],
  maxLength = MAX_LINE_LENGTH,
): AsyncIterable<Input | readonly Input[]> {
  if (args.length > 0) {
    yield args;
    return;
  }
  process.stdin.setEncoding('utf8');
  yield* splitLineBatches(process.stdin as AsyncIterable<string>, maxLength);
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
  for await (const batch of splitLineBatches(chunks, maxLength)) yield* batch;
}

/** {@link splitLines}, the lines that each chunk completes given together. */
export async function* splitLineBatches(
  chunks: AsyncIterable<string>,
  maxLength: number,
): AsyncIterable<Input[]> {
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
    const batch: Input[] = [];
    let from = 0;
    for (;;) {
      const lf = chunk.indexOf('\n', from);
      if (lf < 0) break;
      batch.push(finish(chunk.slice(from, lf)));
      from = lf + 1;
    }
    if (batch.length > 0) yield batch;
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
  if (pendingLength > 0 || overlong !== undefined) yield [finish('')];
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
 * Runs `transform` over the inputs (single inputs, or batches of them). Returns the number of
 * bad inputs; every failure, a bug's included, is reported for its input and the run goes on.
 * A transform that returns a string (not a promise) runs without an asynchronous step.
 */
export async function runPipeline(
  inputs: AsyncIterable<Input | readonly Input[]>,
  transform: Transform,
  options: PipelineOptions,
): Promise<number> {
  const out = new Writer(process.stdout);
  const err = stderrWriter();
  let failures = 0;
  let lineNumber = 0;
  const shown = (item: Input): string =>
    typeof item !== 'string'
      ? `${item.prefix}…`
      : item.length > MAX_LINE_LENGTH
        ? `${item.slice(0, 60)}…`
        : item;
  const failed = async (item: Input, error: unknown): Promise<void> => {
    const record = errorRecord(error);
    failures++;
    options.onResult?.(false, lineNumber);
    if (options.json) {
      if (out.line(JSON.stringify({ input: shown(item), error: record }))) await out.flush();
    } else {
      // What came before the bad line is written first, so that a terminal shows them in order.
      await out.flush();
      err.line(`restli: line ${lineNumber}: ${record.code}: ${record.message}`);
      await err.flush();
    }
  };
  /** The output of one input is buffered; true when a buffer is full. */
  const succeeded = (item: string, output: string): boolean => {
    const fields = options.json ? options.jsonFields?.(item, output) : undefined;
    options.onResult?.(true, lineNumber);
    const full = options.json
      ? out.line(JSON.stringify({ input: shown(item), output, ...fields }))
      : out.line(options.plain ? options.plain(shown(item), output) : output);
    return full || err.full;
  };
  for await (const item of inputs) {
    const batch = typeof item === 'string' || item instanceof OverlongLine ? [item] : item;
    for (const input of batch) {
      if (out.closed) break;
      lineNumber++;
      let result: string | Promise<string>;
      try {
        // The length limit applies before any work on the line.
        if (typeof input !== 'string') throw tooLong(input, MAX_LINE_LENGTH);
        if (input.length > MAX_LINE_LENGTH) {
          throw tooLong(new OverlongLine(input.length, input.slice(0, 60)), MAX_LINE_LENGTH);
        }
        result = transform(input, lineNumber);
        // Most transforms are synchronous: no asynchronous step per line for them.
        if (typeof result === 'string') {
          if (succeeded(input, result)) {
            await out.flush();
            await err.flush();
          }
          continue;
        }
        const output = await result;
        if (succeeded(input, output)) {
          await out.flush();
          await err.flush();
        }
      } catch (error) {
        await failed(input, error);
      }
    }
    if (out.closed) break;
  }
  await out.flush();
  await err.flush();
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
