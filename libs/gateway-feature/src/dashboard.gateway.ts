import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayInit } from '@nestjs/websockets';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import type { Server, Socket } from 'socket.io';
import { userRoom, type AlertNotification, type RiskMetrics, type ClientToServerEvents, type ExposureUpdate, type ServerToClientEvents } from '@hyperdex/contracts';
import { LOGGER, ServiceMetrics } from '@hyperdex/observability';
import { MAX_SOCKETS_PER_USER, socketCapRefusal } from './socket-cap';
import { SOCKET_RELAY_MODE, type SocketRelayMode } from './socket-relay-mode';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

interface SocketData {
  userId: string;
}

export type DashboardServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type DashboardSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * Dashboard sockets. A client connects with `auth: { token }`; the handshake is refused without a valid JWT,
 * and an accepted socket joins only its own user's room, so it can never see another user's events. A user holds at
 * most MAX_SOCKETS_PER_USER sockets on an instance; one more is refused with the reason.
 */
@WebSocketGateway()
export class DashboardGateway implements OnGatewayInit, OnApplicationShutdown {
  @WebSocketServer()
  private server!: DashboardServer;

  private readonly pushed: Counter<'event'>;
  private readonly refusedOverCap: Counter<'reason'>;

  constructor(
    private readonly verifier: TokenVerifier,
    metrics: ServiceMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SOCKET_RELAY_MODE) private readonly mode: SocketRelayMode,
    @Inject(MAX_SOCKETS_PER_USER) private readonly maxSocketsPerUser: number,
  ) {
    this.refusedOverCap = metrics.counter('hyperdex_gateway_sockets_refused_total', 'Socket handshakes refused, by reason', ['reason']);
    this.pushed = metrics.counter('hyperdex_gateway_socket_events_total', 'Events pushed to user rooms that have a socket on this instance, by event', ['event']);
    // Read when Prometheus scrapes: connecting and disconnecting sockets pay nothing for it.
    metrics.gauge('hyperdex_websocket_connections', 'Authenticated Socket.IO connections on this instance', (gauge) => gauge.set(this.server?.sockets.sockets.size ?? 0));
  }

  afterInit(server: DashboardServer): void {
    server.use((socket: DashboardSocket, next) => {
      const auth: unknown = socket.handshake.auth;
      const token = typeof auth === 'object' && auth !== null ? (auth as Record<string, unknown>)['token'] : undefined;
      this.verifier.verify(token).then(
        (claims) => {
          // The room holds this instance's sockets of the user; counted and joined in one turn, so no race between two handshakes.
          const refusal = socketCapRefusal(this.server.sockets.adapter.rooms.get(userRoom(claims.sub))?.size ?? 0, this.maxSocketsPerUser);
          if (refusal !== null) {
            this.refusedOverCap.inc({ reason: 'socket-cap' });
            this.logger.info({ userId: claims.sub, cap: this.maxSocketsPerUser }, 'refused a socket over the per-user cap');
            next(new Error(refusal));
            return;
          }
          socket.data.userId = claims.sub;
          // Joined before the connection completes, so no event can slip past a freshly connected client.
          void socket.join(userRoom(claims.sub));
          if (claims.exp !== undefined) this.disconnectAtExpiry(socket, claims.exp * 1000);
          next();
        },
        (error: unknown) => {
          const reason = error instanceof InvalidTokenError ? error.message : 'authentication failed';
          this.logger.info({ reason }, 'refused a socket');
          next(new Error(`unauthorized: ${reason}`));
        },
      );
    });
  }

  /** A socket lives no longer than its token: the client must reconnect with a fresh one. */
  private disconnectAtExpiry(socket: DashboardSocket, expiresAt: number): void {
    const timer = setTimeout(() => socket.disconnect(true), Math.max(0, expiresAt - Date.now()));
    timer.unref();
    socket.once('disconnect', () => clearTimeout(timer));
  }

  sendExposures(updates: readonly ExposureUpdate[]): void {
    for (const update of updates) this.emitTo(update.userId, 'exposure', update);
  }

  /** A new alert goes out as `alert`; every later change of it as `alert-updated`. */
  sendAlerts(notifications: readonly AlertNotification[]): void {
    for (const n of notifications) this.emitTo(n.alert.userId, (n.event ?? 'opened') === 'opened' ? 'alert' : 'alert-updated', n);
  }

  sendRiskMetricsBatch(batch: readonly RiskMetrics[]): void {
    for (const metrics of batch) this.emitTo(metrics.userId, 'risk-metrics', metrics);
  }

  /**
   * Emits to a user's room. Most users of a busy stream have no dashboard open on this instance: in the `local` mode
   * skipping their empty rooms saves encoding every payload for nobody. With shared events the room may have its
   * sockets on another instance, so every event goes to the adapter.
   */
  private emitTo<E extends keyof ServerToClientEvents>(userId: string, event: E, ...payload: Parameters<ServerToClientEvents[E]>): void {
    const room = userRoom(userId);
    if (this.mode === 'local' && !this.server.sockets.adapter.rooms.has(room)) return;
    this.server.to(room).emit(event, ...payload);
    this.pushed.inc({ event });
  }

  onApplicationShutdown(): void {
    this.server?.disconnectSockets(true);
  }
}
