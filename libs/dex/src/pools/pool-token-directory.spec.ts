import type { KnownPool } from './pool-token-directory';
import { PoolTokenDirectory } from './pool-token-directory';

const POOL = '0x00000000000000000000000000000000000000a1';
const [A, B] = ['0x00000000000000000000000000000000000000aa', '0x00000000000000000000000000000000000000bb'] as const;

describe('PoolTokenDirectory', () => {
  it('tells its listeners each merge that taught something, with the merged entry, and only those', () => {
    const directory = new PoolTokenDirectory();
    const heard: KnownPool[] = [];
    directory.onLearned((pool) => heard.push(pool));
    directory.learn({ chainId: 1, address: POOL, tokens: [A], source: 'receipt-transfers' });
    directory.learn({ chainId: 1, address: POOL, tokens: [A], source: 'receipt-transfers' });
    directory.learn({ chainId: 1, address: POOL, tokens: [null, B], source: 'rpc' });
    expect(heard.map((p) => [p.tokens, p.source])).toEqual([
      [[A], 'receipt-transfers'],
      [[A, B], 'receipt-transfers'],
    ]);
  });

  it('never overwrites a known slot (a spoofed transfer cannot rewrite a verified pool)', () => {
    const directory = new PoolTokenDirectory([{ chainId: 1, address: POOL, tokens: [A, B], source: 'static' }]);
    directory.learn({ chainId: 1, address: POOL, tokens: [B, A], source: 'receipt-transfers' });
    expect(directory.get({ chainId: 1, address: POOL })?.tokens).toEqual([A, B]);
  });
});
