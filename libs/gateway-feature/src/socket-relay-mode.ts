/**
 * How gateway instances share events. `local`: each instance reads every event in its own consumer groups and
 * emits to its own sockets (one instance, or the embedded mode). `redis-streams`: instances share one consumer group
 * per topic, so each event is read once, and the Socket.IO Redis streams adapter carries it to the user's sockets
 * on whichever instance they are connected.
 */
export type SocketRelayMode = 'local' | 'redis-streams';

export const SOCKET_RELAY_MODE = Symbol('SOCKET_RELAY_MODE');

/** The shared relay groups of the `redis-streams` mode. */
export const SHARED_RELAY_GROUPS = { positions: 'gateway-relay-positions', alerts: 'gateway-relay-alerts', riskMetrics: 'gateway-relay-risk-metrics' } as const;
