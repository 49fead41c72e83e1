// The Monte Carlo worker thread is its own entry, emitted as monte-carlo.worker.js beside main.js (see RiskModule).
module.exports = require('../../tools/build/node-app.webpack.cjs')(__dirname, 'risk', {
  additionalEntryPoints: [{ entryName: 'monte-carlo.worker', entryPath: 'libs/risk-feature/src/monte-carlo/monte-carlo.worker.ts' }],
});
