import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NATIVE_TOKEN, Topics, chainReceiptKey, deadLetterTopic, type ChainReceipt, type DeadLetter, type ExposureUpdate, type PriceTick, type TokenMetadata, tokenMetadataKey } from '@hyperdex/contracts';
import { RecordingSocket, WETH, findRecord, getExposure, kafka, post, tokenFor } from './support/clients';
import { ROOT } from './support/stack-env';

/** Real recorded mainnet receipts from the dex specs (each cites its rotki/test-caching cassette and rotki test). */
const fixture = (family: string, file: string): ChainReceipt => {
  const f = JSON.parse(readFileSync(path.join(ROOT, 'libs/dex/src/families', family, 'fixtures', file), 'utf8')) as ChainReceipt;
  return { chainId: f.chainId, blockTimestamp: f.blockTimestamp, receipt: f.receipt };
};

// rotki test_uniswap_v2_swap: 0.15 ETH → 462.967761432322996701 FRAX through WETH/USDC, FXS/USDC and FXS/FRAX.
const V2_ROUTE = fixture('uniswap-v2', 'ethereum-0x67cf6c4c.json');
const V2_TX = '0x67cf6c4ce5078f9750a14afd2f5070c327caf8c5180bdee2be59644ac59974e1';
const V2_TRADE = `1:${V2_TX}:511`;
const V2_USER = '0x3cadf2ca458376a6a5fea2ef3612346037d5a787';
const FRAX = '0x853d955acef822db058eb8505911ed77f175b99e';
// rotki test_swap_tokens_v2 (Velodrome): 1.5 OP → 50.633275729041219862 VELO on Optimism.
const VELODROME = fixture('solidly-v2', 'optimism-0x0cca192b.json');
const VELODROME_USER = '0x78c13393aee675dd7ed07ce992210750d1f5db88';
const VELO = '0x9560e827af36c94d2ac33a39bce1fe78631088db';

const exposureAfter = (socket: RecordingSocket, match: (cause: ExposureUpdate['cause']) => boolean) =>
  socket.waitFor<ExposureUpdate>('exposure', (e) => match(e.cause));

