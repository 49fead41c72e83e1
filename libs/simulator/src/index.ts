export * from './seeded-random';
export * from './market-assets';
export * from './price-paths';
export * from './demo-traders';
export * from './ingestion-client';
export * from './market-simulator';
export * from './simulator-arguments';
