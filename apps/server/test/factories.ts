import { randomBytes } from 'node:crypto';
import type { Role } from '@zhengji/domain';
import type { Db } from '../src/db/client.ts';
import { units, users } from '../src/db/schema/index.ts';
import { hashPassword } from '../src/use-cases/auth/password-hash.ts';
import { demoCreditCode } from '../src/bootstrap/demo-data.ts';

/** The password every factory user gets. */
export const TEST_PASSWORD = 'Test#Passw0rd-2024';
let seq = 0;
const suffix = () => `${Date.now().toString(36)}${(seq++).toString(36)}${randomBytes(2).toString('hex')}`;

/** Inserts a recommending unit. */
export async function createUnitRow(db: Db, overrides: Partial<typeof units.$inferInsert> = {}) {
  const s = suffix();
  const [row] = await db
    .insert(units)
    .values({ name: `测试单位${s}`, type: 'district', creditCode: demoCreditCode('310101', Math.floor(Math.random() * 9_000_000)), ...overrides })
    .returning();
  return row!;
}

/** Inserts a user with TEST_PASSWORD (a unit user gets a new unit unless one is given). */
export async function createUserRow(db: Db, role: Role, overrides: Partial<typeof users.$inferInsert> = {}) {
  const unitId = role === 'unit' && overrides.unitId === undefined ? (await createUnitRow(db)).id : (overrides.unitId ?? null);
  const [row] = await db
    .insert(users)
    .values({ username: `${role}_${suffix()}`, displayName: `测试${role}`, role, passwordHash: await hashPassword(TEST_PASSWORD), ...overrides, unitId })
    .returning();
  return row!;
}
