import { JsonTooDeepError, jsonNestsDeeperThan, refuseDeepJson } from './json-depth';

const nested = (depth: number, open = '[', close = ']') => Buffer.from(open.repeat(depth) + close.repeat(depth));

describe('jsonNestsDeeperThan', () => {
  it('counts objects and arrays alike, up to and past the limit', () => {
    expect(jsonNestsDeeperThan(nested(3), 3)).toBe(false);
    expect(jsonNestsDeeperThan(nested(4), 3)).toBe(true);
    expect(jsonNestsDeeperThan(Buffer.from('{"a":[{"b":{}}]}'), 4)).toBe(false);
    expect(jsonNestsDeeperThan(Buffer.from('{"a":[{"b":{"c":[]}}]}'), 4)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(Buffer.from(`{"a":"[[[[{{{{","b":"\\"[[[[["}`), 1)).toBe(false);
    expect(jsonNestsDeeperThan(Buffer.from(`{"a":"\\\\","b":[[1]]}`), 2)).toBe(true);
  });

  it('measures depth, not the number of siblings', () => {
    expect(jsonNestsDeeperThan(Buffer.from(`[${'[],'.repeat(10_000)}[]]`), 2)).toBe(false);
  });
});

describe('refuseDeepJson', () => {
  it('throws an error body-parser passes on with its type, naming the limit', () => {
    const verify = refuseDeepJson(8);
    expect(() => verify(undefined, undefined, nested(8))).not.toThrow();
    let thrown: unknown;
    try {
      verify(undefined, undefined, nested(100_000));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(JsonTooDeepError);
    expect(thrown).toMatchObject({ type: 'entity.too.deep', limit: 8, message: 'JSON nests deeper than the limit of 8 levels' });
  });
});
