import { eq } from 'drizzle-orm';
import { checkPassword } from '@zhengji/domain';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { generatePassword, hashPassword } from '../auth/password-hash.ts';

/** The administrator created at first start, with its password when it was generated. */
export interface AdminBootstrap {
  username: string;
  generatedPassword: string | null;
}

/**
 * Creates the administrator when none exists: from ZHENGJI_ADMIN_USERNAME / ZHENGJI_ADMIN_PASSWORD when set,
 * otherwise `admin` with a random one-time password that must be changed at first login.
 */
export async function ensureAdmin(db: Db, env: { adminUsername?: string; adminPassword?: string }): Promise<AdminBootstrap | null> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  if (existing) return null;
  const username = env.adminUsername || 'admin';
  if (env.adminPassword) {
    const problems = checkPassword(env.adminPassword, username);
    if (problems.length) throw new Error(`ZHENGJI_ADMIN_PASSWORD 不符合密码规则：${problems.join('；')}`);
  }
  const password = env.adminPassword || generatePassword();
  await db.insert(users).values({
    username,
    displayName: '系统管理员',
    role: 'admin',
    passwordHash: await hashPassword(password),
    mustChangePassword: !env.adminPassword,
  });
  return { username, generatedPassword: env.adminPassword ? null : password };
}
