import { eq, sql } from 'drizzle-orm';
import type { Actor, Clock } from '@zhengji/domain';
import type { Db } from '../db/client.ts';
import { sessions, users } from '../db/schema/index.ts';
import type { Config } from '../config.ts';
import { hashSessionToken } from './session-token.ts';
import { preparedFor } from '../db/prepared.ts';

// Every request with a cookie runs this: only the columns it needs, as a named statement. No session is cached in
// the process, so a logout, a disabled account or a reset password ends the session on every instance at once.
const sessionByIdHash = preparedFor((db) =>
  db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      csrfToken: sessions.csrfToken,
      userId: users.id,
      username: users.username,
      role: users.role,
      unitId: users.unitId,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, sql.placeholder('idHash')))
    .limit(1)
    .prepare('zj_session_by_id_hash'),
);

/** A live session with its user. */
export interface ResolvedSession {
  actor: Extract<Actor, { kind: 'user' }>;
  csrfToken: string;
  mustChangePassword: boolean;
}

/** Finds the live session of a cookie token, enforcing the idle and absolute timeouts; refreshes its last-seen time. */
export async function resolveSession(db: Db, clock: Clock, config: Config, token: string): Promise<ResolvedSession | null> {
  const idHash = hashSessionToken(token);
  const [row] = await sessionByIdHash(db).execute({ idHash });
  if (!row) return null;
  const now = clock.now().getTime();
  const idleExpired = now - row.lastSeenAt.getTime() > config.sessionIdleMinutes * 60_000;
  const absoluteExpired = now - row.createdAt.getTime() > config.sessionAbsoluteHours * 3_600_000;
  if (idleExpired || absoluteExpired || row.disabled) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > 30_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.idHash, idHash));
  }
  return {
    actor: { kind: 'user', userId: row.userId, username: row.username, role: row.role, unitId: row.unitId },
    csrfToken: row.csrfToken,
    mustChangePassword: row.mustChangePassword,
  };
}
