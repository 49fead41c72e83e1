export * from './gateway-client';
export * from './rest-client';
export * from './live-client';
export * from './token-source';
export * from './gateway-api-error';
