export * from './bench-case';
export * from './percentile';
export * from './measure';
export * from './run-suite';
