/**
 * The broker refuses a produce whose record batch for a partition exceeds its max.message.bytes (1 MiB by default),
 * so records read back in bulk (a DLQ redrive) go out in sends that stay under a byte budget. A record larger than
 * the budget on its own is sent alone: the broker took it once, so it may take it again.
 */
export const DEFAULT_SEND_BUDGET_BYTES = 900 * 1024;

/** Bytes a record weighs in a batch, near enough: its key, value and headers, plus a fixed record overhead. */
const RECORD_OVERHEAD_BYTES = 64;

export interface SizedRecord {
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers?: Readonly<Record<string, string>>;
}

export function recordBytes(record: SizedRecord): number {
  const headers = Object.entries(record.headers ?? {}).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  return RECORD_OVERHEAD_BYTES + (record.key === null ? 0 : Buffer.byteLength(record.key)) + (record.value?.length ?? 0) + headers;
}

/** Splits records, in order, into consecutive groups that each weigh at most `budget` (a heavier record stands alone). */
export function sizeBoundedSends<R extends SizedRecord>(records: readonly R[], budget = DEFAULT_SEND_BUDGET_BYTES): R[][] {
  const sends: R[][] = [];
  let current: R[] = [];
  let weight = 0;
  for (const record of records) {
    const bytes = recordBytes(record);
    if (current.length > 0 && weight + bytes > budget) {
      sends.push(current);
      current = [];
      weight = 0;
    }
    current.push(record);
    weight += bytes;
  }
  if (current.length > 0) sends.push(current);
  return sends;
}
