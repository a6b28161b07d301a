import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Clock } from '@zhengji/domain';
import { buildApp, type AppDeps } from '../src/app.ts';
import { testConfig, type Config } from '../src/config.ts';
import { migrateDatabase, openPglite, openPostgres, type Database } from '../src/db/client.ts';
import type { MailMessage, Mailer } from '../src/plugins/mailer.ts';

/** A clock tests can set and move. */
export interface TestClock extends Clock {
  set(date: Date | string): void;
  advance(ms: number): void;
}

/** A clock starting at the given instant (default 2024-10-08 10:00 Shanghai, during the 2024 call). */
export function testClock(start: Date | string = '2024-10-08T10:00:00+08:00'): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => (current = new Date(d)),
    advance: (ms) => (current = new Date(current.getTime() + ms)),
  };
}

/** A mailer that records what it would send. */
export function recordingMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return { sent, send: async (m) => void sent.push(m) };
}

/** A test database, with a way to act as its owner (to tamper with the audit log as an attacker with the owner's rights would). */
export interface TestDatabase extends Database {
  /** Whether the app connects as its own role, distinct from the owner (DATABASE_MIGRATION_URL set). */
  separateRoles: boolean;
  /** Runs one SQL statement as the owner of the tables (the app's own connection on PGlite or a single-role server). */
  asOwner(statement: string): Promise<void>;
}

const withDatabase = (serverUrl: string, name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * Opens a fresh, migrated database for one test file: in-memory PGlite, or, when TEST_DATABASE_URL / DATABASE_URL is
 * set, a new database on that PostgreSQL server (dropped when the file ends). With DATABASE_MIGRATION_URL too (CI), the
 * database belongs to that owner role, migrations run as the owner and the app connects as DATABASE_URL's role
 * (docs/database-roles.md); TEST_DATABASE_URL then names a role that may create and drop databases.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const migrationServerUrl = process.env.DATABASE_MIGRATION_URL || undefined;
  let database: Database;
  let drop: (() => Promise<void>) | null = null;
  let ownerUrl: string | null = null;
  if (serverUrl) {
    const name = `zj_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const owner = migrationServerUrl ? decodeURIComponent(new URL(migrationServerUrl).username) : null;
    await admin.query(`CREATE DATABASE ${name}${owner ? ` OWNER "${owner}"` : ''}`);
    await admin.end();
    ownerUrl = migrationServerUrl ? withDatabase(migrationServerUrl, name) : null;
    database = await openPostgres(withDatabase(process.env.DATABASE_URL || serverUrl, name), 5, ownerUrl ?? undefined);
    drop = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    database = await openPglite(null);
  }
  await migrateDatabase(database);
  const close = database.close;
  const asOwner = async (statement: string) => {
    if (!ownerUrl) {
      await database.db.execute(sql.raw(statement));
      return;
    }
    const c = new pg.Client({ connectionString: ownerUrl });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  return Object.assign(database, {
    separateRoles: !!ownerUrl,
    asOwner,
    close: async () => {
      await close();
      if (drop) await drop();
    },
  });
}

/** A test application on its own database with a movable clock and a recording mailer; closed after the file. */
export async function createTestApp(overrides: Partial<Config> = {}, deps: Partial<AppDeps> = {}) {
  const database = await openTestDatabase();
  const clock = testClock();
  const mailer = recordingMailer();
  // No periodic sealer: a test seals on demand (verify, checkpoint and backup do it themselves), or starts one.
  const config = testConfig({ auditSealIntervalMs: 0, ...overrides });
  const app = await buildApp({ db: database.db, config, clock, mailer, ...deps });
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  return { app, db: database.db, database, clock, mailer, config };
}
