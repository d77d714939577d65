/** `restli decode`: Rest.li 2.0 text in, JSON out. */

import type { InvalidUtf8 } from '../codec/escape.ts';
import { type Command, UsageError } from './command.ts';
import { inputsOf, runPipeline } from './lines.ts';

export const decodeCommand: Command = {
  name: 'decode',
  summary: 'Rest.li 2.0 text to JSON',
  help: `Usage: restli decode [--invalid-utf8 error|replace] [--json] [TEXT ...]

Parses each input as one Rest.li 2.0 value (the raw, still percent-encoded text of a path
segment or query value) and writes it as JSON, one line per input; every leaf is a string.
With no TEXT argument, reads one input per line of stdin.

Options:
      --invalid-utf8 M  error (default): reject escapes that are not UTF-8;
                        replace: write U+FFFD for them, as the Java reference does
      --json            JSON Lines: {"input","output"} or {"input","error"}
  -h, --help            this help`,
  options: {
    'invalid-utf8': { type: 'string', default: 'error' },
    json: { type: 'boolean', default: false },
  },
  async run(values, positionals) {
    const invalidUtf8 = values['invalid-utf8'] as InvalidUtf8;
    if (invalidUtf8 !== 'error' && invalidUtf8 !== 'replace') {
      throw new UsageError(`--invalid-utf8 must be error or replace, not '${invalidUtf8}'`);
    }
    // Loaded here so that other commands (and --version) never load the parser.
    const { decode } = await import('../codec/decode.ts');
    const json = values.json === true;
    const failures = await runPipeline(
      inputsOf(positionals),
      (input) => JSON.stringify(decode(input, { invalidUtf8 })),
      // In JSON Lines the output is the decoded value itself, not its JSON text.
      { json, jsonFields: json ? (_input, output) => ({ output: JSON.parse(output) }) : undefined },
    );
    return failures > 0 ? 1 : 0;
  },
};
