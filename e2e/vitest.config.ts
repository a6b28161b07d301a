import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Browser journeys: one real server for the whole run (global setup), one file at a time.
export default defineConfig({
  root,
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    setupFiles: ['e2e/support/on-failure.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    env: { TZ: 'Asia/Shanghai' },
    // expect.poll gives up after 1 s by default: too short for a mutation and its refetch on a loaded CI machine
    // (a journey failed there waiting for 开始核验 to take effect). Playwright's own waits allow 30 s.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
