import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { EventSubscriberFactory } from '@hyperdex/messaging';
import { DashboardGateway } from './dashboard.gateway';
import { RelayLatency } from './relay-latency';
import { SHARED_RELAY_GROUPS, SOCKET_RELAY_MODE, type SocketRelayMode } from './socket-relay-mode';

export const GATEWAY_INSTANCE_ID = Symbol('GATEWAY_INSTANCE_ID');

/**
 * Relays exposure updates, risk metrics and alert notifications to sockets. In the `local` mode each gateway instance
 * has its own consumer groups, because a user's sockets may be connected to any instance, and relays live events
 * only: nothing is committed, so a restarted instance starts at the newest record. In the `redis-streams` mode the
 * instances share one group per topic (each event is read once; the Socket.IO adapter carries it to every
 * instance) and commit, so a partition moving to another instance resumes where the last one stopped.
 */
@Injectable()
export class EventRelayConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscribers: EventSubscriberFactory,
    private readonly gateway: DashboardGateway,
    private readonly latency: RelayLatency,
    @Inject(GATEWAY_INSTANCE_ID) private readonly instanceId: string,
    @Inject(SOCKET_RELAY_MODE) private readonly mode: SocketRelayMode,
  ) {}

  private group(name: keyof typeof SHARED_RELAY_GROUPS, local: string): { groupId: string; commitOffsets: boolean } {
    return this.mode === 'redis-streams' ? { groupId: SHARED_RELAY_GROUPS[name], commitOffsets: true } : { groupId: `gateway-${this.instanceId}-${local}`, commitOffsets: false };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.subscribers.subscribe({
      topic: Topics.positions,
      ...this.group('positions', 'positions'),
      fromBeginning: false,
      handleBatch: async (events) => {
        this.gateway.sendExposures(events.map((e) => e.payload));
        this.latency.exposures(events);
      },
    });
    await this.subscribers.subscribe({
      topic: Topics.alertNotifications,
      ...this.group('alerts', 'alerts'),
      fromBeginning: false,
      handleBatch: async (events) => {
        this.gateway.sendAlerts(events.map((e) => e.payload));
        this.latency.alerts(events);
      },
    });
    await this.subscribers.subscribe({
      topic: Topics.riskMetrics,
      ...this.group('riskMetrics', 'risk-metrics'),
      fromBeginning: false,
      handleBatch: async (events) => this.gateway.sendRiskMetricsBatch(events.map((e) => e.payload)),
    });
  }
}
