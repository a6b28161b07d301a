import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { checkRows, type FormRow } from '@zhengji/domain';
import { ROSTER_STATES, RosterQuerySchema, type RosterState } from '@zhengji/domain/campaign/campaign.schemas.ts';
import type { Roster, RosterEntry } from '@zhengji/domain/campaign/campaign-view.schemas.ts';
import { canCampaign } from '@zhengji/domain/campaign/campaign.policy.ts';
import type { CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import { campaignUnits, formLateExceptions, formRows, forms, units, users } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { referenceIndexFor } from '../../db/queries/form-reference.ts';
import { loadCampaign } from '../../presenters/campaign-view.ts';
import { campaignChangeStamp, stampedCache } from '../../db/queries/campaign-change-stamp.ts';

type Entry = RosterEntry;

const STATE_ORDER: Record<RosterState, number> = { not_started: 0, draft: 1, returned: 2, submitted: 3, accepted: 4 };

function compare(sort: z.infer<typeof RosterQuerySchema>['sort']): (a: Entry, b: Entry) => number {
  switch (sort) {
    case 'name':
      return (a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN');
    case 'state':
      return (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state];
    case 'lastActivity':
      return (a, b) => (a.lastActivityAt?.getTime() ?? 0) - (b.lastActivityAt?.getTime() ?? 0);
    case 'rows':
      return (a, b) => a.rowCount - b.rowCount;
    case 'errors':
      return (a, b) => a.errorCount - b.errorCount;
  }
}

/** Every expected unit of a campaign with its state, last activity, contact, rows and error findings; filtered and sorted. */
export async function getRoster(ctx: UseCaseContext, campaignId: string, query: z.input<typeof RosterQuerySchema> = {}): Promise<Roster> {
  const q = RosterQuerySchema.parse(query);
  const campaign = await loadCampaign(ctx.db, campaignId);
  requireAllowed(canCampaign(ctx.actor, 'viewRoster', { status: campaign.status as CampaignStatus }), ctx.actor);
  const cached = await rosterEntries(ctx, campaign);
  // Addresses change outside the campaign (admin pages), so they are read on every call, not cached with the board.
  const unitIds = cached.map((e) => e.unitId);
  const reachable = new Set<string>();
  if (unitIds.length > 0) {
    for (const u of await ctx.db
      .select({ id: units.id })
      .from(units)
      .where(and(inArray(units.id, unitIds), isNotNull(units.contactEmail), ne(units.contactEmail, ''))))
      reachable.add(u.id);
    for (const u of await ctx.db
      .select({ id: users.unitId })
      .from(users)
      .where(and(inArray(users.unitId, unitIds), eq(users.disabled, false), isNotNull(users.email), ne(users.email, ''))))
      if (u.id) reachable.add(u.id);
  }
  const all = cached.map((e) => ({ ...e, noEmail: !reachable.has(e.unitId) }));
  const counts = Object.fromEntries(ROSTER_STATES.map((s) => [s, all.filter((e) => e.state === s).length])) as Record<RosterState, number>;
  const needle = q.q?.trim();
  const entries = all
    .filter((e) => (!q.state || e.state === q.state) && (!q.unitType || e.unitType === q.unitType) && (!needle || e.unitName.includes(needle)))
    .sort((a, b) => (q.order === 'asc' ? 1 : -1) * compare(q.sort)(a, b) || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  return { entries, counts, total: all.length };
}

type CachedEntry = Omit<Entry, 'noEmail'>;
const boards = stampedCache<{ index: object; entries: CachedEntry[] }>();

/** The board's entries, recomputed only when the campaign's data changed (the eligibility check of every row is costly). */
async function rosterEntries(ctx: UseCaseContext, campaign: Awaited<ReturnType<typeof loadCampaign>>): Promise<CachedEntry[]> {
  const campaignId = campaign.id;
  const index = await referenceIndexFor(ctx.db, ctx.config, campaignId);
  const stamp = await campaignChangeStamp(ctx.db, campaignId);
  const cached = boards.get(campaignId, stamp);
  if (cached && cached.index === index) return cached.entries;
  const roster = await ctx.db
    .select({ unit: units, form: forms })
    .from(campaignUnits)
    .innerJoin(units, eq(units.id, campaignUnits.unitId))
    .leftJoin(forms, and(eq(forms.campaignId, campaignUnits.campaignId), eq(forms.unitId, campaignUnits.unitId)))
    .where(eq(campaignUnits.campaignId, campaignId));
  const formIds = roster.flatMap((r) => (r.form ? [r.form.id] : []));
  const rows = formIds.length > 0 ? await ctx.db.select().from(formRows).where(inArray(formRows.formId, formIds)) : [];
  const byForm = new Map<string, (typeof rows)[number][]>();
  for (const r of rows) byForm.set(r.formId, [...(byForm.get(r.formId) ?? []), r]);
  const late = new Map((await ctx.db.select().from(formLateExceptions).where(eq(formLateExceptions.campaignId, campaignId))).map((l) => [l.unitId, l.until]));
  const options = { industryTags: campaign.industryTags.length > 0 ? campaign.industryTags : undefined };
  const all: CachedEntry[] = roster.map(({ unit, form }) => {
    const formRowsOf: FormRow[] = (form ? (byForm.get(form.id) ?? []) : []).sort((a, b) => a.priority - b.priority);
    const errorCount = checkRows(formRowsOf, index, options)
      .flat()
      .filter((f) => f.severity === 'error').length;
    return {
      unitId: unit.id,
      unitName: unit.name,
      unitType: unit.type,
      state: form ? form.status : 'not_started',
      formId: form?.id ?? null,
      lastActivityAt: form?.updatedAt ?? null,
      submittedAt: form?.submittedAt ?? null,
      contactName: form?.contactName || unit.contactName,
      contactPhone: form?.contactPhone || unit.contactPhone,
      contactEmail: unit.contactEmail,
      rowCount: formRowsOf.length,
      errorCount,
      lateExceptionUntil: late.get(unit.id) ?? null,
    };
  });
  boards.set(campaignId, stamp, { index, entries: all });
  return all;
}
