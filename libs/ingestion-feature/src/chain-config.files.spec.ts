import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadChainlinkFeeds, loadPoolsFile } from './chain-config.files';

const jsonFile = (content: unknown): string => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'chain-config-')), 'config.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

const USDC_WETH = {
  chainId: 1,
  address: '0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc',
  dexId: 'uniswap-v2',
  tokens: ['0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2'],
};
// A feed entry as an operator writes it: the aggregator that emits AnswerUpdated, the token it prices, answer decimals.
const ETH_USD_FEED = { chainId: 1, aggregator: '0xe62b71cf983019bff55bc83b48601ce8419650cc', token: '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', decimals: 8 };

describe('DEX_POOLS_FILE', () => {
  it('reads nothing when no file is configured', () => {
    expect(loadPoolsFile(undefined)).toEqual([]);
  });

  it('loads pools, marking where they came from', () => {
    expect(loadPoolsFile(jsonFile([USDC_WETH]))).toEqual([{ ...USDC_WETH, source: 'file' }]);
  });

  it('names the variable, the file and the reason when it is not JSON', () => {
    const file = jsonFile('{not json');
    expect(() => loadPoolsFile(file)).toThrow(new RegExp(`^DEX_POOLS_FILE ${file}: .*JSON`));
  });

  it('names every bad field', () => {
    const file = jsonFile([USDC_WETH, { chainId: '1', address: '0xB4E16D0168E52D35CACD2C6185B44281EC28C9DC', tokens: [] }]);
    expect(() => loadPoolsFile(file)).toThrow(
      `DEX_POOLS_FILE ${file}: [1].chainId must be number, got string; [1].address must be a lower-case 0x-prefixed 20-byte hex address; [1].tokens must name at least one token slot`,
    );
  });

  it('refuses a dexId the registry does not know, rather than misclassifying the pool', () => {
    const file = jsonFile([{ ...USDC_WETH, dexId: 'uniswap-v2-ethereum' }]);
    expect(() => loadPoolsFile(file)).toThrow(`DEX_POOLS_FILE ${file}: [0].dexId must be a registered DEX id (uniswap-v2, `);
  });
});

describe('CHAINLINK_FEEDS_FILE', () => {
  it('reads nothing when no file is configured', () => {
    expect(loadChainlinkFeeds(undefined)).toEqual([]);
  });

  it('loads feeds', () => {
    expect(loadChainlinkFeeds(jsonFile([ETH_USD_FEED]))).toEqual([ETH_USD_FEED]);
  });

  it('names every bad field', () => {
    const file = jsonFile([{ ...ETH_USD_FEED, decimals: -1, extra: true }]);
    expect(() => loadChainlinkFeeds(file)).toThrow(`CHAINLINK_FEEDS_FILE ${file}: `);
    expect(() => loadChainlinkFeeds(file)).toThrow(/\[0\]\.decimals/);
  });
});
