import { z } from 'zod';
import { envInt, envList, serviceEnvSchema } from './env-fields';
import { ConfigError, parseEnv } from './parse-env';

const schema = serviceEnvSchema(3001).extend({ API_KEYS: envList(), BATCH: envInt(1000, 1, 10_000) });

describe('parseEnv', () => {
  it('applies defaults and shapes values', () => {
    expect(parseEnv(schema, { API_KEYS: 'a, b,,c' })).toEqual({
      PORT: 3001,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_MS: 10_000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 65_000,
      HTTP_LISTEN_BACKLOG: 4_096,
      API_KEYS: ['a', 'b', 'c'],
      BATCH: 1000,
    });
  });

  it('names every bad variable and why', () => {
    let caught: unknown;
    try {
      parseEnv(schema, { PORT: '70000', LOG_LEVEL: 'loud', BATCH: '' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      { variable: 'PORT', reason: 'must be an integer between 1 and 65535, got "70000"' },
      { variable: 'LOG_LEVEL', reason: 'must be one of fatal, error, warn, info, debug, trace' },
      { variable: 'API_KEYS', reason: 'is required' },
    ]);
    expect((caught as ConfigError).message).toContain('PORT: must be an integer between 1 and 65535');
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv(z.object({ BATCH: envInt(5, 1, 10) }), { BATCH: '' })).toEqual({ BATCH: 5 });
  });
});
