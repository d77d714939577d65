#!/usr/bin/env node
/**
 * `restli`: encode, decode and convert Rest.li wire formats from the command line. This file
 * only dispatches; every decision lives in the library.
 *
 * Exit codes: 0 all inputs succeeded, 1 some input was bad, 2 usage error.
 */

import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { checkCommand } from './check.ts';
import { type Command, UsageError } from './command.ts';
import { convertCommand } from './convert.ts';
import { decodeCommand } from './decode.ts';
import { encodeCommand } from './encode.ts';

// No V8 flags: keeping the young generation small (`--semi-space-growth-factor=1`) cut a
// 1M-line convert's peak from ~103 to ~82 MiB but cost ~18% of its throughput, and missed the
// 80 MiB target all the same (bench/README.md, "The CLI's memory").

const commands: readonly Command[] = [encodeCommand, decodeCommand, convertCommand, checkCommand];

const overallHelp = `Usage: restli <command> [options] [inputs ...]

${pkg.description}

Commands:
${commands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

With no inputs, a command reads one input per line of stdin and writes one line per input.
Options for every command: --json (JSON Lines), -h/--help. Global: -V/--version.
Exit codes: 0 all inputs succeeded, 1 some input was bad, 2 usage error.
Run 'restli <command> --help' for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '-V' || first === '--version') {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (first === undefined || first === '-h' || first === '--help') {
    process.stdout.write(`${overallHelp}\n`);
    return first === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) throw new UsageError(`unknown command '${first}'`);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${command.help}`);
  }
  if (parsed.values.help) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  return command.run(parsed.values, parsed.positionals);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`restli: ${error.message}\nTry 'restli --help'.\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`restli: internal error: ${(error as Error)?.stack ?? error}\n`);
    process.exitCode = 70;
  },
);
