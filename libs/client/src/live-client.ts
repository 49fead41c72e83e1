import { io, type Socket } from 'socket.io-client';
import { SocketEvents, type ClientToServerEvents, type ServerToClientEvents } from '@hyperdex/contracts';
import { tokenFrom, type TokenSource } from './token-source';

export type LiveEvent = keyof ServerToClientEvents;
export type LiveHandler<E extends LiveEvent> = Parameters<ServerToClientEvents[E]>[0] extends infer P ? (payload: P) => void : never;
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface LiveClientOptions {
  /** Extra socket.io-client options (e.g. `transports`); auth and reconnection are the client's own. */
  socket?: { transports?: string[]; path?: string };
  /** Wait before reconnecting after the gateway refused or closed the socket, ms (default 250, doubling to 10 s). */
  retryDelayMs?: number;
}

const EVENTS = Object.values(SocketEvents) as LiveEvent[];

/**
 * The user's live events. Handlers are kept by the client, not the socket, so they survive every reconnection:
 * socket.io's own reconnect after a network drop, and the reconnect this client makes when the gateway refuses a
 * token or closes the socket at the token's expiry (then the token source is asked for a fresh one). The gateway
 * puts each socket in its user's room on connect, so a reconnected socket resumes that user's events.
 */
export class GatewayLiveClient {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly handlers = new Map<LiveEvent, Set<(payload: never) => void>>();
  private readonly stateListeners = new Set<(state: ConnectionState, reason?: string) => void>();
  private refreshNext = false;
  private closed = false;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    url: string,
    private readonly tokens: TokenSource,
    private readonly options: LiveClientOptions = {},
  ) {
    this.socket = io(url, {
      autoConnect: false,
      ...(options.socket ?? {}),
      // Called on every (re)connection attempt: the place to hand over a refreshed token.
      auth: (cb) => {
        const refresh = this.refreshNext;
        this.refreshNext = false;
        void tokenFrom(this.tokens, refresh).then((token) => cb({ token }));
      },
    });
    for (const event of EVENTS) {
      // One dispatcher per event name; the payload goes to whichever handlers are registered at that moment.
      const dispatch = (payload: unknown) => {
        for (const handler of this.handlers.get(event) ?? []) (handler as (p: unknown) => void)(payload);
      };
      this.socket.on(event as 'exposure', dispatch);
    }
    this.socket.on('connect', () => {
      this.retries = 0;
      this.emitState('connected');
    });
    this.socket.on('disconnect', (reason) => {
      if (this.closed) return;
      // socket.io reconnects by itself after transport failures, but not after the server closed the socket.
      if (reason === 'io server disconnect') this.retry(true, reason);
      else this.emitState('reconnecting', reason);
    });
    this.socket.on('connect_error', (error) => {
      if (this.closed) return;
      // A refused handshake is not retried by socket.io: ask for a fresh token and try again.
      if (!this.socket.active) this.retry(error.message.startsWith('unauthorized'), error.message);
      else this.emitState('reconnecting', error.message);
    });
  }

  /** Connects; resolves once connected the first time (later reconnections are the client's business). */
  connect(): Promise<void> {
    this.emitState('connecting');
    return new Promise((resolve) => {
      this.socket.once('connect', () => resolve());
      this.socket.connect();
    });
  }

  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends LiveEvent>(event: E, handler: LiveHandler<E>): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler as (payload: never) => void);
    return () => set?.delete(handler as (payload: never) => void);
  }

  onState(listener: (state: ConnectionState, reason?: string) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.socket.disconnect();
    this.emitState('closed');
  }

  private retry(refreshToken: boolean, reason: string): void {
    this.refreshNext ||= refreshToken;
    this.emitState('reconnecting', reason);
    const base = this.options.retryDelayMs ?? 250;
    const delay = Math.min(10_000, base * 2 ** this.retries++);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.closed) this.socket.connect();
    }, delay);
  }

  private emitState(state: ConnectionState, reason?: string): void {
    for (const listener of this.stateListeners) listener(state, reason);
  }
}
