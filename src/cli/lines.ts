/**
 * The line pipeline every command shares: inputs from the arguments or, without any, one per
 * line of stdin; one output line per input, in order; bad inputs reported and skipped. Streams
 * with backpressure, so millions of lines run in constant memory, and stops quietly when the
 * reader goes away (`| head`).
 *
 * @module
 */

import { createInterface } from 'node:readline';
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

/** Inputs from the arguments, or stdin lines when there are none. */
export async function* inputsOf(args: readonly string[]): AsyncIterable<string> {
  if (args.length > 0) {
    yield* args;
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  yield* lines;
}

function errorRecord(error: unknown): { code: string; offset?: number; message: string } {
  if (error instanceof RestliError) {
    return { code: error.code, offset: error.offset, message: error.message };
  }
  throw error;
}

/**
 * Runs `transform` over the inputs. Returns the number of bad inputs; a non-Restli error (a bug)
 * propagates.
 */
export async function runPipeline(
  inputs: AsyncIterable<string>,
  transform: Transform,
  options: PipelineOptions,
): Promise<number> {
  const out = new Writer(process.stdout);
  let failures = 0;
  let lineNumber = 0;
  for await (const input of inputs) {
    if (out.closed) break;
    lineNumber++;
    let output: string;
    try {
      output = await transform(input, lineNumber);
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
      await out.line(JSON.stringify({ input, output, ...options.jsonFields?.(input, output) }));
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
