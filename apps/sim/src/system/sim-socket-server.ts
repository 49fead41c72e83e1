import type { WebSocketAdapter } from '@nestjs/common';

type Middleware = (socket: SimSocket, next: (error?: Error) => void) => void;

/** What one dashboard socket of the simulation was sent, in order. */
export interface ReceivedEvent {
  event: string;
  payload: unknown;
}

/** A connected dashboard client: the handshake it offered and everything the gateway emitted to it. */
export class SimSocket {
  readonly data: { userId?: string } = {};
  readonly rooms = new Set<string>();
  readonly received: ReceivedEvent[] = [];

  constructor(
    readonly id: string,
    /** The user this client logged in as (what its token says). */
    readonly userId: string,
    readonly handshake: { auth: { token: string } },
    private readonly server: SimSocketServer,
  ) {}

  join(room: string): void {
    this.rooms.add(room);
    const members = this.server.sockets.adapter.rooms.get(room) ?? new Set<string>();
    members.add(this.id);
    this.server.sockets.adapter.rooms.set(room, members);
  }

  once(): void {
    // Tokens of the simulation carry no expiry: no disconnect timer is ever armed.
  }

  disconnect(): void {
    for (const room of this.rooms) this.server.sockets.adapter.rooms.get(room)?.delete(this.id);
  }
}

/**
 * The slice of a Socket.IO server the gateway uses — handshake middleware, rooms, `to(room).emit` — kept in memory so
 * thousands of seeds can connect clients without a port. The gateway's own code decides who joins which room and
 * where each event goes; this only records what reached each socket.
 */
export class SimSocketServer {
  readonly sockets = { adapter: { rooms: new Map<string, Set<string>>() }, sockets: new Map<string, SimSocket>() };
  private readonly middlewares: Middleware[] = [];

  use(middleware: Middleware): void {
    this.middlewares.push(middleware);
  }

  to(room: string): { emit: (event: string, payload: unknown) => void } {
    return {
      emit: (event, payload) => {
        for (const id of this.sockets.adapter.rooms.get(room) ?? []) this.sockets.sockets.get(id)?.received.push({ event, payload });
      },
    };
  }

  /**
   * A client connects with a token; refused (null) when the gateway's middleware says no. Each middleware may answer
   * later (token verification is asynchronous: a JWKS key may need fetching), so each is awaited in turn, as
   * Socket.IO does.
   */
  async connect(userId: string, token: string): Promise<SimSocket | null> {
    const socket = new SimSocket(`socket-${this.sockets.sockets.size}`, userId, { auth: { token } }, this);
    for (const middleware of this.middlewares) {
      const refused = await new Promise<Error | undefined>((resolve) => middleware(socket, resolve));
      if (refused) return null;
    }
    this.sockets.sockets.set(socket.id, socket);
    return socket;
  }

  disconnectSockets(): void {
    for (const socket of this.sockets.sockets.values()) socket.disconnect();
  }
}

/** Hands the gateway the in-memory server in place of Socket.IO's (Nest's WebSocketAdapter extension point). */
export class SimSocketAdapter implements WebSocketAdapter<SimSocketServer> {
  constructor(private readonly server: SimSocketServer) {}

  create(): SimSocketServer {
    return this.server;
  }

  bindClientConnect(): void {
    // Clients connect through SimSocketServer.connect, which runs the gateway's middleware.
  }

  bindMessageHandlers(): void {
    // The dashboard gateway takes no client messages.
  }

  async close(): Promise<void> {
    this.server.disconnectSockets();
  }

  async dispose(): Promise<void> {
    // Nothing is bound to a port.
  }
}
