import type { KafkaMessage } from 'kafkajs';
import { Topics } from '@hyperdex/contracts';
import { buildDeadLetter } from './dead-letter';

const message = (value: Buffer | null, key: string | null = 'alice'): KafkaMessage => ({
  key: key === null ? null : Buffer.from(key),
  value,
  offset: '42',
  timestamp: '1764000000000',
  attributes: 0,
  headers: {},
});

describe('buildDeadLetter', () => {
  const errors = [{ field: 'amountIn', reason: 'is required' }];

  it('keeps the original text, its origin and the reason, on <topic>.dlq under the original key', () => {
    const letter = buildDeadLetter(Topics.trades, 3, message(Buffer.from('{"x":1}')), 'positions', 'bad', errors, 1, 1_764_000_000_500);
    expect(letter.topic).toBe('hyperdex.trades.v1.dlq');
    expect(letter.key).toBe('alice');
    expect(JSON.parse(letter.value)).toEqual({
      originalTopic: 'hyperdex.trades.v1',
      partition: 3,
      offset: '42',
      key: 'alice',
      value: '{"x":1}',
      valueEncoding: 'utf8',
      consumerGroup: 'positions',
      reason: 'bad',
      errors,
      failedAt: 1_764_000_000_500,
      attempts: 1,
    });
  });

  it('carries bytes that are not UTF-8 as base64, so nothing is mangled', () => {
    const raw = Buffer.from([0xff, 0xfe, 0x00, 0x41]);
    const letter = JSON.parse(buildDeadLetter(Topics.trades, 0, message(raw), 'g', 'r', [], 2, 0).value) as Record<string, unknown>;
    expect(letter['valueEncoding']).toBe('base64');
    expect(Buffer.from(String(letter['value']), 'base64').equals(raw)).toBe(true);
  });

  it('records a null value and a null key as null', () => {
    const letter = JSON.parse(buildDeadLetter(Topics.trades, 0, message(null, null), 'g', 'r', [], 1, 0).value) as Record<string, unknown>;
    expect(letter['value']).toBeNull();
    expect(letter['key']).toBeNull();
  });
});
