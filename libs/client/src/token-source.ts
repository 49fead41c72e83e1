/**
 * Where the client gets its bearer token. Called before the first request and socket connection, and again with
 * `{ refresh: true }` when the gateway refused the token (401, a refused handshake, or a socket closed at expiry),
 * so an app can fetch a fresh one from its identity provider. A string is a fixed token.
 */
export type TokenSource = string | ((options: { refresh: boolean }) => string | Promise<string>);

export async function tokenFrom(source: TokenSource, refresh: boolean): Promise<string> {
  return typeof source === 'string' ? source : source({ refresh });
}
