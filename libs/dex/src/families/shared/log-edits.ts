import type { Hex } from 'viem';
import type { RawLog } from '../../core/raw-log';

/** One 32-byte ABI word as hex without 0x (negative values in two's complement): for specs that damage a real log. */
export const abiWord = (value: bigint): string => (value < 0n ? 2n ** 256n + value : value).toString(16).padStart(64, '0');

/** The log with its first data words replaced by `values` (the rest of the recorded data kept). */
export const withLeadingWords = (log: RawLog, ...values: bigint[]): RawLog => ({
  ...log,
  data: `0x${values.map(abiWord).join('')}${log.data.slice(2 + 64 * values.length)}` as Hex,
});
