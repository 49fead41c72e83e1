// End-to-end: a real Kafka broker, PostgreSQL, Redis and the five built services as separate processes.
module.exports = {
  displayName: 'stack-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 1,
  testSequencer: '<rootDir>/src/support/pipeline-first-sequencer.cjs',
};
