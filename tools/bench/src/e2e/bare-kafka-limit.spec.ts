import { limitMessage } from './bare-kafka-limit';

describe('limitMessage', () => {
  it('is JSON of about 600 bytes carrying its sequence number', () => {
    for (const seq of [0, 7, 123_456]) {
      const text = limitMessage(seq);
      expect(Buffer.byteLength(text)).toBe(600);
      expect(JSON.parse(text)).toMatchObject({ seq, key: `user-${seq % 500}` });
    }
  });
});
