export * from './start-telemetry';
export * from './kafka-trace-context';
export * from './http-server-span';