describe('raw chain receipts', () => {
  jest.setTimeout(60_000);
  let socket: RecordingSocket;

  beforeAll(async () => {
    socket = await RecordingSocket.connect(tokenFor(V2_USER));
  });
  afterAll(() => socket?.close());

  it('decodes a real 3-hop Uniswap V2 receipt into one trade for tx.from', async () => {
    const res = await post('/v1/chain/receipts', { receipts: [V2_ROUTE] });
    // prices: 0 — a 2021 block's swap price is history, not today's price (CHAIN_PRICE_MAX_AGE_MS).
    expect(res).toEqual({
      status: 200,
      body: { receipts: [{ transactionHash: V2_TX, trades: [V2_TRADE], retractions: [], withheld: [], prices: 0, rejected: [] }] },
    });
    const exposure = await exposureAfter(socket, (c) => c.kind === 'trade' && c.tradeId === V2_TRADE);
    expect(exposure.positions.find((p) => p.token === FRAX)?.balance).toBe('462967761432322996701');
    // The router wrapped the sender's ETH, so the trade pays ETH: 0.15 plus the 0.00847616 ETH of gas, one position.
    expect(exposure.positions.find((p) => p.token === NATIVE_TOKEN)?.balance).toBe('-158476160000000000');
    expect(exposure.positions.find((p) => p.token === WETH)).toBeUndefined();
  });

  it('publishes the swap-implied WETH price of a receipt whose block is fresh, and the same for ETH', async () => {
    // The same receipt reported as just mined: its trade id is the one already booked, so only the price is new.
    const blockTimestamp = Math.floor(Date.now() / 1000);
    const res = await post('/v1/chain/receipts', { receipts: [{ ...V2_ROUTE, blockTimestamp }] });
    expect(res.body).toEqual({ receipts: [expect.objectContaining({ trades: [V2_TRADE], prices: 2 })] });
    // Hop 1 sold 0.15 WETH for 468.292899 USDC.
    const price = await findRecord(Topics.prices, (r) => (JSON.parse(r.value) as PriceTick).source === 'swap:uniswap-v2');
    expect(JSON.parse(price.value)).toEqual({ chainId: 1, token: WETH, priceUsd: '3121.95266', timestamp: blockTimestamp * 1000, source: 'swap:uniswap-v2' });
    const twin = await findRecord(Topics.prices, (r) => (JSON.parse(r.value) as PriceTick).source === 'swap:uniswap-v2 (1:1 unwrapped)');
    expect(JSON.parse(twin.value)).toMatchObject({ chainId: 1, token: NATIVE_TOKEN, priceUsd: '3121.95266' });
    // The trade id is booked with the 2021 block time: positions keeps that version and dead-letters this one.
    const refused = await findRecord(deadLetterTopic(Topics.trades), (r) => (JSON.parse(r.value) as DeadLetter).reason.startsWith(`conflicting duplicate: id ${V2_TRADE}`));
    const letter = JSON.parse(refused.value) as DeadLetter;
    expect(letter).toMatchObject({ originalTopic: Topics.trades, consumerGroup: 'positions' });
    expect(letter.errors).toContainEqual({ field: 'timestamp', reason: `recorded ${V2_ROUTE.blockTimestamp * 1000}, received ${blockTimestamp * 1000}` });
  });

  it('values a token positions did not know once its metadata arrives on the tokens topic', async () => {
    const before = await getExposure(V2_USER, tokenFor(V2_USER));
    expect(before.body['unpriced']).toContainEqual({ chainId: 1, token: FRAX, reason: 'unknown-token' });

    expect((await post('/v1/prices', { chainId: 1, token: FRAX, priceUsd: '1', timestamp: Date.now(), source: 'e2e' })).status).toBe(202);
    // What ingestion publishes when a chain's JSON-RPC endpoint tells it a token's symbol and decimals.
    const frax: TokenMetadata = { chainId: 1, address: FRAX, symbol: 'FRAX', decimals: 18, stablecoin: false, source: 'rpc' };
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic: Topics.tokens, acks: -1, messages: [{ key: tokenMetadataKey(frax), value: JSON.stringify(frax) }] });
    } finally {
      await producer.disconnect();
    }
    const valued = await socket.waitFor<ExposureUpdate>('exposure', (e) => e.positions.some((p) => p.token === FRAX && p.valueUsd !== null));
    expect(valued.positions.find((p) => p.token === FRAX)).toMatchObject({ symbol: 'FRAX', decimals: 18, balance: '462967761432322996701', valueUsd: '462.96776143' });
    expect(valued.unpriced.map((u) => u.token)).not.toContain(FRAX);
  });

  it('counts the same receipt sent again once', async () => {
    const tradeUpdates = () => socket.events.filter((e) => e.event === 'exposure' && (e.payload as ExposureUpdate).cause.kind === 'trade').length;
    const before = tradeUpdates();
    const res = await post('/v1/chain/receipts', { receipts: [V2_ROUTE] });
    expect(res.body).toEqual({ receipts: [expect.objectContaining({ trades: [V2_TRADE] })] });
    // A true redelivery is republished as an exposure update with the same trade id, and not booked again.
    await socket.waitFor<ExposureUpdate>('exposure', () => tradeUpdates() > before);
    const rest = await getExposure(V2_USER, tokenFor(V2_USER));
    expect(rest.status).toBe(200);
    expect((rest.body['positions'] as ExposureUpdate['positions']).find((p) => p.token === FRAX)?.balance).toBe('462967761432322996701');
  });

  it('retracts the trade when the logs come back removed by a reorg', async () => {
    const reorged: ChainReceipt = { ...V2_ROUTE, receipt: { ...V2_ROUTE.receipt, logs: V2_ROUTE.receipt.logs.map((l) => ({ ...l, removed: true })) } };
    const res = await post('/v1/chain/receipts', { receipts: [reorged] });
    expect(res.body).toEqual({ receipts: [{ transactionHash: V2_TX, trades: [], retractions: [V2_TRADE], withheld: [], prices: 0, rejected: [] }] });
    const exposure = await exposureAfter(socket, (c) => c.kind === 'retraction' && c.tradeId === V2_TRADE);
    expect(exposure.positions.filter((p) => p.token === FRAX || p.token === NATIVE_TOKEN)).toEqual([]);
  });

  it('withholds a receipt whose hop cannot be decoded, says why, and dead-letters it with the receipt', async () => {
    // Deliberately broken input: the real receipt under another hash with its last Swap's data cut to one word.
    const txHash = `0x${'e2'.repeat(32)}`;
    const broken: ChainReceipt = {
      ...V2_ROUTE,
      receipt: {
        ...V2_ROUTE.receipt,
        transactionHash: txHash,
        logs: V2_ROUTE.receipt.logs.map((l) => (l.logIndex === '0x207' ? { ...l, data: l.data.slice(0, 66) } : l)),
      },
    };
    const res = await post('/v1/chain/receipts', { receipts: [broken] });
    expect(res).toEqual({
      status: 200,
      body: {
        receipts: [
          {
            transactionHash: txHash,
            trades: [],
            retractions: [],
            withheld: [`1:${txHash}:511`],
            prices: 0,
            rejected: [{ logIndex: 519, reason: 'uniswap-v2: Swap: expected 128 data bytes, got 32' }],
          },
        ],
      },
    });
    const record = await findRecord(deadLetterTopic(Topics.chainReceipts), (r) => r.key === `1:${txHash}`);
    const letter = JSON.parse(record.value) as DeadLetter;
    expect(letter).toMatchObject({
      originalTopic: Topics.chainReceipts,
      consumerGroup: 'ingestion-http',
      reason: `log 519: uniswap-v2: Swap: expected 128 data bytes, got 32; trades withheld until the receipt decodes whole: 1:${txHash}:511`,
      errors: [{ field: 'receipt.logs[logIndex=519]', reason: 'uniswap-v2: Swap: expected 128 data bytes, got 32' }],
    });
    expect(JSON.parse(letter.value ?? 'null')).toEqual(broken);
  });

  it('refuses a malformed batch with 400, naming each field', async () => {
    const [first] = V2_ROUTE.receipt.logs;
    const res = await post('/v1/chain/receipts', {
      receipts: [{ ...V2_ROUTE, blockTimestamp: 1_628_753_094_000, receipt: { ...V2_ROUTE.receipt, logs: [{ ...first, logIndex: 'zz' }] } }],
    });
    expect(res.status).toBe(400);
    expect(res.body['details']).toEqual([
      { field: 'receipts[0].blockTimestamp', reason: 'must be seconds, not milliseconds' },
      { field: 'receipts[0].receipt.logs[0].logIndex', reason: 'must be a 0x-prefixed hex quantity such as "0x1b4"' },
    ]);
  });

  it('decodes a receipt produced to the chain-receipts topic, like an indexer would', async () => {
    const velodromeSocket = await RecordingSocket.connect(tokenFor(VELODROME_USER));
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic: Topics.chainReceipts, acks: -1, messages: [{ key: chainReceiptKey(VELODROME), value: JSON.stringify(VELODROME) }] });
      const exposure = await exposureAfter(velodromeSocket, (c) => c.kind === 'trade' && c.tradeId === `10:${VELODROME.receipt.transactionHash}:101`);
      expect(exposure.positions.find((p) => p.token === VELO)).toMatchObject({ chainId: 10, balance: '50633275729041219862' });
      expect(exposure.positions.find((p) => p.token === '0x4200000000000000000000000000000000000042')).toMatchObject({ chainId: 10, balance: '-1500000000000000000' });
    } finally {
      velodromeSocket.close();
      await producer.disconnect();
    }
  });
});
