/** Exact sum of two decimal strings (scaled BigInt), so equity is never rounded through a float. */
export function addDecimals(a: string, b: string): string {
  const places = Math.max(fractionLength(a), fractionLength(b));
  const sum = toScaled(a, places) + toScaled(b, places);
  const negative = sum < 0n;
  const digits = (negative ? -sum : sum).toString().padStart(places + 1, '0');
  const int = places === 0 ? digits : digits.slice(0, -places);
  const frac = places === 0 ? '' : digits.slice(-places).replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

export function maxDecimal(a: string, b: string): string {
  const places = Math.max(fractionLength(a), fractionLength(b));
  return toScaled(a, places) >= toScaled(b, places) ? a : b;
}

const fractionLength = (s: string): number => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);

function toScaled(s: string, places: number): bigint {
  const negative = s.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? s.slice(1) : s).split('.');
  const value = BigInt(`${whole}${fraction.padEnd(places, '0')}`);
  return negative ? -value : value;
}
