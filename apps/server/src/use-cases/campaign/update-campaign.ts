import { and, eq, inArray, notExists } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '@zhengji/domain';
import { CampaignUpdateSchema } from '@zhengji/domain/campaign/campaign.schemas.ts';
import { canCampaign } from '@zhengji/domain/campaign/campaign.policy.ts';
import { pastDeadlineConfirmation, type CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import type { Db } from '../../db/client.ts';
import { campaignUnits, campaigns, forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadCampaign, presentCampaign, type CampaignView } from '../../presenters/campaign-view.ts';

/** The expected units of a campaign without a submitted or accepted form. */
async function notSubmittedCount(db: Db, campaignId: string): Promise<number> {
  const submitted = db
    .select({ id: forms.id })
    .from(forms)
    .where(and(eq(forms.campaignId, campaignId), eq(forms.unitId, campaignUnits.unitId), inArray(forms.status, ['submitted', 'accepted'])));
  return db.$count(campaignUnits, and(eq(campaignUnits.campaignId, campaignId), notExists(submitted)));
}

/**
 * The center edits a campaign's notice fields; `version` must match (STALE_VERSION otherwise). A deadline moved into
 * the past needs `confirmPastDeadline` (else 409 CONFLICT saying how many expected units have not submitted).
 */
export async function updateCampaign(ctx: UseCaseContext, id: string, input: z.input<typeof CampaignUpdateSchema>): Promise<CampaignView> {
  const data = CampaignUpdateSchema.parse(input);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await loadCampaign(tx, id, true);
    requireAllowed(canCampaign(ctx.actor, 'update', { status: current.status as CampaignStatus }), ctx.actor);
    if (current.version !== data.version) throw new DomainError('STALE_VERSION', '该征集活动已被他人修改，请刷新后再编辑（您的修改未保存，可先复制）');
    const { version, confirmPastDeadline, ...fields } = data;
    if (!confirmPastDeadline && fields.deadline !== current.deadline) {
      const question = pastDeadlineConfirmation(current.deadline, fields.deadline, now, await notSubmittedCount(tx, id));
      if (question) throw new DomainError('CONFLICT', question, { confirm: 'confirmPastDeadline' });
    }
    const [row] = await tx
      .update(campaigns)
      .set({ ...fields, contactEmail: fields.contactEmail || null, version: version + 1, updatedAt: now })
      .where(eq(campaigns.id, id))
      .returning();
    const changed = Object.fromEntries(
      Object.entries(fields).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify((current as Record<string, unknown>)[k] ?? null)),
    );
    await writeAudit(tx, ctx, {
      action: 'campaign.update',
      objectType: 'campaign',
      objectId: id,
      changes: confirmPastDeadline && 'deadline' in changed ? { ...changed, confirmPastDeadline } : changed,
    });
    return row!;
  });
  return presentCampaign(ctx.db, ctx.actor, row, now);
}
