/** `restli encode`: JSON in, Rest.li 2.0 text out. */

import { encode } from '../codec/encode.ts';
import type { ValueContext } from '../codec/escape.ts';
import { parseJson } from '../internal/json.ts';
import type { RestliValue } from '../types.ts';
import { type Command, UsageError } from './command.ts';
import { inputsOf, runPipeline } from './lines.ts';

const CONTEXTS: readonly ValueContext[] = ['query', 'path', 'body'];

export const encodeCommand: Command = {
  name: 'encode',
  summary: 'JSON values to Rest.li 2.0 text',
  help: `Usage: restli encode [--context query|path|body] [--json] [JSON ...]

Writes each JSON value as a Rest.li 2.0 value, one line per input. With no JSON argument, reads
one JSON value per line of stdin. Integers beyond 2^53 keep all their digits.

Options:
  -c, --context C  query (default): a query parameter; path: a path segment;
                   body: headers and batch-body keys (rest.li escaping only)
      --json       JSON Lines: {"input","output"} or {"input","error"}
  -h, --help       this help`,
  options: {
    context: { type: 'string', short: 'c', default: 'query' },
    json: { type: 'boolean', default: false },
  },
  async run(values, positionals) {
    const context = values.context as ValueContext;
    if (!CONTEXTS.includes(context)) {
      throw new UsageError(`--context must be one of ${CONTEXTS.join(', ')}, not '${context}'`);
    }
    const failures = await runPipeline(
      inputsOf(positionals),
      (input) => encode(parseJson(input) as RestliValue, { context }),
      { json: values.json === true },
    );
    return failures > 0 ? 1 : 0;
  },
};
