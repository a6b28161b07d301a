import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../../test/test-app.ts';
import { users } from '../db/schema/index.ts';
import { verifyPassword } from '../auth/password-hash.ts';
import { ensureAdmin } from './ensure-admin.ts';

const a = await openTestDatabase();
const b = await openTestDatabase();
afterAll(async () => {
  await a.close();
  await b.close();
});

describe('administrator at first start', () => {
  it('takes ZHENGJI_ADMIN_USERNAME / ZHENGJI_ADMIN_PASSWORD when set, once', async () => {
    expect(await ensureAdmin(a.db, { adminUsername: 'root.admin', adminPassword: 'Given#Admin-Pass1' })).toEqual({
      username: 'root.admin',
      generatedPassword: null,
    });
    const [row] = await a.db.select().from(users).where(eq(users.username, 'root.admin'));
    expect(row).toMatchObject({ role: 'admin', mustChangePassword: false });
    expect(await verifyPassword(row!.passwordHash, 'Given#Admin-Pass1')).toBe(true);
    expect(await ensureAdmin(a.db, { adminUsername: 'other', adminPassword: 'Given#Admin-Pass1' })).toBeNull();
  });

  it('otherwise creates admin with a printed one-time password that must be changed', async () => {
    const created = await ensureAdmin(b.db, {});
    expect(created?.username).toBe('admin');
    expect(created?.generatedPassword).toHaveLength(16);
    const [row] = await b.db.select().from(users).where(eq(users.username, 'admin'));
    expect(row!.mustChangePassword).toBe(true);
  });

  it('refuses a weak administrator password from the environment', async () => {
    const c = await openTestDatabase();
    await expect(ensureAdmin(c.db, { adminPassword: 'short' })).rejects.toThrow('ZHENGJI_ADMIN_PASSWORD 不符合密码规则');
    await c.close();
  });
});
