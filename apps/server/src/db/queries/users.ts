import { eq } from 'drizzle-orm';
import type { User } from '@zhengji/domain';
import type { Db } from '../client.ts';
import { units, users } from '../schema/index.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A user as the API shows it, before the viewer's abilities are added. */
export type UserRow = Omit<User, 'abilities' | 'actions'>;

/** Users with their unit names, as the API shows them. */
export async function selectUsers(db: Db, where?: ReturnType<typeof eq>): Promise<UserRow[]> {
  const rows = await db
    .select({ user: users, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(where)
    .orderBy(users.role, users.username);
  return rows.map(({ user: u, unitName }) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    unitName: unitName ?? null,
    email: u.email,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: iso(u.lockedUntil),
    lastLoginAt: iso(u.lastLoginAt),
    createdAt: u.createdAt.toISOString(),
  }));
}
