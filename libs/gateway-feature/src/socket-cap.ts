/** The most dashboard sockets one user may hold open on one gateway instance (GATEWAY_MAX_SOCKETS_PER_USER). */
export const MAX_SOCKETS_PER_USER = Symbol('MAX_SOCKETS_PER_USER');

export const DEFAULT_MAX_SOCKETS_PER_USER = 20;

/** The refusal a client gets past the cap, as the `connect_error` message; null while the user is under it. */
export function socketCapRefusal(open: number, cap: number): string | null {
  return open < cap ? null : `too many connections: at most ${cap} sockets per user are allowed, close one first`;
}
