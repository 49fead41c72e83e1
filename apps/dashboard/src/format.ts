/**
 * Display formatting of the API's decimal strings. Money stays a string end to end: rounding and scaling are done on
 * digits (BigInt), never through a float.
 */

/** `s` × 10^shift, as a decimal string (shift may be negative). */
export function shiftDecimal(s: string, shift: number): string {
  const negative = s.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? s.slice(1) : s).split('.');
  let digits = whole + fraction;
  let point = whole.length + shift;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const frac = digits.slice(point).replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Rounded half away from zero to `places` decimals, thousands grouped: "-1234.567" → "-1,234.57". */
export function formatDecimal(s: string, places = 2): string {
  const negative = s.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? s.slice(1) : s).split('.');
  const scaled = BigInt(`${whole}${fraction.padEnd(places + 1, '0').slice(0, places + 1)}`);
  const rounded = ((scaled + 5n) / 10n).toString().padStart(places + 1, '0');
  const int = places === 0 ? rounded : rounded.slice(0, -places);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = negative && /[1-9]/.test(rounded) ? '-' : '';
  return `${sign}${grouped}${places === 0 ? '' : `.${rounded.slice(-places)}`}`;
}

export const usd = (s: string | null | undefined): string => (s === null || s === undefined ? '—' : `${formatDecimal(s, 2)} USD`);

/** A fraction in [0, 1] as a percentage: "0.4567" → "45.7 %". */
export const percent = (s: string | null | undefined): string => (s === null || s === undefined ? '—' : `${formatDecimal(shiftDecimal(s, 2), 1)} %`);

/** Base units shown in whole tokens (up to 6 decimals), or raw units when the decimals are unknown. */
export function tokenAmount(balance: string, decimals: number | null): string {
  if (decimals === null) return `${balance} units`;
  return formatDecimal(shiftDecimal(balance, -decimals), Math.min(6, decimals));
}

export const time = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '—' : new Date(ms).toLocaleTimeString());

export const shortAddress = (address: string): string => `${address.slice(0, 6)}…${address.slice(-4)}`;
