import { and, eq } from 'drizzle-orm';
import { DomainError, OBJECTION_OUTCOME_LABELS, applyObjectionCommand } from '@zhengji/domain';
import { ObjectionCommandInputSchema, type ObjectionCommandInput, type ObjectionDetail } from '@zhengji/domain/notice/notice.schemas.ts';
import { campaigns, candidates, notices, objections, outbox } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { assertAccess, requireAccess } from '../../access/require-access.ts';
import { getObjection } from './get-objection.ts';

/** The center handles an objection: accept, decline (不予受理 with a reason), investigate, conclude with a reply and the effect. */
export async function handleObjection(ctx: UseCaseContext, id: string, input: ObjectionCommandInput): Promise<ObjectionDetail> {
  const actor = await requireAccess(ctx, 'objection.handle', [id]);
  const command = ObjectionCommandInputSchema.parse(input);
  await ctx.db.transaction(async (tx) => {
    const [o] = await tx.select().from(objections).where(eq(objections.id, id));
    assertAccess(actor, 'objection.handle', o);
    const [campaign] = await tx
      .select({ status: campaigns.status })
      .from(notices)
      .innerJoin(campaigns, eq(campaigns.id, notices.campaignId))
      .where(eq(notices.id, o.noticeId));
    if (campaign?.status !== 'publicizing') throw new DomainError('INVALID_STATE', '最终名单已发布，异议不能再处理');
    const next = applyObjectionCommand(o.status, command);
    const now = ctx.clock.now();
    const set: Partial<typeof objections.$inferInsert> = { status: next, handledBy: actor.userId, updatedAt: now, version: o.version + 1 };
    if (command.action === 'decline') set.notAcceptedReason = command.reason.trim();
    if (command.action === 'conclude')
      Object.assign(set, { conclusion: command.outcome, reply: command.reply.trim(), effect: command.effect, concludedAt: now });
    const [saved] = await tx
      .update(objections)
      .set(set)
      .where(and(eq(objections.id, id), eq(objections.version, command.version)))
      .returning({ id: objections.id });
    if (!saved) throw new DomainError('STALE_VERSION', '该异议已被他人处理，请刷新后查看');
    if (command.action === 'conclude' && command.effect === 'withdrawn') {
      await tx
        .update(candidates)
        .set({ status: 'withdrawn', updatedAt: now, decisionReason: `异议成立（受理编号 ${o.receiptNo}），公示后撤销` })
        .where(eq(candidates.id, o.candidateId));
    }
    const answer =
      command.action === 'decline'
        ? `不予受理。理由：${command.reason.trim()}`
        : command.action === 'conclude'
          ? `${OBJECTION_OUTCOME_LABELS[command.outcome]}。答复：${command.reply.trim()}`
          : null;
    // Only to an address its owner confirmed by the link of the confirmation mail.
    if (answer && o.email && o.emailConfirmedAt) {
      await tx
        .insert(outbox)
        .values({
          dedupeKey: `objection:${id}:reply`,
          to: o.email,
          subject: `异议办理结果（受理编号 ${o.receiptNo}）`,
          body: answer,
          nextAttemptAt: now,
          createdAt: now,
        })
        .onConflictDoNothing();
    }
    await writeAudit(tx, ctx, {
      action: `objection.${command.action}`,
      objectType: 'objection',
      objectId: id,
      changes: { ...command, from: o.status, to: next },
    });
  });
  return getObjection(ctx, id);
}
