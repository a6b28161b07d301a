import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../apps/server/src/app.ts';
import { testConfig, type Config } from '../../apps/server/src/config.ts';
import { migrateDatabase, openPglite, openPostgres, type Database } from '../../apps/server/src/db/client.ts';
import { createUserRow, TEST_PASSWORD } from '../../apps/server/test/factories.ts';

/** A listening server on 127.0.0.1 with its database, for load benchmarks. */
export interface BenchServer {
  url: string;
  database: Database;
  config: Config;
  close(): Promise<void>;
  /** Logs in over HTTP and returns headers carrying the session and CSRF token. */
  login(username: string, password?: string): Promise<Record<string, string>>;
}

/** Starts the real app on PGlite (temp folder) or on PostgreSQL when a URL is given. */
export async function startBenchServer(databaseUrl?: string, overrides: Partial<Config> = {}): Promise<BenchServer> {
  const database = databaseUrl ? await openPostgres(databaseUrl, 20) : await openPglite(mkdtempSync(path.join(tmpdir(), 'zj-bench-')));
  await migrateDatabase(database);
  const config = testConfig({ loginIpLimitPerMinute: 10_000_000, ...overrides });
  const app = await buildApp({ db: database.db, config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
    login: async (username, password = TEST_PASSWORD) => {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
      const csrf = cookies.find((c) => c.startsWith('zj_csrf='))!.slice('zj_csrf='.length);
      return { cookie: cookies.join('; '), 'x-csrf-token': csrf };
    },
  };
}

export { createUserRow };
