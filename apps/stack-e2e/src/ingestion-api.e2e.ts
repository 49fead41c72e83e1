import { WETH, aTrade, post } from './support/clients';

const trade = (overrides: Record<string, unknown> = {}) => ({ ...aTrade(), ...overrides });

describe('ingestion API', () => {
  it('answers 401 without an API key and with a wrong one', async () => {
    const missing = await post('/v1/trades', trade(), {});
    expect(missing).toEqual({ status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Missing x-api-key header' } });
    const wrong = await post('/v1/trades', trade(), { 'x-api-key': 'not-a-key-not-a-key' });
    expect(wrong.status).toBe(401);
    expect(wrong.body['message']).toBe('Invalid API key');
  });

  it('answers 400 listing every offending field, and accepts nothing of that request', async () => {
    const good = trade();
    const res = await post('/v1/trades', {
      trades: [good, trade({ amountIn: '-5', tokenOut: 'WETH', timestamp: 1_700_000_000 })],
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      details: [
        { field: 'trades[1].tokenOut', reason: 'must be a lower-case 0x-prefixed 20-byte hex address' },
        {
          field: 'trades[1].amountIn',
          reason: 'must be a non-negative integer string in base units (no sign, decimals or leading zeros)',
        },
        { field: 'trades[1].timestamp', reason: 'must be epoch milliseconds (this looks like seconds)' },
      ],
    });
  });

  it('answers 400 for unparseable JSON and for a repeated trade id within a batch', async () => {
    const broken = await post('/v1/trades', '{"tradeId":');
    expect(broken.status).toBe(400);
    expect(broken.body['message']).toBe('Request body is not valid JSON');
    const t = trade();
    const repeated = await post('/v1/trades', { trades: [t, t] });
    expect(repeated.status).toBe(400);
    expect(repeated.body['details']).toEqual([{ field: 'trades[1]', reason: `repeats trades[0] (same id ${t.tradeId})` }]);
  });

  it('accepts one trade or a batch with 202 and the accepted ids', async () => {
    const one = trade();
    expect(await post('/v1/trades', one)).toEqual({ status: 202, body: { accepted: [one.tradeId] } });
    const batch = [trade(), trade()];
    expect(await post('/v1/trades', { trades: batch })).toEqual({ status: 202, body: { accepted: batch.map((t) => t.tradeId) } });
  });

  it('validates prices the same way', async () => {
    const res = await post('/v1/prices', { chainId: 1, token: WETH, priceUsd: 'abc', timestamp: Date.now(), source: 'test' });
    expect(res).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        details: [{ field: 'priceUsd', reason: 'must be a decimal string such as "1234.56"' }],
      },
    });
  });
});
