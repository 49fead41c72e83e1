export * from './risk.config';
export * from './risk.module';
export * from './risk-engine.service';
export * from './risk-policy';
export * from './risk-state-replay';
