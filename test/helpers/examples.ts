/**
 * Reads the documentation's examples so that a test can run them: ```ts blocks of Markdown files
 * and `@example` blocks of JSDoc comments. An example is a statement with its expected result in
 * a comment: `expr; // result` (or the result on the `//` lines right below the statement), where
 * the result is a JavaScript literal (a trailing remark after it is allowed), `… }` marks an
 * object shown in part, and `// Error CODE` or `// SomeError [CODE]: …` marks a throw.
 */
import { readFileSync } from 'node:fs';

/** One block of example code, and where it starts. */
export interface ExampleBlock {
  file: string;
  line: number;
  code: string;
  /** For a JSDoc block, the module it documents (its own exports are in scope). */
  module?: string;
}

/** The ```ts blocks of a Markdown file. */
export function markdownBlocks(file: string): ExampleBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: ExampleBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```ts') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== '```') end++;
    blocks.push({ file, line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** The `@example` blocks of the JSDoc comments of a TypeScript file. */
export function jsdocBlocks(file: string): ExampleBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: ExampleBlock[] = [];
  let inComment = false;
  let current: { line: number; lines: string[] } | undefined;
  const flush = () => {
    if (current) {
      const code = current.lines.filter((l) => !l.trim().startsWith('```')).join('\n');
      blocks.push({ file, line: current.line, code, module: file });
    }
    current = undefined;
  };
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (!inComment) {
      if (text.startsWith('/**')) inComment = !text.endsWith('*/');
      return;
    }
    if (text.startsWith('*/') || text.endsWith('*/')) {
      flush();
      inComment = false;
      return;
    }
    const body = raw.replace(/^\s*\* ?/, '');
    if (body.startsWith('@')) {
      flush();
      if (body.startsWith('@example')) current = { line: i + 2, lines: [] };
      return;
    }
    current?.lines.push(body);
  });
  return blocks;
}

/** An expected result: a value, a value shown in part, or a throw. */
export type Expected =
  | { kind: 'value'; text: string; partial: boolean }
  | { kind: 'throws'; code: string | undefined; message: string | undefined };

/** Reads the text of a result comment. */
export function parseExpected(comment: string): Expected {
  const text = comment.trim();
  if (/^(?:throws\b|\w*Error\b)/.test(text)) {
    // `Error CODE`, `RestliSyntaxError [CODE]: message`, `throws RestliError CODE: 'message'`.
    const code = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/.exec(text)?.[0];
    const after = /^[^:\n]*:\s*(.*)$/s.exec(text)?.[1]?.trim() ?? '';
    const quoted = /^'([^']*)'/.exec(after)?.[1];
    const message = quoted ?? (after.split('\n')[0]?.trim() || undefined);
    return { kind: 'throws', code, message };
  }
  const literal = leadingLiteral(text);
  const shown = withoutEllipses(literal);
  return { kind: 'value', text: shown, partial: shown !== literal };
}

/** `literal` without the `…` (and a comma next to it) that stand for entries not shown. */
function withoutEllipses(literal: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i]!;
    if (quote) {
      if (c === '\\') out += literal[i++]!;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '…') {
      out = out.replace(/,\s*$/, '');
      if (literal[i + 1] === ',') i++;
      continue;
    }
    out += literal[i]!;
  }
  return out;
}

/**
 * The literal a result comment starts with: a quoted string, a bracketed value (brackets and
 * quotes balanced), or a word (number, `true`, `undefined`, `-1`); what follows is a remark.
 */
function leadingLiteral(text: string): string {
  const first = text[0];
  if (first === "'" || first === '"' || first === '`') {
    for (let i = 1; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === first) return text.slice(0, i + 1);
    }
    return text;
  }
  if (first === '{' || first === '[') {
    let depth = 0;
    let quote: string | undefined;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = undefined;
      } else if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '{' || c === '[' || c === '(') depth++;
      else if (c === '}' || c === ']' || c === ')') {
        depth--;
        if (depth === 0) return text.slice(0, i + 1);
      }
    }
    return text;
  }
  // `new Map([…])`: the constructor call, its arguments balanced.
  const constructed = /^new [\w.]+\(/.exec(text);
  if (constructed) {
    const args = leadingLiteral(text.slice(constructed[0].length - 1).replace(/^\(/, '['));
    return `${constructed[0]}${args.slice(1, -1)})`;
  }
  return /^\S+?(?=[\s:;,]|$)/.exec(text)?.[0] ?? text;
}

/** A statement of an example block and the result its comment states, if any. */
export interface Statement {
  code: string;
  line: number;
  expected?: Expected;
}

/**
 * Cuts a block into statements. A statement ends on a line whose code ends with `;` (or `{`/`}`
 * for a block that is not an example); its result is the comment at the end of that line or the
 * `//` lines right below it.
 */
export function statements(block: ExampleBlock): Statement[] {
  const lines = block.code.split('\n');
  const out: Statement[] = [];
  let pending: string[] = [];
  let pendingLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (pending.length === 0 && (trimmed === '' || trimmed.startsWith('//'))) continue;
    if (pending.length === 0) pendingLine = block.line + i;
    const { code, comment } = splitComment(line);
    pending.push(code);
    if (!code.trimEnd().endsWith(';')) continue;
    const resultLines = comment === undefined ? [] : [comment];
    if (comment === undefined) {
      while (i + 1 < lines.length && lines[i + 1]!.trim().startsWith('//')) {
        resultLines.push(lines[++i]!.trim().replace(/^\/\/ ?/, ''));
      }
    }
    const statement: Statement = { code: pending.join('\n'), line: pendingLine };
    if (resultLines.length > 0) statement.expected = parseExpected(resultLines.join('\n'));
    out.push(statement);
    pending = [];
  }
  if (pending.length > 0) out.push({ code: pending.join('\n'), line: pendingLine });
  return out;
}

/** A line's code and its trailing `//` comment (outside strings), if any. */
function splitComment(line: string): { code: string; comment: string | undefined } {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '/' && line[i + 1] === '/') {
      return { code: line.slice(0, i), comment: line.slice(i + 2).trim() };
    } else if (
      c === '/' &&
      line[i + 1] !== '/' &&
      /[(,=:[!&|?{};]\s*$|^\s*$/.test(line.slice(0, i))
    ) {
      // A regular expression literal: skip to its end.
      for (i++; i < line.length && line[i] !== '/'; i++) if (line[i] === '\\') i++;
    }
  }
  return { code: line, comment: undefined };
}
