import { describe, expect, test } from 'vitest';
import { RestliError } from '../../../src/errors.ts';
import {
  createAsciiHexCodec,
  escapeNameSegment,
  unescapeNameSegment,
} from '../../../src/wire/v1/tilde.ts';
import { thrown } from '../../helpers/errors.ts';
import { vectorsOf } from '../../helpers/vectors.ts';

interface CodecInput {
  escapeChar: string;
  reserved: string[];
  input: string;
}

describe('ascii-hex vectors: the test codec with extra reserved characters', () => {
  test.each(vectorsOf('ascii-hex-encode').map((v) => [v.input as CodecInput, v.expected] as const))(
    'encode %j → %j',
    ({ escapeChar, reserved, input }, expected) => {
      expect(createAsciiHexCodec(escapeChar, reserved).encode(input)).toBe(expected);
    },
  );

  test.each(vectorsOf('ascii-hex-decode').map((v) => [v.input as CodecInput, v.expected] as const))(
    'decode %j → %j',
    ({ escapeChar, reserved, input }, expected) => {
      expect(createAsciiHexCodec(escapeChar, reserved).decode(input)).toBe(expected);
    },
  );

  test('only characters that fit two hex digits can be reserved', () => {
    expect(() => createAsciiHexCodec('~', ['é'])).not.toThrow();
    for (const bad of ['亀', 'ab', '', '😛']) {
      expect(thrown(() => createAsciiHexCodec('~', [bad]), RestliError).code).toBe('INVALID_CODEC');
    }
  });
});

describe('v1 name segments: ~ escapes . [ ] and itself (e.2)', () => {
  test.each(vectorsOf('v1-name-escape').map((v) => [v.input as string, v.expected] as const))(
    'escape %j → %j',
    (input, expected) => {
      expect(escapeNameSegment(input)).toBe(expected);
    },
  );

  test.each(vectorsOf('v1-name-unescape').map((v) => [v.input as string, v.expected] as const))(
    'unescape %j → %j',
    (input, expected) => {
      expect(unescapeNameSegment(input)).toBe(expected);
    },
  );

  test.each(
    vectorsOf('v1-name-unescape-error').map(
      (v) => [v.input as string, (v.expected as { error: string }).error] as const,
    ),
  )('unescape %j fails: %s', (input, message) => {
    const error = thrown(() => unescapeNameSegment(input));
    expect(error.code).toBe('INVALID_V1_NAME_ESCAPE');
    expect(error.reason).toBe(message);
    expect(error.offset).toBe(0);
    expect(error.message).toContain('^');
  });

  test('the offset is the escape character that fails', () => {
    expect(thrown(() => unescapeNameSegment('ab~2Ec~z')).offset).toBe(6);
    expect(thrown(() => unescapeNameSegment('ab~2Ec~z')).reason).toBe(
      'ab~2Ec~z - Failed to decode incomplete escaped char at offset 6',
    );
  });

  test('any escaped character decodes, and nothing else is touched', () => {
    expect(unescapeNameSegment('~41~7e%2E.')).toBe('A~%2E.');
    expect(escapeNameSegment('%2E + é 😛')).toBe('%2E + é 😛');
  });
});
