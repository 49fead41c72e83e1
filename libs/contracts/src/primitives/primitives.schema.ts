import { z } from 'zod';

/** 2^256 − 1: the largest ERC-20 amount a contract can hold. */
export const UINT256_MAX = (1n << 256n) - 1n;

const UNSIGNED_INTEGER = /^(0|[1-9][0-9]*)$/;
const SIGNED_INTEGER = /^-?(0|[1-9][0-9]*)$/;
const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const EVM_ADDRESS = /^0x[0-9a-f]{40}$/;

/** Base-unit token amount on the wire: a non-negative integer string that fits in uint256. */
export const uint256String = z
  .string()
  .regex(UNSIGNED_INTEGER, 'must be a non-negative integer string in base units (no sign, decimals or leading zeros)')
  // zod runs every check even after the regex fails, so the bound is only computed on integer text.
  .refine((v) => !UNSIGNED_INTEGER.test(v) || (v.length <= 78 && BigInt(v) <= UINT256_MAX), 'must not exceed uint256 max (2^256 - 1)');

/** A uint256 amount that must be strictly positive (a swap leg of zero is not a trade). */
export const positiveUint256String = uint256String.refine((v) => v !== '0', 'must be greater than zero');

/** A signed base-unit balance (a user's net flow may be negative when only trades are known). */
export const signedIntegerString = z.string().regex(SIGNED_INTEGER, 'must be a signed integer string');

/** A decimal number carried as a string so no precision is lost in JSON. */
export const decimalString = z.string().regex(DECIMAL, 'must be a decimal string such as "1234.56"');

export const positiveDecimalString = decimalString.refine(
  (v) => !DECIMAL.test(v) || (!v.startsWith('-') && /[1-9]/.test(v)),
  'must be greater than zero',
);

/** Contract address in lower case; mixed-case checksummed input is rejected so keys never diverge. */
export const evmAddress = z.string().regex(EVM_ADDRESS, 'must be a lower-case 0x-prefixed 20-byte hex address');

/** The chain's native coin (ETH, BNB, POL…) as a token address, the convention of Curve, 0x, 1inch and CoW. */
export const NATIVE_TOKEN = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';

export const chainId = z.number().int('must be an integer').positive('must be a positive chain id').max(2 ** 53 - 1);

/** Milliseconds since the Unix epoch; rejects seconds (values before 2001) to catch a common unit mistake. */
export const epochMillis = z
  .number()
  .int('must be an integer number of milliseconds')
  .min(1_000_000_000_000, 'must be epoch milliseconds (this looks like seconds)')
  .max(8_640_000_000_000_000, 'is beyond the representable date range');

export const identifier = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\s\p{Cc}]+$/u, 'must not contain whitespace or control characters');

export const userId = identifier(128);
