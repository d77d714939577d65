/** `restli check`: which requests still speak protocol 1.0, for a migration to 2.0. */

import type { ProtocolVersionText } from '../http/version-text.ts';
import { type Command, UsageError } from './command.ts';
import { type HarRequest, readHar } from './har.ts';
import { type Input, inputsOf, progress, runPipeline } from './lines.ts';
import { loadRestspecs } from './restspec.ts';

/** What `check` found about one request. */
export interface CheckReport {
  /** The version the request speaks: its header's, else the URL's detected one. */
  version: string;
  /** Where `version` came from. */
  source: 'header' | 'detected';
  /** Whether the URL is valid in that version. */
  valid: boolean;
  /** Whether the header and the URL agree (`true` when there is no header). */
  agrees: boolean;
  /** The request's URL in protocol 2.0, when it could be read. */
  v2?: string;
  /** Problem codes: `SPEAKS_1.0`, `INVALID_URL`, `HEADER_URL_MISMATCH`, `UNSUPPORTED_VERSION`, and warnings. */
  problems: string[];
}

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
    const { convertUrl } = await import('../migrate/convert.ts');
    const { detectVersion } = await import('../migrate/detect.ts');
    const { RestliError } = await import('../errors.ts');
    const json = values.json === true;

    const har: HarRequest[] | undefined = harPath === undefined ? undefined : readHar(harPath);
    // The HAR request whose URL the pipeline holds (it pulls one input at a time).
    let harRequest: HarRequest | undefined;
    async function* inputs(): AsyncIterable<Input> {
      if (!har) {
        yield* inputsOf(positionals);
        return;
      }
      for (const request of har) {
        harRequest = request;
        yield request.url;
      }
    }

    const perVersion = new Map<string, number>();
    const perProblem = new Map<string, number>();
    let notV2 = 0;
    let total = 0;
    // Only the current line's report is kept: the JSON writer takes it right after the line.
    let current: CheckReport | undefined;

    const failures = await runPipeline(
      inputs(),
      (url) => {
        current = undefined;
        const request = harRequest;
        const detected = detectVersion(url).version;
        const header = request?.version;
        const report: CheckReport = {
          version: header ?? (detected === 'either' ? '2.0.0' : detected),
          source: header === undefined ? 'detected' : 'header',
          valid: true,
          agrees:
            header === undefined ||
            detected === 'either' ||
            detected === (header.startsWith('2.') ? '2.0.0' : '1.0.0'),
          problems: [],
        };
        const speaks: ProtocolVersionText = report.version.startsWith('2.') ? '2.0.0' : '1.0.0';
        if (header !== undefined && header !== '1.0.0' && header !== '2.0.0')
          report.problems.push('UNSUPPORTED_VERSION');
        if (speaks === '1.0.0') report.problems.push('SPEAKS_1.0');
        if (!report.agrees) report.problems.push('HEADER_URL_MISMATCH');
        try {
          const result = convertUrl(url, {
            from: speaks,
            to: '2.0.0',
            ...(resources ? { resources } : {}),
            ...(request ? { httpMethod: request.method } : {}),
          });
          report.v2 = result.url;
          for (const w of result.warnings) report.problems.push(w.code);
        } catch (error) {
          if (!(error instanceof RestliError)) throw error;
          report.valid = false;
          report.problems.push('INVALID_URL');
        }
        total++;
        perVersion.set(report.version, (perVersion.get(report.version) ?? 0) + 1);
        for (const p of new Set(report.problems)) perProblem.set(p, (perProblem.get(p) ?? 0) + 1);
        const ok =
          report.valid &&
          speaks === '2.0.0' &&
          report.agrees &&
          !report.problems.includes('UNSUPPORTED_VERSION');
        if (!ok) notV2++;
        current = report;
        return [
          `${report.version}(${report.source})`,
          report.valid ? 'valid' : 'INVALID',
          report.agrees ? 'agree' : 'MISMATCH',
          report.v2 ?? url,
          ...(report.problems.length > 0 ? [`[${[...new Set(report.problems)].join(',')}]`] : []),
        ].join(' ');
      },
      {
        json,
        jsonFields: () => {
          const report = current!;
          current = undefined;
          return { output: report.v2 ?? null, report };
        },
        onResult: progress(),
      },
    );
    const summary = {
      requests: total,
      notValid2: notV2,
      perVersion: Object.fromEntries(perVersion),
      perProblem: Object.fromEntries(perProblem),
    };
    if (json) {
      process.stdout.write(`${JSON.stringify({ summary })}\n`);
    } else {
      const list = (m: Map<string, number>) =>
        [...m].map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
      process.stdout.write(
        `summary: ${total} requests, ${notV2} not valid 2.0; versions: ${list(perVersion)}; problems: ${list(perProblem)}\n`,
      );
    }
    return failures > 0 || notV2 > 0 ? 1 : 0;
  },
};
