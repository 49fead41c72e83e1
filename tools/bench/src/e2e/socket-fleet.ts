import jwt from 'jsonwebtoken';
import { io, type Socket } from 'socket.io-client';
import type { AlertNotification, ClientToServerEvents, ExposureUpdate, RiskMetrics, ServerToClientEvents } from '@hyperdex/contracts';
import { nowMs } from './clock';

/** Whoever wants to see what the dashboards receive; `at` is the arrival time (epoch ms, see clock.ts). */
export interface DashboardListener {
  exposure?(update: ExposureUpdate, at: number): void;
  riskMetrics?(metrics: RiskMetrics, at: number): void;
  alert?(notification: AlertNotification, at: number): void;
}

type DashboardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One dashboard socket per user, as a real frontend would hold, all in this process. Arrivals are stamped the moment
 * the event reaches its handler; under heavy load this process's own event-loop delay adds to them, which is why the
 * report prints that delay beside the figures.
 */
export class SocketFleet {
  private readonly sockets: DashboardSocket[] = [];
  private readonly listeners: DashboardListener[] = [];
  readonly received = { exposure: 0, riskMetrics: 0, alert: 0 };
  /** Sockets the gateway dropped during the run (closing them at the end is not counted). */
  disconnects = 0;
  private closing = false;

  constructor(
    private readonly gatewayUrl: string,
    private readonly jwtSecret: string,
  ) {}

  listen(listener: DashboardListener): void {
    this.listeners.push(listener);
  }

  /** Connects every user's socket, `concurrency` handshakes at a time; rejects if one is refused. */
  async connect(userIds: readonly string[], concurrency = 25, timeoutMs = 20_000): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < userIds.length) {
        const userId = userIds[next++] as string;
        this.sockets.push(await this.open(userId, timeoutMs));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, userIds.length) }, worker));
  }

  get size(): number {
    return this.sockets.length;
  }

  close(): void {
    this.closing = true;
    for (const s of this.sockets.splice(0)) s.close();
  }

  private open(userId: string, timeoutMs: number): Promise<DashboardSocket> {
    // Valid for the whole run: the gateway disconnects a socket when its token expires.
    const token = jwt.sign({ sub: userId }, this.jwtSecret, { algorithm: 'HS256', expiresIn: '2h' });
    const socket: DashboardSocket = io(this.gatewayUrl, {
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: timeoutMs,
    });
    socket.on('exposure', (update) => {
      const at = nowMs();
      this.received.exposure++;
      for (const l of this.listeners) l.exposure?.(update, at);
    });
    socket.on('risk-metrics', (metrics) => {
      const at = nowMs();
      this.received.riskMetrics++;
      for (const l of this.listeners) l.riskMetrics?.(metrics, at);
    });
    socket.on('alert', (notification) => {
      const at = nowMs();
      this.received.alert++;
      for (const l of this.listeners) l.alert?.(notification, at);
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => {
        socket.on('disconnect', () => {
          if (!this.closing) this.disconnects++;
        });
        resolve(socket);
      });
      socket.once('connect_error', (error) => {
        socket.close();
        reject(new Error(`socket of ${userId} refused: ${error.message}`));
      });
    });
  }
}
