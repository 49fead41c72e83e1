/**
 * What the embedded mode sets unless the environment says otherwise: the same demo secrets and limits as
 * `npm run stack`, one instance of each service, Monte Carlo inline (no worker bundle is built), quiet logs.
 */
export const LOCAL_DEFAULTS: Readonly<Record<string, string>> = {
  JWT_SECRET: 'local-dev-jwt-secret-change-me-0123456789',
  INGESTION_API_KEYS: 'local-dev-ingestion-key',
  RISK_MAX_EXPOSURE_USD: '100000',
  RISK_MONTE_CARLO_WORKERS: '0',
  POSITIONS_INSTANCE_ID: 'local',
  RISK_INSTANCE_ID: 'local',
  GATEWAY_INSTANCE_ID: 'local',
  // The dashboard's "Use the demo token" button signs in as this user (local use only).
  GATEWAY_DEMO_USER: 'demo',
  LOG_LEVEL: 'warn',
};

/** The environment every embedded service parses: defaults, then the caller's variables (PORT is set per service). */
export function localEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const given = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '' && e[0] !== 'PORT'));
  return { ...LOCAL_DEFAULTS, ...given, MESSAGING_TRANSPORT: 'memory' };
}
