// Unit tests of the dashboard's pure logic (formatting, decimal sums, token claims); the page itself is tested in
// real Chromium by apps/stack-e2e/src/dashboard.e2e.ts.
module.exports = {
  displayName: 'dashboard',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/dashboard',
};
