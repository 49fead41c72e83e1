import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { hexToString, parseAbi, type Address, type PublicClient } from 'viem';
import { NATIVE_TOKEN, type TokenMetadata } from '@hyperdex/contracts';
import { LOGGER } from '@hyperdex/observability';
import { TokenRegistry } from '@hyperdex/risk-core';
import { ChainRpcClients, readOrUndefined } from './chain-rpc-clients';

const ERC20_ABI = parseAbi(['function decimals() view returns (uint8)', 'function symbol() view returns (string)']);
/** Early tokens (MKR, SAI) return their symbol as bytes32. */
const BYTES32_SYMBOL_ABI = parseAbi(['function symbol() view returns (bytes32)']);

const RETRY_UNKNOWN_AFTER_MS = 10 * 60_000;
const MAX_SYMBOL_LENGTH = 32;

/**
 * Learns the symbol and decimals of tokens traded on chain that the registry lacks, from the chain's JSON-RPC
 * endpoint when one is configured. What it learns is registered (swap-implied prices need decimals) and returned
 * for publication, so positions can value balances of tokens nobody listed. Never guesses decimals: a token that
 * does not answer `decimals()` stays unknown (and unpriced) and is asked again after a while.
 */
@Injectable()
export class TokenMetadataResolver {
  private readonly failedAt = new Map<string, number>();

  constructor(
    private readonly rpc: ChainRpcClients,
    private readonly registry: TokenRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async learn(chainId: number, tokens: Iterable<Address>): Promise<TokenMetadata[]> {
    const client = this.rpc.of(chainId);
    if (!client) return [];
    const learned: TokenMetadata[] = [];
    for (const address of new Set(tokens)) {
      if (address === NATIVE_TOKEN || this.registry.get(chainId, address)) continue;
      const key = `${chainId}:${address}`;
      const failed = this.failedAt.get(key);
      if (failed !== undefined && Date.now() - failed < RETRY_UNKNOWN_AFTER_MS) continue;
      const metadata = await this.ask(chainId, client, address);
      if (!metadata) {
        this.failedAt.set(key, Date.now());
        this.logger.warn({ chainId, token: address }, 'token does not answer decimals(); it stays unpriced');
        continue;
      }
      this.registry.register({ chainId, address, symbol: metadata.symbol, decimals: metadata.decimals, stablecoin: false });
      learned.push(metadata);
    }
    return learned;
  }

  private async ask(chainId: number, client: PublicClient, address: Address): Promise<TokenMetadata | undefined> {
    const read = <T>(call: () => Promise<T>) => readOrUndefined(chainId, call);
    const decimals = await read(() => client.readContract({ address, abi: ERC20_ABI, functionName: 'decimals' }));
    if (decimals === undefined) return undefined;
    const symbol =
      (await read(() => client.readContract({ address, abi: ERC20_ABI, functionName: 'symbol' }))) ??
      (await read(async () => hexToString(await client.readContract({ address, abi: BYTES32_SYMBOL_ABI, functionName: 'symbol' }), { size: 32 })));
    return { chainId, address, symbol: cleanSymbol(symbol, address), decimals, stablecoin: false, source: 'rpc' };
  }
}

/** Symbols are attacker-chosen strings: printable characters only, bounded; the address stands in when none is left. */
function cleanSymbol(symbol: string | undefined, address: Address): string {
  // eslint-disable-next-line no-control-regex
  const printable = (symbol ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_SYMBOL_LENGTH);
  return printable.length > 0 ? printable : `${address.slice(0, 6)}…${address.slice(-4)}`;
}
