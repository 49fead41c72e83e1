export * from './positions.config';
export * from './positions.module';
export * from './portfolio.service';
export * from './token-registry.loader';
