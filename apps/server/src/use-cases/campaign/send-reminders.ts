import { and, eq, isNull, notInArray, or } from 'drizzle-orm';
import { DomainError, endOfShanghaiDay, formatChineseDate, shanghaiIsoDate, type Clock } from '@zhengji/domain';
import { canCampaign } from '@zhengji/domain/campaign/campaign.policy.ts';
import { dueReminderDays, daysUntilDeadline } from '@zhengji/domain/campaign/campaign.reminders.ts';
import type { CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import type { Db } from '../../db/client.ts';
import { campaignUnits, campaigns, forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { notifyUnitUsers } from '../notification/enqueue-mail.ts';
import { loadCampaign, type CampaignRecord } from '../../presenters/campaign-view.ts';

/** Units on the roster that have not submitted: no form yet, or a form still in draft. */
async function unitsNotSubmitted(db: Db, campaignId: string): Promise<string[]> {
  const rows = await db
    .select({ unitId: campaignUnits.unitId })
    .from(campaignUnits)
    .leftJoin(forms, and(eq(forms.campaignId, campaignUnits.campaignId), eq(forms.unitId, campaignUnits.unitId)))
    .where(and(eq(campaignUnits.campaignId, campaignId), or(isNull(forms.id), notInArray(forms.status, ['submitted', 'accepted', 'returned']))));
  return rows.map((r) => r.unitId);
}

/** Enqueues one reminder per unit under `key(unitId)`; each is idempotent, so racing instances send it once. */
async function remind(db: Db, campaign: CampaignRecord, now: Date, key: (unitId: string) => string): Promise<number> {
  const left = daysUntilDeadline(campaign.deadline, now);
  const deadline = formatChineseDate(endOfShanghaiDay(campaign.deadline));
  let sent = 0;
  for (const unitId of await unitsNotSubmitted(db, campaign.id)) {
    const fresh = await db.transaction((tx) =>
      notifyUnitUsers(
        tx,
        unitId,
        {
          kind: 'reminder',
          title: `【征集】提醒：${campaign.title}将于${deadline}截止`,
          body: `您单位尚未提交推荐表。本次征集将于${deadline}（还有 ${String(Math.max(0, left))} 天）截止，请及时填报并上传加盖公章的扫描件后提交。`,
          link: '/forms/mine',
          dedupeKey: key(unitId),
        },
        now,
      ),
    );
    if (fresh) sent++;
  }
  return sent;
}

/** The periodic tick: the reminders due now (7, 3, 1 days before the deadline) for every open campaign. */
export async function sendDueReminders(deps: { db: Db; clock: Clock }): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  for (const campaign of await deps.db.select().from(campaigns).where(eq(campaigns.status, 'open'))) {
    const days = dueReminderDays(campaign.deadline, now);
    if (days !== null) sent += await remind(deps.db, campaign, now, (u) => `reminder:${campaign.id}:${u}:${String(days)}`);
  }
  return sent;
}

/** The center reminds the units that have not submitted now (at most once a day per unit). */
export async function sendReminders(ctx: UseCaseContext, campaignId: string): Promise<{ sent: number }> {
  const campaign = await loadCampaign(ctx.db, campaignId);
  requireAllowed(canCampaign(ctx.actor, 'sendReminders', { status: campaign.status as CampaignStatus }), ctx.actor);
  const now = ctx.clock.now();
  if (daysUntilDeadline(campaign.deadline, now) < 0) throw new DomainError('DEADLINE_PASSED', '征集已过截止日期，无需再发送提醒');
  const today = shanghaiIsoDate(now);
  const sent = await remind(ctx.db, campaign, now, (u) => `reminder:${campaign.id}:${u}:manual:${today}`);
  await ctx.db.transaction((tx) => writeAudit(tx, ctx, { action: 'campaign.sendReminders', objectType: 'campaign', objectId: campaignId, changes: { sent } }));
  return { sent };
}
