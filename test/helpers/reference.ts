/**
 * Independent references for expected values: written from the spec's tables (section b.2), not
 * from the library, so that a test comparing the library with them can fail.
 */

import { leafText } from './arbitraries.ts';

/**
 * Characters the URL layer keeps raw besides `[A-Za-z0-9]`, per context: the spec's b.2 "kept raw"
 * column plus `' ( ) , :`, which b.2 lists as escaped only because the rest.li layer escapes them
 * inside strings; in the rest.li layer's output they are structure, never escaped (b.1).
 */
const KEPT = {
  /** v2 path segment. */
  path: "!$&*+-.=@_~'(),:",
  /** v2 query parameter names and values. */
  query: "!$*-./;?@_~'(),:",
} as const;

const HEX = '0123456789ABCDEF';

/**
 * The URL layer of spec b.1 step 3, contextual: keeps letters, digits and the context's set,
 * leaves an existing `%XX` alone, and writes everything else as UTF-8 `%XX` (uppercase).
 */
export function referenceUrlEscape(text: string, context: keyof typeof KEPT): string {
  let out = '';
  const bytes = new TextEncoder();
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (/[A-Za-z0-9]/.test(c) || KEPT[context].includes(c)) out += c;
    else if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) out += c;
    else {
      const cp = text.codePointAt(i) as number;
      if (cp > 0xffff) i++;
      for (const b of bytes.encode(String.fromCodePoint(cp)))
        out += `%${HEX[b >> 4]}${HEX[b & 15]}`;
    }
  }
  return out;
}

/** Form decoding (`+` is a space, then percent-decoding), from the platform, not the library. */
export function referenceFormDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

/**
 * java.net.URLEncoder (UTF-8), as spec b.2 describes it for v1 keys: letters, digits and `* - . _`
 * kept, space as `+`, everything else as UTF-8 `%XX` in uppercase.
 */
export function referenceUrlEncoder(text: string): string {
  let out = '';
  for (const c of text) {
    if (/[A-Za-z0-9*\-._]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else for (const b of new TextEncoder().encode(c)) out += `%${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return out;
}

/** The v1 name-segment escape of spec e.2: `~` first, then `.`, `[`, `]`. */
export function referenceTildeEscape(name: string): string {
  return name.replace(/[~.[\]]/g, (c) => `~${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The v1 flattening of spec e.1 with the order of e.3, unescaped: `[name, values]` with names
 * sorted by UTF-16 code units and each name's values sorted as strings. A map key is a
 * `~`-escaped segment joined with `.`; a list element that is a map gets `[i]`; a primitive list
 * element is indexed below the root and repeats the name at the root, except (docs/decisions.md,
 * "a root list is indexed when a repeated name would not read back") under a name that needs
 * `~`-escaping or in a list that also holds maps. Leaves are their `leafText` (`-0.0` for -0); empty lists and
 * maps emit nothing; `undefined` entries are skipped. Lists directly inside lists are not covered.
 */
export function referenceFlattenV1(params: Record<string, unknown>): [string, string[]][] {
  const out = new Map<string, string[]>();
  const add = (name: string, text: string) => {
    const values = out.get(name) ?? [];
    values.push(text);
    out.set(name, values);
  };
  const isLeaf = (v: unknown) => v === null || typeof v !== 'object';
  const walk = (name: string, value: unknown, repeatable: boolean): void => {
    if (isLeaf(value)) add(name, leafText(value));
    else if (Array.isArray(value)) {
      const repeated = repeatable && value.every(isLeaf);
      value.forEach((element, i) => {
        if (Array.isArray(element)) throw new Error('referenceFlattenV1: a list in a list');
        if (isLeaf(element)) add(repeated ? name : `${name}[${i}]`, leafText(element));
        else walk(`${name}[${i}]`, element, false);
      });
    } else {
      for (const [key, child] of Object.entries(value as object)) {
        if (child !== undefined) walk(`${name}.${referenceTildeEscape(key)}`, child, false);
      }
    }
  };
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined)
      walk(referenceTildeEscape(key), value, referenceTildeEscape(key) === key);
  }
  return [...out.keys()].sort().map((name) => [name, out.get(name)!.sort()]);
}

/** Rest.li escaping (spec a.4): exactly `% ' ( ) , :` become uppercase `%XX`; nothing else. */
export function referenceRestliEscape(text: string): string {
  return text.replace(/[%'(),:]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
