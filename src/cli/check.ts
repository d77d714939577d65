/** `restli check`: which requests still speak protocol 1.0, for a migration to 2.0. */

import type { CheckReport } from '../migrate/check.ts';
import { type Command, UsageError } from './command.ts';
import { type HarRequest, readHar } from './har.ts';
import { type Input, inputsOf, progress, runPipeline } from './lines.ts';
import { loadRestspecs } from './restspec.ts';

export const checkCommand: Command = {
  name: 'check',
  summary: 'which requests still speak protocol 1.0 (URLs or a HAR file)',
  help: `Usage: restli check [--restspec FILE_OR_DIR ...] [--json] [URL ... | --har FILE]

For each request (URL arguments, stdin lines, or the entries of a HAR file with their
X-RestLi-Protocol-Version headers), reports the protocol version it speaks (its header's if it
has one, else detected from the URL), whether the URL is valid in that version, whether header
and URL agree, and its 2.0 form; then a summary. Exit status 1 when any request is not valid 2.0.

Output lines: VERSION(source) valid|INVALID agree|MISMATCH <2.0 URL or error> [problems]

Options:
      --har FILE      read the requests of a HAR file
      --restspec P    an IDL file or folder; repeatable
      --json          JSON Lines: {"input","output","report"} per request, then {"summary"}
  -h, --help          this help`,
  options: {
    har: { type: 'string' },
    restspec: { type: 'string', multiple: true, default: [] },
    json: { type: 'boolean', default: false },
  },
  async run(values, positionals) {
    const harPath = values.har as string | undefined;
    if (harPath !== undefined && positionals.length > 0)
      throw new UsageError('give URLs or --har, not both');
    const resources = loadRestspecs(values.restspec as string[]);
    const { checkRequest, CheckTotals, formatCheckReport, formatCheckSummary } = await import(
      '../migrate/check.ts'
    );
    const json = values.json === true;

    const har: HarRequest[] | undefined = harPath === undefined ? undefined : readHar(harPath);
    const queue: HarRequest[] = [];
    async function* inputs(): AsyncIterable<Input | readonly Input[]> {
      if (!har) {
        yield* inputsOf(positionals);
        return;
      }
      for (const request of har) {
        queue.push(request);
        yield request.url;
      }
    }

    const totals = new CheckTotals();
    // The report of the line just checked, for its JSON record: one at a time, constant memory.
    let last: CheckReport | undefined;
    const failures = await runPipeline(
      inputs(),
      (url) => {
        const request = har ? queue.shift() : undefined;
        const report = checkRequest(
          {
            url,
            ...(request?.method !== undefined ? { method: request.method } : {}),
            ...(request?.version !== undefined ? { version: request.version } : {}),
          },
          resources ? { resources } : undefined,
        );
        totals.add(report);
        last = report;
        return formatCheckReport(report, url);
      },
      {
        json,
        jsonFields: () => {
          const report = last!;
          last = undefined;
          return { output: report.v2 ?? null, report };
        },
        onResult: progress(),
      },
    );
    const summary = totals.summary;
    const notV2 = summary.notValid2;
    process.stdout.write(
      json ? `${JSON.stringify({ summary })}\n` : `${formatCheckSummary(summary)}\n`,
    );
    return failures > 0 || notV2 > 0 ? 1 : 0;
  },
};
