import nx from '@nx/eslint-plugin';

/**
 * Dependencies point one way: apps → features → domain/infra → contracts.
 * scope:<service> code may use its own scope and scope:shared only.
 */
/** Pure libs (contracts, domain) spread this into their own eslint.config.mjs. */
export const pureLibRules = {
  files: ['**/*.ts'],
  // Specs and their helpers (spec-support/, excluded from the build) may read recorded fixtures from disk; the lib
  // code itself does no I/O.
  ignores: ['**/*.spec.ts', '**/spec-support/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['@nestjs/*', 'kafkajs', 'typeorm', 'pg', 'ioredis', 'socket.io', 'socket.io-client', 'express', 'node:fs', 'node:net', 'node:http'],
            message: 'Pure libs import no framework, I/O client or I/O module.',
          },
        ],
      },
    ],
  },
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/tmp'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    // Build configs reach for the shared tools/build config by path; they are not project source.
    ignores: ['**/webpack.config.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra'] },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:infra'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:infra', 'type:contracts'],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:contracts'] },
            // Benchmarks measure the pure domain directly, never through a service.
            { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:bench'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:ingestion', onlyDependOnLibsWithTags: ['scope:ingestion', 'scope:shared'] },
            { sourceTag: 'scope:positions', onlyDependOnLibsWithTags: ['scope:positions', 'scope:shared'] },
            { sourceTag: 'scope:risk', onlyDependOnLibsWithTags: ['scope:risk', 'scope:shared'] },
            { sourceTag: 'scope:alerting', onlyDependOnLibsWithTags: ['scope:alerting', 'scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The browser dashboard reaches the system only through the typed client and the contracts.
            { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The embedded mode mounts every service's feature module in one process.
            {
              sourceTag: 'scope:local',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:ingestion', 'scope:positions', 'scope:risk', 'scope:alerting', 'scope:gateway'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
