import { describe, expect, test } from 'vitest';
import { RestliError } from '../../src/errors.ts';
import { parseContentType } from '../../src/http/content-type.ts';
import {
  chooseBoundary,
  generateBoundary,
  multipartContentType,
  parseMultipart,
  partHeader,
  readMultipart,
  writeMultipart,
} from '../../src/http/multipart.ts';
import { utf8DecodeStrict, utf8Encode } from '../../src/internal/utf8.ts';
import { thrown } from '../helpers/errors.ts';
import { expectLinear } from '../helpers/linear.ts';

const thrownAny = (f: () => unknown) => thrown(f, RestliError);

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** The parts of a body as text, for readable expectations. */
function read(body: string, boundary = 'b') {
  return readMultipart(utf8.encode(body), boundary).map((part) => ({
    headers: part.headers,
    body: text.decode(part.body),
  }));
}

describe('writer and reader', () => {
  test('the writer uses CRLF, --boundary lines and a closing --boundary--', () => {
    const body = writeMultipart(
      [
        { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'q=1' },
        { headers: [['Content-Type', 'application/json']], body: utf8.encode('{}') },
      ],
      'b',
    );
    expect(text.decode(body)).toBe(
      '--b\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nq=1\r\n' +
        '--b\r\nContent-Type: application/json\r\n\r\n{}\r\n--b--\r\n',
    );
  });

  test('round trip of binary parts, empty parts and parts without headers', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const parts = [
      { headers: [['Content-Type', 'application/octet-stream']] as const, body: all },
      { headers: [], body: new Uint8Array(0) },
      { headers: [['X-A', ''] as const, ['x-a', 'twice'] as const], body: utf8.encode('\r\n\r\n') },
      { headers: [], body: utf8.encode('-\r\n--\n--c\r') },
    ];
    const boundary = chooseBoundary(parts.map((p) => p.body));
    const back = readMultipart(writeMultipart(parts, boundary), boundary);
    expect(back).toEqual(
      parts.map((p) => ({ headers: p.headers.map(([n, v]) => [n, v]), body: p.body })),
    );
  });

  test('a hand-written body: preamble, padding, folding, extra headers, epilogue', () => {
    const body =
      'This is the preamble; it is ignored.\r\n--b\r\n' +
      '\r\n--b is content: not a delimiter line\r\n' +
      '--b \t\r\n' +
      'Content-Type: multipart/mixed;\r\n\tboundary=inner\r\n' +
      'Content-Transfer-Encoding: binary\r\n' +
      'Content-ID: <part2@example>\r\n' +
      '\r\n' +
      '--inner\r\n\r\nnested\r\n--inner--\r\n' +
      '--bX is content too\r\n' +
      '--b--  \r\n' +
      'This is the epilogue.\r\n--b\r\nstill epilogue';
    expect(read(body)).toEqual([
      { headers: [], body: '--b is content: not a delimiter line' },
      {
        headers: [
          ['Content-Type', 'multipart/mixed; boundary=inner'],
          ['Content-Transfer-Encoding', 'binary'],
          ['Content-ID', '<part2@example>'],
        ],
        body: '--inner\r\n\r\nnested\r\n--inner--\r\n--bX is content too',
      },
    ]);
  });

  test('a part that starts with an empty line has no headers; one without has no content', () => {
    expect(read('--b\r\n\r\nheader: like\r\n--b--')).toEqual([
      { headers: [], body: 'header: like' },
    ]);
    expect(read('--b\r\n--b--')).toEqual([{ headers: [], body: '' }]);
    expect(read('--b\r\nA: 1\r\n--b--')).toEqual([{ headers: [['A', '1']], body: '' }]);
  });

  test('LF-only line endings are accepted (a CR before the LF belongs to the delimiter)', () => {
    expect(
      read('--b\nContent-Type: text/plain\n\nline 1\nline 2\r\n--b\n\nx\r\r\n--b--\n'),
    ).toEqual([
      { headers: [['Content-Type', 'text/plain']], body: 'line 1\nline 2' },
      { headers: [], body: 'x\r' },
    ]);
  });

  test('parseMultipart takes the boundary from the Content-Type, quoted or not', () => {
    const body = utf8.encode('--a b:c\r\nX: 1\r\n\r\nhi\r\n--a b:c--');
    const [part] = parseMultipart(parseContentType('Multipart/Mixed; boundary="a b:c"'), body);
    expect(partHeader(part!.headers, 'x')).toBe('1');
    expect(text.decode(part!.body)).toBe('hi');
    expect(
      parseMultipart(
        parseContentType('multipart/mixed; boundary=b'),
        utf8.encode('--b\r\n\r\n\r\n--b--'),
      ),
    ).toHaveLength(1);
  });
});

