export * from './risk.config';
export * from './risk.module';
export * from './risk-evaluator.service';
