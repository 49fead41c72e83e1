import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadTokenRegistry } from './token-registry.loader';

const file = (content: string): string => {
  const target = path.join(mkdtempSync(path.join(tmpdir(), 'tokens-')), 'tokens.json');
  writeFileSync(target, content);
  return target;
};

describe('loadTokenRegistry', () => {
  it('seeds the common tokens without a file', () => {
    expect(loadTokenRegistry(undefined).get(1, '0xdac17f958d2ee523a2206206994597c13d831ec7')).toMatchObject({ symbol: 'USDT', decimals: 6 });
  });

  it('adds the tokens of a file and lets it correct the seed', () => {
    const registry = loadTokenRegistry(
      file(
        JSON.stringify([
          { chainId: 1, address: '0x514910771af9ca656af840dff83e8264ecf986ca', symbol: 'LINK', decimals: 18 },
          { chainId: 1, address: '0xdac17f958d2ee523a2206206994597c13d831ec7', symbol: 'USDT0', decimals: 6, stablecoin: true },
        ]),
      ),
    );
    expect(registry.get(1, '0x514910771af9ca656af840dff83e8264ecf986ca')).toMatchObject({ symbol: 'LINK', stablecoin: false });
    expect(registry.get(1, '0xdac17f958d2ee523a2206206994597c13d831ec7')?.symbol).toBe('USDT0');
  });

  it('stops with the file and the offending field named', () => {
    const bad = file(JSON.stringify([{ chainId: 1, address: '0xABC', symbol: 'X', decimals: 300 }]));
    expect(() => loadTokenRegistry(bad)).toThrow(
      `TOKEN_REGISTRY_FILE ${bad}: [0].address must be a lower-case 0x-prefixed 20-byte hex address; [0].decimals Too big: expected number to be <=255`,
    );
    expect(() => loadTokenRegistry(file('{'))).toThrow(/TOKEN_REGISTRY_FILE .*JSON/);
  });
});
