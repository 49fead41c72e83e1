import type { IHeaders } from 'kafkajs';

/**
 * When the input at the start of a record's causal chain entered the system (epoch ms), carried from hop to hop
 * so the last hop can tell the operator how long the whole path took (POST → exposure, POST → alert). The first
 * record of a chain (a trade ingestion produced) has no header: its own broker timestamp is that time.
 */
export const INGESTED_AT_HEADER = 'x-hyperdex-ingested-at';

/** The chain's ingestion time from the header, or the record's own timestamp when it starts the chain. */
export function ingestedAtOf(headers: IHeaders | undefined, recordTimestamp: number): number {
  const raw = headers?.[INGESTED_AT_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return recordTimestamp;
  const parsed = Number(typeof value === 'string' ? value : value.toString('latin1'));
  return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : recordTimestamp;
}
