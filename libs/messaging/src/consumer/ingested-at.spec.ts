import { INGESTED_AT_HEADER, ingestedAtOf } from './ingested-at';

describe('ingestedAtOf', () => {
  it('is the record timestamp for the first record of a chain (no header)', () => {
    expect(ingestedAtOf(undefined, 1_700_000_000_123)).toBe(1_700_000_000_123);
    expect(ingestedAtOf({ 'content-type': 'application/json' }, 42)).toBe(42);
  });

  it('carries the header of an earlier hop, as kafkajs hands it over (Buffer) or as a string', () => {
    expect(ingestedAtOf({ [INGESTED_AT_HEADER]: Buffer.from('1700000000000') }, 1_700_000_000_500)).toBe(1_700_000_000_000);
    expect(ingestedAtOf({ [INGESTED_AT_HEADER]: '1700000000001' }, 9)).toBe(1_700_000_000_001);
    expect(ingestedAtOf({ [INGESTED_AT_HEADER]: [Buffer.from('1700000000002')] }, 9)).toBe(1_700_000_000_002);
  });

  it('falls back to the record timestamp when the header is not a positive integer', () => {
    expect(ingestedAtOf({ [INGESTED_AT_HEADER]: 'soon' }, 7)).toBe(7);
    expect(ingestedAtOf({ [INGESTED_AT_HEADER]: '-5' }, 7)).toBe(7);
    expect(ingestedAtOf({ [INGESTED_AT_HEADER]: '1.5' }, 7)).toBe(7);
  });
});
