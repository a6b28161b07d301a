import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildApp } from '../app.ts';
import { openPostgres } from '../db/client.ts';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow, TEST_PASSWORD } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { users } from '../db/schema/index.ts';
import { LOGIN_FAILED_MESSAGE } from '../use-cases/auth/login.ts';

const { app, db, clock, database, config } = await createTestApp({ loginIpLimitPerMinute: 1000 });

describe('POST /api/auth/login', () => {
  it('logs in, sets HttpOnly SameSite=Lax session cookie and answers /api/me', async () => {
    const user = await createUserRow(db, 'center');
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const sid = res.cookies.find((c) => c.name === 'zj_sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({ username: user.username, role: 'center', mustChangePassword: false });
    const s = await loginAs(app, user.username);
    const me = await s.inject({ method: 'GET', url: '/api/me' });
    expect(me.json()).toMatchObject({ role: 'center', abilities: { 'unit.list': true, 'user.list': false } });
  });

  it('answers an unknown user and a wrong password the same way', async () => {
    const user = await createUserRow(db, 'center');
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody_here', password: 'x' } });
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'wrong' } });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().message).toBe(LOGIN_FAILED_MESSAGE);
  });

  it('locks the account for 30 minutes after five consecutive failures', async () => {
    const user = await createUserRow(db, 'unit');
    for (let i = 0; i < 5; i++) {
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'bad' } });
    }
    const locked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(401);
    clock.advance(31 * 60_000);
    const after = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(after.statusCode).toBe(200);
  });

  it('gives a new session id at each login and invalidates it at logout', async () => {
    const user = await createUserRow(db, 'expert');
    const a = await loginAs(app, user.username);
    const b = await loginAs(app, user.username);
    expect(a.cookie).not.toBe(b.cookie);
    expect((await a.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await a.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await b.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('expires a session after 30 idle minutes and after 12 hours in all', async () => {
    const user = await createUserRow(db, 'expert');
    const idle = await loginAs(app, user.username);
    clock.advance(31 * 60_000);
    expect((await idle.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const busy = await loginAs(app, user.username);
    for (let i = 0; i < 26; i++) {
      clock.advance(29 * 60_000);
      const r = await busy.inject({ method: 'GET', url: '/api/me' });
      if (i < 24) expect(r.statusCode).toBe(200);
      else expect(r.statusCode).toBe(401);
    }
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const user = await createUserRow(db, 'expert');
    const s = await loginAs(app, user.username);
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('CSRF');
    const cross = await s.inject({ method: 'POST', url: '/api/auth/logout', headers: { origin: 'https://evil.example' } });
    expect(cross.statusCode).toBe(403);
  });

  it('ends the sessions of an account that is disabled', async () => {
    const admin = await createUserRow(db, 'admin');
    const victim = await createUserRow(db, 'center');
    const a = await loginAs(app, admin.username);
    const v = await loginAs(app, victim.username);
    const res = await a.inject({ method: 'PATCH', url: `/api/users/${victim.id}`, payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect((await v.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const again = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: victim.username, password: TEST_PASSWORD } });
    expect(again.statusCode).toBe(401);
  });

  it('sends security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });
});

describe('password change', () => {
  it('forces a change before anything else, enforces the rules, and clears the flag', async () => {
    const user = await createUserRow(db, 'center', { mustChangePassword: true });
    const s = await loginAs(app, user.username);
    const blocked = await s.inject({ method: 'GET', url: '/api/units' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await s.inject({ method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toContain('密码长度至少12位');
    const withName = await s.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: `X#1${user.username}` },
    });
    expect(withName.json().message).toContain('密码不能包含用户名');
    const common = await s.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Password@123' },
    });
    expect(common.json().message).toContain('过于常见');
    const ok = await s.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Brand#New-Secret9' },
    });
    expect(ok.statusCode).toBe(204);
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.mustChangePassword).toBe(false);
    expect((await s.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(200);
  });
});

describe('lockout under concurrent guesses', () => {
  const guess = (instance: typeof app, username: string, password: string) =>
    instance.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  async function expectLocked(username: string, userId: string) {
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    expect(row!.lockedUntil!.getTime()).toBe(clock.now().getTime() + 30 * 60_000);
    const right = await guess(app, username, TEST_PASSWORD);
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual({ code: 'UNAUTHENTICATED', message: LOGIN_FAILED_MESSAGE });
    const [after] = await db.select().from(users).where(eq(users.id, userId));
    expect(after!.lastLoginAt).toBeNull();
  }

  it('twelve wrong passwords sent at once lock the account; the right password is then refused', async () => {
    const user = await createUserRow(db, 'unit');
    const answers = await Promise.all(Array.from({ length: 12 }, () => guess(app, user.username, 'wrong-password')));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(12).fill(401));
    await expectLocked(user.username, user.id);
  });

  it.skipIf(database.kind !== 'postgres')('holds across two instances on one PostgreSQL database (runs with DATABASE_URL)', async () => {
    const second = await openPostgres(database.url!, 5);
    const other = await buildApp({ db: second.db, config, clock });
    try {
      const user = await createUserRow(db, 'center');
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => guess(i % 2 ? other : app, user.username, 'wrong-password')));
      expect(answers.map((r) => r.statusCode)).toEqual(Array(12).fill(401));
      await expectLocked(user.username, user.id);
      const viaOther = await guess(other, user.username, TEST_PASSWORD);
      expect(viaOther.json().message).toBe(LOGIN_FAILED_MESSAGE);
    } finally {
      await other.close();
      await second.close();
    }
  });
});
