// A session ends on every instance at once: no instance keeps a session in memory (resolve-session.ts reads it, with
// its user, in one prepared statement per request). Two app instances on one database (on PostgreSQL each with its
// own connection pool): logout, disabling the account and resetting its password on instance A are refused on B.
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { openPostgres } from '../db/client.ts';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs, type Session } from '../../test/auth.ts';

const { app, db, clock, mailer, database, config } = await createTestApp();
const second = database.kind === 'postgres' ? await openPostgres(database.url!, 3) : null;
const other = await buildApp({ db: second?.db ?? db, config, clock, mailer });
afterAll(async () => {
  await other.close();
  await second?.close();
});

/** The same session's cookie and CSRF header sent to instance B. */
const onOther = (s: Session, url = '/api/me') => other.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

async function expectLoggedOut(s: Session) {
  const me = await onOther(s);
  expect(me.statusCode).toBe(401);
  expect(me.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
  const ping = await onOther(s, '/api/ping');
  expect(ping.statusCode).toBe(401);
}

describe('a session across two instances', () => {
  it('is valid on both, and a logout on A ends it on B at once', async () => {
    const user = await createUserRow(db, 'unit');
    const s = await loginAs(app, user.username);
    expect((await onOther(s)).statusCode).toBe(200);
    expect((await onOther(s, '/api/ping')).statusCode).toBe(200);
    const out = await s.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBeLessThan(300);
    await expectLoggedOut(s);
  });

  it('disabling the account on A ends its session on B at once', async () => {
    const admin = await loginAs(app, (await createUserRow(db, 'admin')).username);
    const user = await createUserRow(db, 'unit');
    const s = await loginAs(app, user.username);
    expect((await onOther(s)).statusCode).toBe(200);
    const res = await admin.inject({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    await expectLoggedOut(s);
  });

  it('resetting the password on A ends the session on B at once', async () => {
    const admin = await loginAs(app, (await createUserRow(db, 'admin')).username);
    const user = await createUserRow(db, 'center');
    const s = await loginAs(other, user.username);
    expect((await onOther(s)).statusCode).toBe(200);
    const res = await admin.inject({ method: 'POST', url: `/api/users/${user.id}/reset-password` });
    expect(res.statusCode).toBe(200);
    await expectLoggedOut(s);
  });
});
