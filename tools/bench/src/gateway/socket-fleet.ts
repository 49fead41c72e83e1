import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { ExposureUpdate } from '@hyperdex/contracts';

interface FleetSocket {
  userId: string;
  socket: Socket;
}

/**
 * Many authenticated dashboard sockets, one user each, in this process. Each checks that every update it receives
 * is its own user's (a delivery to the wrong user is counted, never expected) and times it from the moment the bench
 * produced it (`sentAt`, same process clock).
 */
export class SocketFleet {
  readonly sockets: FleetSocket[] = [];
  /** ms from io() to 'connect', per socket. */
  readonly connectMs: number[] = [];
  readonly refused: string[] = [];
  /** eventId → performance.now() when its record was handed to the producer. */
  readonly sentAt = new Map<string, number>();
  latenciesMs: number[] = [];
  delivered = 0;
  crossUser = 0;
  unknown = 0;

  constructor(private readonly url: string) {}

  /** Opens one socket per user, `concurrency` handshakes at a time; answers the wall time it took, ms. */
  async connect(users: readonly string[], tokenFor: (userId: string) => string, concurrency: number): Promise<number> {
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, users.length) }, async () => {
        while (next < users.length) {
          const userId = users[next++] as string;
          await this.open(userId, tokenFor(userId));
        }
      }),
    );
    return performance.now() - started;
  }

  /** Latency samples gathered since the last call, and a fresh list for the next phase. */
  takeLatencies(): number[] {
    const taken = this.latenciesMs;
    this.latenciesMs = [];
    return taken;
  }

  close(): void {
    for (const { socket } of this.sockets) socket.close();
  }

  private open(userId: string, token: string): Promise<void> {
    const t0 = performance.now();
    const socket = io(this.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 60_000 });
    socket.on('exposure', (update: ExposureUpdate) => this.receive(userId, update));
    return new Promise<void>((resolve) => {
      socket.once('connect', () => {
        this.connectMs.push(performance.now() - t0);
        this.sockets.push({ userId, socket });
        resolve();
      });
      socket.once('connect_error', (error) => {
        this.refused.push(`${userId}: ${error.message}`);
        socket.close();
        resolve();
      });
    });
  }

  private receive(userId: string, update: ExposureUpdate): void {
    if (update.userId !== userId) {
      this.crossUser++;
      return;
    }
    const sent = this.sentAt.get(update.eventId);
    if (sent === undefined) {
      this.unknown++;
      return;
    }
    this.delivered++;
    this.latenciesMs.push(performance.now() - sent);
  }
}
