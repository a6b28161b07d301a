import { randomBytes } from 'node:crypto';
import type { Role } from '@zhengji/domain';
import type { Db } from '../src/db/client.ts';
import { sql } from 'drizzle-orm';
import { storedFileChunks, storedFiles, units, users } from '../src/db/schema/index.ts';
import { FILE_CHUNK_BYTES } from '../src/files/store-file.ts';
import { hashPassword } from '../src/auth/password-hash.ts';
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

/** Inserts a stored (attached) file with its content in chunks, without the upload checks. */
export async function createStoredFileRow(db: Db, content: Buffer, overrides: Partial<typeof storedFiles.$inferInsert> = {}) {
  const [row] = await db
    .insert(storedFiles)
    .values({ sha256: 'x', mime: 'application/pdf', size: content.length, originalName: 'scan.pdf', ...overrides })
    .returning();
  for (let seq = 0, at = 0; at < content.length || seq === 0; seq++, at += FILE_CHUNK_BYTES) {
    await db
      .insert(storedFileChunks)
      .values({ fileId: row!.id, seq, bytes: sql`decode(${content.subarray(at, at + FILE_CHUNK_BYTES).toString('base64')}, 'base64')` });
  }
  return row!;
}
