import fc from 'fast-check';
import { Float64RingBuffer } from './ring-buffer';

describe('Float64RingBuffer', () => {
  it('keeps the last N points oldest first and evicts in order', () => {
    const buffer = new Float64RingBuffer(3);
    [1, 2, 3, 4, 5].forEach((v) => buffer.push(v));
    expect(buffer.toArray()).toEqual([3, 4, 5]);
    expect(buffer.at(0)).toBe(3);
    expect(buffer.last()).toBe(5);
    buffer.replaceLast(6);
    expect(buffer.toArray()).toEqual([3, 4, 6]);
    expect(() => buffer.at(3)).toThrow(RangeError);
    expect(() => new Float64RingBuffer(0)).toThrow('capacity');
  });

  it('property: after any pushes it holds exactly the last min(N, pushes) values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.double({ noNaN: true }), { maxLength: 300 }), fc.integer({ min: 0, max: 60 }), (capacity, values, tail) => {
        const buffer = new Float64RingBuffer(capacity);
        values.forEach((v) => buffer.push(v));
        const expected = values.slice(Math.max(0, values.length - capacity));
        expect(buffer.length).toBe(expected.length);
        expect(buffer.toArray()).toEqual(expected);
        const out = new Float64Array(tail);
        const copied = buffer.copyLatestInto(out, tail);
        expect(Array.from(out.subarray(0, copied))).toEqual(expected.slice(Math.max(0, expected.length - Math.min(tail, expected.length))));
      }),
    );
  });
});
