import { asc, eq, sql } from 'drizzle-orm';
import { maskObjector } from '@zhengji/domain';
import type { ObjectionListItem } from '@zhengji/domain/notice/notice.schemas.ts';
import { objectionFiles, objections } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { itemLabel, loadNotice } from '../../db/queries/notice.ts';
import { requireAccess } from '../../access/require-access.ts';

/** The objections of a notice for the center, personal data masked (the detail shows it whole). */
export async function listObjections(ctx: UseCaseContext, noticeId: string): Promise<ObjectionListItem[]> {
  await requireAccess(ctx, 'notice.manage', [noticeId]);
  const notice = await loadNotice(ctx.db, noticeId);
  const rows = await ctx.db
    .select({ o: objections, fileCount: sql<number>`(SELECT count(*)::int FROM ${objectionFiles} WHERE ${objectionFiles.objectionId} = ${objections.id})` })
    .from(objections)
    .where(eq(objections.noticeId, noticeId))
    .orderBy(asc(objections.createdAt));
  return rows.map(({ o, fileCount }) => {
    const item = notice.items.find((i) => i.candidateId === o.candidateId);
    return {
      id: o.id,
      receiptNo: o.receiptNo,
      itemSeq: o.itemSeq,
      itemLabel: item ? itemLabel(item) : '',
      ...maskObjector(o),
      grounds: o.grounds,
      status: o.status,
      conclusion: o.conclusion,
      effect: o.effect,
      fileCount: Number(fileCount),
      createdAt: o.createdAt.toISOString(),
      version: o.version,
    };
  });
}