describe('malformed bodies', () => {
  test.each([
    ['no opening boundary', 'preamble only\r\n', 0],
    ['an opening boundary inside a line', 'x--b\r\n\r\n--b--', 8],
    ['no part', '--b--\r\n', 0],
    ['no closing boundary', '--b\r\n\r\ncontent\r\n', 16],
    ['a part without a close', '--b\r\n\r\nx\r\n--b\r\n', 15],
    ['a header line without a colon', '--b\r\nnot a header\r\n\r\nx\r\n--b--', 5],
    ['a header line with an empty name', '--b\r\nA: 1\r\n: x\r\n\r\n--b--', 11],
    ['a header name with a space', '--b\r\nA B: x\r\n\r\n--b--', 5],
    ['a continuation line first', '--b\r\n folded\r\n\r\n--b--', 5],
  ])('%s', (_name, body, offset) => {
    const e = thrownAny(() => readMultipart(utf8.encode(body), 'b'));
    expect(e).toMatchObject({ code: 'MALFORMED_MULTIPART', offset });
    expect(e.message).toContain('^');
  });

  test('offsets count bytes, not characters', () => {
    const e = thrownAny(() => readMultipart(utf8.encode('é\r\n--b--'), 'b'));
    expect(e.offset).toBe(4);
    const f = thrownAny(() => readMultipart(utf8.encode('--b\r\n\r\nééé'), 'b'));
    expect(f.offset).toBe(13);
  });

  test.each(['', 'x'.repeat(71), 'trailing ', 'é', 'a\r\nb'])('boundary %j is refused', (b) => {
    expect(thrownAny(() => readMultipart(utf8.encode('--b--'), b)).code).toBe(
      'MALFORMED_MULTIPART',
    );
  });

  test('a Content-Type that is not multipart, or has no boundary', () => {
    const body = utf8.encode('--b\r\n\r\n--b--');
    expect(
      thrownAny(() => parseMultipart(parseContentType('text/plain; boundary=b'), body)).code,
    ).toBe('MALFORMED_MULTIPART');
    expect(thrownAny(() => parseMultipart(parseContentType('multipart/mixed'), body)).code).toBe(
      'MALFORMED_MULTIPART',
    );
    expect(thrownAny(() => parseMultipart(parseContentType('multipart'), body)).code).toBe(
      'INVALID_CONTENT_TYPE',
    );
  });

  test('reading is linear: a body full of near-delimiters', () => {
    const read = (n: number) => {
      const body = `--${'b'.repeat(70)}\r\n\r\n${'\r\n--'.concat('b'.repeat(69), 'X').repeat(n)}\r\n--${'b'.repeat(70)}--`;
      const [part] = readMultipart(utf8.encode(body), 'b'.repeat(70));
      expect(part!.body.length).toBe(n * 74);
    };
    expectLinear(read, 20_000);
  });
});

describe('boundaries and writer errors', () => {
  test('generated boundaries are valid, distinct and usable as a token', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const b = generateBoundary();
      expect(b).toMatch(/^restli-[A-Za-z0-9_-]{32}$/);
      seen.add(b);
      expect(multipartContentType(b)).toBe(`multipart/mixed; boundary=${b}`);
    }
    expect(seen.size).toBe(100);
  });

  test('boundaries with tspecials are quoted', () => {
    expect(multipartContentType("a b'(c)")).toBe('multipart/mixed; boundary="a b\'(c)"');
  });

  test('chooseBoundary regenerates on a collision and gives up after 64 tries', () => {
    const content = utf8.encode('x\n--one\n');
    const queue = ['one', 'two'];
    expect(chooseBoundary([content], () => queue.shift()!)).toBe('two');
    expect(thrownAny(() => chooseBoundary([content], () => 'one')).code).toBe('COLLIDING_BOUNDARY');
    expect(thrownAny(() => chooseBoundary([content], () => 'bad boundary ')).code).toBe(
      'INVALID_BOUNDARY',
    );
  });

  test('the writer refuses a boundary found in a part, a bad boundary, header injection', () => {
    const part = { headers: {}, body: 'a--b' };
    expect(thrownAny(() => writeMultipart([part], 'b')).code).toBe('INVALID_BOUNDARY');
    expect(thrownAny(() => writeMultipart([{ headers: { '--b': 'x' }, body: '' }], 'b')).code).toBe(
      'INVALID_BOUNDARY',
    );
    expect(thrownAny(() => writeMultipart([], 'x'.repeat(71))).code).toBe('INVALID_BOUNDARY');
    expect(thrownAny(() => writeMultipart([], '<b>')).code).toBe('INVALID_BOUNDARY');
    const injected = { headers: { 'Content-Type': 'text/plain\r\nX-Evil: 1' }, body: '' };
    expect(thrownAny(() => writeMultipart([injected], 'c')).code).toBe('INVALID_HEADER');
    expect(thrownAny(() => writeMultipart([{ headers: { 'a b': '' }, body: '' }], 'c')).code).toBe(
      'INVALID_HEADER',
    );
  });

  test('utf8DecodeStrict gives the byte offset of the first bad sequence', () => {
    expect(utf8DecodeStrict(utf8.encode('\ufeffé😛'))).toBe('\ufeffé😛');
    for (const [bytes, offset] of [
      [[0x61, 0xff], 1],
      [[0x61, 0xc3], 1],
      [[0xc0, 0x80], 0],
      [[0x61, 0xe0, 0x80, 0x80], 1],
      [[0xed, 0xa0, 0x80], 0],
      [[0xf4, 0x90, 0x80, 0x80], 0],
      [[0xf0, 0x9f, 0x98, 0x9b, 0xf0, 0x9f, 0x98], 4],
    ] as const) {
      const e = thrownAny(() => utf8DecodeStrict(Uint8Array.from(bytes), 'MALFORMED_MULTIPART'));
      expect(e).toMatchObject({ code: 'MALFORMED_MULTIPART', offset });
    }
  });

  test('utf8Encode refuses lone surrogates', () => {
    expect(utf8Encode('é😛')).toEqual(utf8.encode('é😛'));
    expect(thrownAny(() => utf8Encode('a\udc00')).code).toBe('LONE_SURROGATE');
  });
});
