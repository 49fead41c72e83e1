import { Topics } from '@hyperdex/contracts';
import { redriveRecordOf } from './dead-letter-redrive';

const letter = (overrides: Record<string, unknown> = {}) => ({
  value: Buffer.from(
    JSON.stringify({
      originalTopic: Topics.trades,
      partition: 2,
      offset: '41',
      key: 'alice',
      value: '{"tradeId":"t1"}',
      valueEncoding: 'utf8',
      consumerGroup: 'positions',
      reason: 'unknown token',
      errors: [],
      failedAt: 1,
      attempts: 1,
      ...overrides,
    }),
  ),
  offset: '7',
});

describe('redriveRecordOf', () => {
  it('gives back the original key and bytes, naming where the dead letter was', () => {
    const result = redriveRecordOf(Topics.trades, letter(), 0);
    expect(result).toEqual({ ok: true, record: { key: 'alice', value: Buffer.from('{"tradeId":"t1"}'), redrivenFrom: 'hyperdex.trades.v1.dlq/0/7' } });
  });

  it('decodes a value kept as base64 (it was not UTF-8) to the same bytes', () => {
    const bytes = Buffer.from([0xff, 0x00, 0x7b]);
    const result = redriveRecordOf(Topics.trades, letter({ value: bytes.toString('base64'), valueEncoding: 'base64' }), 0);
    expect(result.ok && result.record.value?.equals(bytes)).toBe(true);
  });

  it('refuses a record that is not a dead letter, or one from another topic, with the reason', () => {
    expect(redriveRecordOf(Topics.trades, { value: Buffer.from('{}'), offset: '3' }, 0)).toMatchObject({ ok: false, reason: expect.stringContaining('hyperdex.trades.v1.dlq/0/3: not a dead letter') });
    expect(redriveRecordOf(Topics.trades, letter({ originalTopic: Topics.prices }), 0)).toMatchObject({ ok: false, reason: expect.stringContaining('came from hyperdex.prices.v1') });
    expect(redriveRecordOf(Topics.trades, { value: null, offset: '4' }, 0)).toMatchObject({ ok: false, reason: expect.stringContaining('empty dead letter') });
  });
});
