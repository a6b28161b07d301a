import { and, eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import type { NoticeView } from '@zhengji/domain/notice/notice.schemas.ts';
import { CreateNoticeInputSchema, type CreateNoticeInput } from '@zhengji/domain/notice/notice.schemas.ts';
import { notices } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeNotice, loadCampaign, selectedItems } from '../../db/queries/notice.ts';
import { resolveNoticeEnd } from '@zhengji/domain/notice/notice-period.ts';
import { getNotice } from './get-notice.ts';

/** Creates the draft notice of a campaign in expert review from its selected candidates; one notice per campaign. */
export async function createNotice(ctx: UseCaseContext, input: CreateNoticeInput): Promise<NoticeView> {
  authorizeNotice(ctx, 'notice.manage');
  const data = CreateNoticeInputSchema.parse(input);
  const { endDate } = resolveNoticeEnd(data.startDate, data.endDate, data.dayOverrides, ctx.clock.now());
  const id = await ctx.db.transaction(async (tx) => {
    const campaign = await loadCampaign(tx, data.campaignId);
    if (campaign.status !== 'reviewing') {
      throw new DomainError('INVALID_STATE', '只有处于“专家评估”阶段的征集活动才能创建公示');
    }
    const [existing] = await tx
      .select({ id: notices.id })
      .from(notices)
      .where(and(eq(notices.campaignId, campaign.id)));
    if (existing) throw new DomainError('CONFLICT', '该征集活动已有公示，请在原公示上修改');
    const items = await selectedItems(tx, campaign.id);
    if (items.length === 0) throw new DomainError('INVALID_STATE', '该征集活动没有入选的职业（工种），无法创建公示');
    const [row] = await tx
      .insert(notices)
      .values({
        campaignId: campaign.id,
        title: data.title,
        body: data.body,
        docNo: data.docNo,
        startDate: data.startDate,
        endDate,
        dayOverrides: data.dayOverrides,
        items,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: notices.id });
    await writeAudit(tx, ctx, { action: 'notice.create', objectType: 'notice', objectId: row!.id, changes: { ...data, endDate, itemCount: items.length } });
    return row!.id;
  });
  return getNotice(ctx, id);
}
