import { PriceTickSchema } from '../events/price-tick.event';
import { MAX_MESSAGE_JSON_DEPTH, jsonTextNestsDeeperThan } from './json-text-depth';
import { decodeJson } from './validate';

describe('a message nested past the depth limit', () => {
  it('is refused with the reason, where validating it overflowed the stack (zod stringifies the input)', () => {
    const depth = 50_000;
    expect(decodeJson(PriceTickSchema, '['.repeat(depth) + ']'.repeat(depth))).toEqual({
      ok: false,
      errors: [{ field: '(root)', reason: `nests deeper than ${MAX_MESSAGE_JSON_DEPTH} levels of objects and arrays` }],
    });
  });

  it('counts brackets outside strings only', () => {
    expect(jsonTextNestsDeeperThan(JSON.stringify({ a: '['.repeat(500) }), 2)).toBe(false);
    expect(jsonTextNestsDeeperThan('{"a":{"b":{"c":1}}}', 2)).toBe(true);
    expect(jsonTextNestsDeeperThan('{"a":{"b":1}}', 2)).toBe(false);
  });
});
