import { defineConfig } from 'vitest/config';

// Two projects: the server and domain tests (Node, one forked process per file, a database each) and the web's
// component tests (happy-dom). `npm test` adds --coverage: a text summary over the code the tests import.
export default defineConfig({
  test: {
    maxWorkers: 2,
    env: { TZ: 'Asia/Shanghai' },
    coverage: {
      provider: 'v8',
      reporter: ['text-summary'],
      include: ['packages/domain/src/**/*.ts', 'apps/server/src/**/*.{ts,mjs}', 'apps/web/src/**/*.{ts,tsx}'],
      exclude: [
        '**/*.test.{ts,tsx}',
        '**/*.test-support.ts',
        'apps/web/src/testing/**',
        'apps/web/src/main.tsx',
        'apps/server/src/server.ts',
        'apps/server/src/cli/main.ts',
      ],
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'],
          // A guard against a hang, not a speed limit (figures live in bench/): several route tests take 10–22 s on this
          // machine under load, and CI's may be slower.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['apps/web/src/testing/setup.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
