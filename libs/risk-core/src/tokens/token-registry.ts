import { DEFAULT_TOKENS } from './default-tokens';
import type { TokenInfo } from './token-info';
import { tokenKey, type TokenKey } from './token-key';

/** Token metadata by (chain, address). Later entries override earlier ones, so config can correct the seed. */
export class TokenRegistry {
  private readonly tokens = new Map<TokenKey, TokenInfo>();

  constructor(entries: Iterable<TokenInfo> = DEFAULT_TOKENS) {
    for (const entry of entries) this.register(entry);
  }

  static withExtras(extras: readonly TokenInfo[]): TokenRegistry {
    return new TokenRegistry([...DEFAULT_TOKENS, ...extras]);
  }

  register(info: TokenInfo): void {
    if (!Number.isInteger(info.decimals) || info.decimals < 0 || info.decimals > 255) {
      throw new RangeError(`token ${info.chainId}:${info.address} has invalid decimals ${info.decimals}`);
    }
    this.tokens.set(tokenKey(info.chainId, info.address), { ...info, address: info.address.toLowerCase() });
  }

  get(chainId: number, address: string): TokenInfo | undefined {
    return this.tokens.get(tokenKey(chainId, address));
  }

  get size(): number {
    return this.tokens.size;
  }
}
