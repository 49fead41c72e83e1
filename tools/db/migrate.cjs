#!/usr/bin/env node
// Applies the TypeORM migrations to the database named by the DATABASE_* variables (defaults: 127.0.0.1:5432/hyperdex).
require('./register-ts.cjs');
require('reflect-metadata');
const { parseEnv } = require('@hyperdex/observability');
const { databaseEnvSchema, toDatabaseSettings, runMigrations } = require('@hyperdex/persistence');

(async () => {
  const settings = toDatabaseSettings(parseEnv(databaseEnvSchema));
  const applied = await runMigrations(settings);
  console.log(
    `migrate: ${settings.database}@${settings.host}:${settings.port} ` +
      (applied.length ? `applied ${applied.join(', ')}` : 'already up to date'),
  );
})().catch((error) => {
  console.error(`migrate: failed: ${error.message}`);
  process.exit(1);
});
