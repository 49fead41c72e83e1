import { addDecimals, maxDecimal } from './decimal-sum';
import { formatDecimal, percent, shiftDecimal, tokenAmount, usd } from './format';
import { readTokenClaims } from './token-claims';

describe('dashboard formatting', () => {
  it('rounds half away from zero on digits and groups thousands', () => {
    expect(formatDecimal('1234567.005')).toBe('1,234,567.01');
    expect(formatDecimal('-1234.564')).toBe('-1,234.56');
    expect(formatDecimal('-0.001')).toBe('0.00');
    expect(formatDecimal('999.995')).toBe('1,000.00');
    expect(formatDecimal('12', 0)).toBe('12');
    // Beyond a double's 15–17 significant digits nothing is lost.
    expect(formatDecimal('123456789012345678901.235')).toBe('123,456,789,012,345,678,901.24');
  });

  it('shifts the decimal point both ways', () => {
    expect(shiftDecimal('0.4567', 2)).toBe('45.67');
    expect(shiftDecimal('1500000', -6)).toBe('1.5');
    expect(shiftDecimal('5', -3)).toBe('0.005');
    expect(shiftDecimal('-12.5', 1)).toBe('-125');
  });

  it('shows USD, percentages and token amounts, and a dash for a missing figure', () => {
    expect(usd('150000')).toBe('150,000.00 USD');
    expect(usd(null)).toBe('—');
    expect(percent('0.4567')).toBe('45.7 %');
    expect(percent(null)).toBe('—');
    expect(tokenAmount('1500000000000000000', 18)).toBe('1.500000');
    expect(tokenAmount('-150000000000', 6)).toBe('-150,000.000000');
    expect(tokenAmount('42', null)).toBe('42 units');
  });

  it('adds and compares decimal strings exactly', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('-5.01', '16831.48')).toBe('16826.47');
    expect(addDecimals('-10', '2.5')).toBe('-7.5');
    expect(addDecimals('99999999999999999999.99', '0.01')).toBe('100000000000000000000');
    expect(maxDecimal('10.5', '10.45')).toBe('10.5');
    expect(maxDecimal('-3', '-2.9')).toBe('-2.9');
  });
});

describe('token claims', () => {
  const encode = (payload: object) => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

  it('reads sub, role and expiry without verifying', () => {
    expect(readTokenClaims(encode({ sub: 'whale', role: 'admin', exp: 2_000_000_000 }))).toEqual({ sub: 'whale', role: 'admin', expiresAt: 2_000_000_000_000 });
    expect(readTokenClaims(encode({ sub: 'demo' }))).toEqual({ sub: 'demo', role: null, expiresAt: null });
  });

  it('says why a text is not a usable token', () => {
    expect(readTokenClaims('abc')).toBe('not a JWT (expected three dot-separated parts)');
    expect(readTokenClaims(encode({ role: 'admin' }))).toBe('the token has no "sub" (user id) claim');
    expect(readTokenClaims('a.%%%.c')).toBe('the token payload is not base64url JSON');
  });
});
