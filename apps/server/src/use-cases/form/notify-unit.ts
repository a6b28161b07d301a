import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { units, users } from '../../db/schema/index.ts';
import type { Mailer } from '../../plugins/mailer.ts';

/** Mails the unit's contact address and its users (after commit); a mail failure never undoes the command. */
export async function notifyUnit(db: Db, mailer: Mailer, unitId: string, subject: string, text: string): Promise<void> {
  try {
    const people = await db.select({ email: users.email }).from(users).where(and(eq(users.unitId, unitId), eq(users.disabled, false), isNotNull(users.email)));
    const [unit] = await db.select({ email: units.contactEmail }).from(units).where(eq(units.id, unitId));
    const to = [...new Set([unit?.email, ...people.map((p) => p.email)].filter((e): e is string => !!e))];
    await Promise.all(to.map((address) => mailer.send({ to: address, subject, text })));
  } catch {
    // The command has committed; the notification is best effort and visible in the application anyway.
  }
}
