export * from './start-telemetry';
export * from './kafka-trace-context';
