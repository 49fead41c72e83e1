import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KNOWN_POOLS } from './known-pools';
import { PoolTokenDirectory } from './pool-token-directory';

const NATIVE = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const SOURCE = readFileSync(path.join(__dirname, 'known-pools.ts'), 'utf8');

describe('bundled pool registry', () => {
  it('holds each pool once, in lower case, with every slot named', () => {
    const keys = KNOWN_POOLS.map((p) => `${p.chainId}:${p.address}:${p.poolId ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const pool of KNOWN_POOLS) {
      expect(pool.address).toBe(pool.address.toLowerCase());
      expect(pool.tokens.length).toBeGreaterThanOrEqual(2);
      for (const token of pool.tokens) expect(token).toMatch(/^0x[0-9a-f]{40}$/);
    }
  });

  it('states the source and the deployment block (or that the source gives none) of every entry', () => {
    // Each entry's comment precedes its object; one citation and one block statement per entry.
    expect(SOURCE.match(/Source: |Evidence: /g)?.length).toBe(KNOWN_POOLS.length);
    expect(SOURCE.match(/Deployment block: /g)?.length).toBe(KNOWN_POOLS.length);
  });

  it('gives the Curve native-ETH pools their ETH leg in slot 0, which no receipt transfer can prove', () => {
    const directory = new PoolTokenDirectory(KNOWN_POOLS);
    const curveEth = KNOWN_POOLS.filter((p) => p.dexId === 'curve' && p.tokens[0] === NATIVE);
    expect(curveEth.map((p) => p.address)).toEqual([
      '0xdc24316b9ae028f1497c275eb9192a3ea0f67022', // stETH
      '0xc5424b857f758e906013f3555dad202e4bdb4567', // sETH
      '0xa1f8a6807c402e4a15ef4eba36528a3fed24e577', // frxETH
      '0xa96a65c051bf88b4095ee1f2451c2a9d43f53ae2', // ankrETH
      '0xf9440930043eb3997fc70e1339dbb11f341de7a8', // rETH (StaFi)
    ]);
    for (const pool of curveEth) {
      expect(directory.dexOf(1, pool.address)).toBe('curve');
      expect(directory.resolve({ chainId: 1, address: pool.address }, { slot: 0 })).toBe(NATIVE);
    }
  });
});
