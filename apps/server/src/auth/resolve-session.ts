import { eq } from 'drizzle-orm';
import type { Actor, Clock } from '@zhengji/domain';
import type { Db } from '../db/client.ts';
import { sessions, users } from '../db/schema/index.ts';
import type { Config } from '../config.ts';
import { hashSessionToken } from './session-token.ts';

/** A live session with its user. */
export interface ResolvedSession {
  actor: Extract<Actor, { kind: 'user' }>;
  csrfToken: string;
  mustChangePassword: boolean;
}

/** Finds the live session of a cookie token, enforcing the idle and absolute timeouts; refreshes its last-seen time. */
export async function resolveSession(db: Db, clock: Clock, config: Config, token: string): Promise<ResolvedSession | null> {
  const idHash = hashSessionToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, idHash))
    .limit(1);
  if (!row) return null;
  const now = clock.now().getTime();
  const idleExpired = now - row.session.lastSeenAt.getTime() > config.sessionIdleMinutes * 60_000;
  const absoluteExpired = now - row.session.createdAt.getTime() > config.sessionAbsoluteHours * 3_600_000;
  if (idleExpired || absoluteExpired || row.user.disabled) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (now - row.session.lastSeenAt.getTime() > 30_000) {
    await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.idHash, idHash));
  }
  return {
    actor: { kind: 'user', userId: row.user.id, username: row.user.username, role: row.user.role, unitId: row.user.unitId },
    csrfToken: row.session.csrfToken,
    mustChangePassword: row.user.mustChangePassword,
  };
}
