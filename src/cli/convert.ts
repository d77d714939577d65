/** `restli convert`: request URLs from one protocol version to the other. */

import type { ProtocolVersionText } from '../internal/version-text.ts';
import type { ConvertResult } from '../migrate/convert.ts';
import { type Command, UsageError } from './command.ts';
import { inputsOf, progress, runPipeline, stderrLine } from './lines.ts';
import { loadRestspecs } from './restspec.ts';

const VERSIONS = ['1.0.0', '2.0.0'];

export const convertCommand: Command = {
  name: 'convert',
  summary: 'request URLs between protocol 1.0 and 2.0',
  help: `Usage: restli convert --to 2.0.0|1.0.0 [--from V] [--restspec FILE_OR_DIR ...] [--json] [URL ...]

Translates each request URL (absolute, or a path) into the target protocol version, as the Java
client writes that request. With no URL argument, reads one URL per line of stdin. The source
version is detected unless --from says it. With --restspec (a .restspec.json or .snapshot.json
file, or a folder of them), the resources' types settle what protocol 1.0 leaves ambiguous;
without, every guess is reported as a warning (on stderr, or in the JSON Lines).

Options:
      --to V          the target version: 2.0.0 or 1.0.0 (required)
      --from V        the source version (default: detected)
      --restspec P    an IDL file or folder; repeatable
      --json          JSON Lines: {"input","output","from","warnings"} or {"input","error"}
  -h, --help          this help`,
  options: {
    to: { type: 'string' },
    from: { type: 'string' },
    restspec: { type: 'string', multiple: true, default: [] },
    json: { type: 'boolean', default: false },
  },
  async run(values, positionals) {
    const to = values.to as string | undefined;
    const from = values.from as string | undefined;
    if (to === undefined || !VERSIONS.includes(to))
      throw new UsageError('--to must be 2.0.0 or 1.0.0');
    if (from !== undefined && !VERSIONS.includes(from))
      throw new UsageError('--from must be 2.0.0 or 1.0.0');
    const resources = loadRestspecs(values.restspec as string[]);
    // Loaded here so that --version and the other commands never load the translator.
    const { convertUrl } = await import('../migrate/convert.ts');
    const json = values.json === true;
    // Only the current line's result is kept: the JSON writer takes it right after the line.
    let current: ConvertResult | undefined;
    // One options object for every line, not one per line.
    const options = {
      to: to as ProtocolVersionText,
      ...(from ? { from: from as ProtocolVersionText } : {}),
      ...(resources ? { resources } : {}),
    };
    const failures = await runPipeline(
      inputsOf(positionals),
      (input, line) => {
        const result = convertUrl(input, options);
        if (json) current = result;
        else {
          for (const w of result.warnings) {
            stderrLine(`restli: line ${line}: warning ${w.code} (${w.where}): ${w.message}`);
          }
        }
        return result.url;
      },
      {
        json,
        jsonFields: () => {
          const result = current!;
          current = undefined;
          return { from: result.from, warnings: result.warnings };
        },
        onResult: progress(),
      },
    );
    return failures > 0 ? 1 : 0;
  },
};
