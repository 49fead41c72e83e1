import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { EventSubscriberFactory } from '@hyperdex/messaging';
import { DashboardGateway } from './dashboard.gateway';
import { RelayLatency } from './relay-latency';

export const GATEWAY_INSTANCE_ID = Symbol('GATEWAY_INSTANCE_ID');

/**
 * Relays exposure updates, risk metrics and alert notifications to sockets. Each gateway instance has its own consumer
 * groups, because a user's sockets may be connected to any instance. It relays live events only: nothing is
 * committed, so a restarted instance starts at the newest record rather than flooding sockets with the past.
 */
@Injectable()
export class EventRelayConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscribers: EventSubscriberFactory,
    private readonly gateway: DashboardGateway,
    private readonly latency: RelayLatency,
    @Inject(GATEWAY_INSTANCE_ID) private readonly instanceId: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscribers.subscribe({
      topic: Topics.positions,
      groupId: `gateway-${this.instanceId}-positions`,
      fromBeginning: false,
      commitOffsets: false,
      handleBatch: async (events) => {
        this.gateway.sendExposures(events.map((e) => e.payload));
        this.latency.exposures(events);
      },
    });
    await this.subscribers.subscribe({
      topic: Topics.alertNotifications,
      groupId: `gateway-${this.instanceId}-alerts`,
      fromBeginning: false,
      commitOffsets: false,
      handleBatch: async (events) => {
        this.gateway.sendAlerts(events.map((e) => e.payload));
        this.latency.alerts(events);
      },
    });
    await this.subscribers.subscribe({
      topic: Topics.riskMetrics,
      groupId: `gateway-${this.instanceId}-risk-metrics`,
      fromBeginning: false,
      commitOffsets: false,
      handleBatch: async (events) => this.gateway.sendRiskMetricsBatch(events.map((e) => e.payload)),
    });
  }
}
