import { eq } from 'drizzle-orm';
import { OBJECTION_TRANSITIONS } from '@zhengji/domain';
import type { ObjectionDetail } from '@zhengji/domain/notice/notice.schemas.ts';
import { objectionFiles, objections, storedFiles } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { itemLabel, loadNotice } from '../../db/queries/notice.ts';
import { assertAccess } from '../../access/require-access.ts';

/** One objection with the objector's personal data, as the object gate allows (the center); the reading is audited. */
export async function getObjection(ctx: UseCaseContext, id: string): Promise<ObjectionDetail> {
  const [o] = await ctx.db.select().from(objections).where(eq(objections.id, id));
  assertAccess(ctx.actor, 'objection.viewPersonal', o);
  const notice = await loadNotice(ctx.db, o.noticeId);
  const files = await ctx.db
    .select({ id: storedFiles.id, originalName: storedFiles.originalName, mime: storedFiles.mime, size: storedFiles.size })
    .from(objectionFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, objectionFiles.fileId))
    .where(eq(objectionFiles.objectionId, id));
  await ctx.db.transaction((tx) => writeAudit(tx, ctx, { action: 'objection.viewPersonal', objectType: 'objection', objectId: id }));
  const item = notice.items.find((i) => i.candidateId === o.candidateId);
  return {
    id: o.id,
    noticeId: o.noticeId,
    receiptNo: o.receiptNo,
    itemSeq: o.itemSeq,
    itemLabel: item ? itemLabel(item) : '',
    name: o.name,
    phone: o.phone,
    email: o.email,
    organization: o.organization,
    grounds: o.grounds,
    status: o.status,
    conclusion: o.conclusion,
    effect: o.effect,
    notAcceptedReason: o.notAcceptedReason,
    reply: o.reply,
    fileCount: files.length,
    files,
    createdAt: o.createdAt.toISOString(),
    version: o.version,
    allowedActions: Object.keys(OBJECTION_TRANSITIONS[o.status]),
  };
}
