/** Identity of a token across chains: the same address on two chains is two tokens. */
export type TokenKey = `${number}:${string}`;

export const tokenKey = (chainId: number, address: string): TokenKey => `${chainId}:${address.toLowerCase()}`;
