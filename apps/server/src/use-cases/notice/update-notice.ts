import { and, eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import type { NoticeView } from '@zhengji/domain/notice/notice.schemas.ts';
import { UpdateNoticeInputSchema, type UpdateNoticeInput } from '@zhengji/domain/notice/notice.schemas.ts';
import { notices } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadNotice, selectedItems } from '../../db/queries/notice.ts';
import { resolveNoticeEnd } from '@zhengji/domain/notice/notice-period.ts';
import { getNotice } from './get-notice.ts';
import { requireAccess } from '../../access/require-access.ts';

/** Edits a draft notice (title, text, 文号, period, calendar corrections) and refreshes its list; a published one is frozen. */
export async function updateNotice(ctx: UseCaseContext, id: string, input: UpdateNoticeInput): Promise<NoticeView> {
  await requireAccess(ctx, 'notice.manage', [id]);
  const data = UpdateNoticeInputSchema.parse(input);
  const { endDate } = resolveNoticeEnd(data.startDate, data.endDate, data.dayOverrides, ctx.clock.now());
  await ctx.db.transaction(async (tx) => {
    const notice = await loadNotice(tx, id);
    if (notice.status !== 'draft') throw new DomainError('INVALID_STATE', '公示已发布，内容已固定，不能再修改');
    const items = await selectedItems(tx, notice.campaignId);
    const [saved] = await tx
      .update(notices)
      .set({
        title: data.title,
        body: data.body,
        docNo: data.docNo,
        startDate: data.startDate,
        endDate,
        dayOverrides: data.dayOverrides,
        items,
        version: notice.version + 1,
      })
      .where(and(eq(notices.id, id), eq(notices.version, data.version)))
      .returning({ id: notices.id });
    if (!saved) throw new DomainError('STALE_VERSION', '公示已被他人修改，请刷新后重新编辑');
    await writeAudit(tx, ctx, { action: 'notice.update', objectType: 'notice', objectId: id, changes: { ...data, endDate } });
  });
  return getNotice(ctx, id);
}
