export * from './stress-scenario';
export * from './parse-stress-scenario';
export * from './run-stress';
