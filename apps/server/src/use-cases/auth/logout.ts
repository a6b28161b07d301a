import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { hashSessionToken } from '../../auth/session-token.ts';

/** Ends the session of the given token. */
export async function logout(ctx: UseCaseContext, token: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.idHash, hashSessionToken(token)));
    await writeAudit(tx, ctx, { action: 'auth.logout', objectType: 'user', objectId: ctx.actor.kind === 'user' ? ctx.actor.userId : null });
  });
}
