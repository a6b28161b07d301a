import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { testConfig } from '../config.ts';
import { migrateDatabase, openPostgres, type Database } from './client.ts';
import { outbox, units } from './schema/index.ts';
import { outboxTick } from '../plugins/outbox-tick.ts';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../plugins/error-handler.ts';
import { pgClusterUnavailableReason, startPgCluster, type PgCluster } from '../../test/pg-cluster.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs, type Session } from '../../test/auth.ts';
import { recordingMailer, testClock } from '../../test/test-app.ts';

// This file starts its own PostgreSQL server (it must stop and start it), whatever DATABASE_URL says.
const skipReason = await pgClusterUnavailableReason();
if (skipReason) console.warn(`[database-restart.test] ${skipReason}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await ok()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!!skipReason)('an instance on PostgreSQL outlives its database connections', () => {
  let cluster: PgCluster;
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let admin: Session;
  const connectionErrors: Error[] = [];
  const mailer = recordingMailer();

  beforeAll(async () => {
    cluster = await startPgCluster();
    const c = new pg.Client({ connectionString: cluster.url });
    await c.connect();
    await c.query('CREATE DATABASE zj_app');
    await c.end();
    database = await openPostgres(cluster.url.replace(/\/postgres$/, '/zj_app'), 5, undefined, (err) => connectionErrors.push(err));
    await migrateDatabase(database);
    app = await buildApp({ db: database.db, config: testConfig(), clock: testClock(), mailer });
    await app.register(outboxTick, { db: database.db, config: testConfig(), clock: testClock(), mailer, intervalMs: 100 });
    const user = await createUserRow(database.db, 'admin');
    admin = await loginAs(app, user.username);
  }, 120_000);

  afterAll(async () => {
    // The private cluster must never outlive the file, even if closing the app or its pool hangs.
    const closing = Promise.allSettled([app?.close(), database?.close()]);
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await cluster?.destroy();
  }, 60_000);

  it('survives terminated backends and a server restart mid-traffic: /readyz 503 then 200, no acknowledged write lost', async () => {
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let stop = false;
    let seq = 0;
    const worker = async () => {
      while (!stop) {
        const name = `恢复测试单位${String(seq++)}`;
        const res = await admin.inject({ method: 'POST', url: '/api/units', payload: { name, type: 'district' } });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode === 201) acknowledged.push(name);
        else {
          expect(res.statusCode, res.body).toBe(503);
          expect(res.json()).toMatchObject({ message: DATABASE_UNAVAILABLE_MESSAGE });
          await sleep(20);
        }
      }
    };
    const workers = Array.from({ length: 4 }, () => worker());
    const acksAfter = async (n: number) => {
      const target = acknowledged.length + n;
      await until(`${String(n)} more acknowledged writes`, () => acknowledged.length >= target);
    };
    try {
      await acksAfter(10);

      // 1. Every backend of the app is terminated (idle pooled ones and those in a query): 57P01 on each.
      const c = new pg.Client({ connectionString: cluster.url });
      await c.connect();
      const killed = await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'zj_app' AND pid <> pg_backend_pid()");
      await c.end();
      expect(killed.rowCount).toBeGreaterThan(0);
      await acksAfter(10);

      // 2. The server stops: the instance says it is not ready (in Chinese) and keeps running.
      await cluster.stop();
      const down = await app.inject({ method: 'GET', url: '/readyz' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ code: 'INTERNAL', message: DATABASE_UNAVAILABLE_MESSAGE });
      await sleep(300); // the outbox tick runs a few times against the stopped server

      // 3. The server is back: ready again and serving writes, without restarting the app.
      await cluster.start();
      await until('/readyz 200', async () => (await app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200);
      await acksAfter(10);
    } finally {
      stop = true;
      await Promise.all(workers);
    }

    expect(connectionErrors.length).toBeGreaterThan(0);
    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    const stored = await database.db.select({ name: units.name }).from(units).where(inArray(units.name, acknowledged));
    expect(new Set(stored.map((r) => r.name))).toEqual(new Set(acknowledged));

    // The periodic tick survived the outage: mail queued now is sent by it.
    const now = new Date();
    const [mail] = await database.db
      .insert(outbox)
      .values({ to: 'ops@example.cn', subject: '恢复后', body: '数据库恢复后的邮件', nextAttemptAt: new Date(0), createdAt: now })
      .returning();
    await until('the tick to send the mail', () => mailer.sent.some((m) => m.subject === '恢复后'));
    expect(mail).toBeDefined();
  }, 120_000);
});
