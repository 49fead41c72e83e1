export * from './core/raw-log';
export * from './core/family-id';
export * from './core/token-ref';
export * from './core/pool-ref';
export * from './core/decoded-swap';
export * from './core/decode-result';
export * from './core/swap-decoder';
export * from './core/dex-deployment';
