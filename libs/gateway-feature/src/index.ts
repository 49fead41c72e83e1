export * from './gateway.config';
export * from './gateway.module';
export * from './token-verifier';
export * from './cors-io.adapter';
export * from './gateway.bootstrap';
export * from './socket-relay-mode';
export * from './dashboard-static';
