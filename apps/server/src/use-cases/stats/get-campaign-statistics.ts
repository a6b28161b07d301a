import { and, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { CampaignStatistics, StatisticsCount } from '@zhengji/domain/stats/stats-view.schemas.ts';
import { shanghaiIsoDate } from '@zhengji/domain';
import { canCampaign } from '@zhengji/domain/campaign/campaign.policy.ts';
import type { CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import { candidateUnits, candidates, formVersions, forms, units } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { loadCampaign, rosterSizeOf } from '../../presenters/campaign-view.ts';
import { campaignChangeStamp, stampedCache } from '../../db/queries/campaign-change-stamp.ts';

const computed = stampedCache<CampaignStatistics>();

const UNIT_TYPE_LABEL: Record<string, string> = { district: '区人社局', industry: '行业主管部门' };

function bump(map: Map<string, StatisticsCount>, key: string, field: 'rows' | 'candidates' | 'expected', by = 1): void {
  const e = map.get(key) ?? { key, rows: 0, candidates: 0, expected: 0 };
  e[field] += by;
  map.set(key, e);
}

/**
 * Rows (of submitted versions) and candidates by industry tag and unit type, expected assessments by industry,
 * the share in the shortage catalogue, occupations recommended by several units, and roster progress by day.
 */
export async function getCampaignStatistics(ctx: UseCaseContext, campaignId: string): Promise<CampaignStatistics> {
  const campaign = await loadCampaign(ctx.db, campaignId);
  requireAllowed(canCampaign(ctx.actor, 'viewStatistics', { status: campaign.status as CampaignStatus }), ctx.actor);
  const stamp = await campaignChangeStamp(ctx.db, campaignId);
  const cached = computed.get(campaignId, stamp);
  if (cached) return cached;
  const result = await computeStatistics(ctx, campaignId);
  computed.set(campaignId, stamp, result);
  return result;
}

async function computeStatistics(ctx: UseCaseContext, campaignId: string): Promise<CampaignStatistics> {
  const versions = await ctx.db
    .select({
      formId: forms.id,
      status: forms.status,
      unitType: units.type,
      number: formVersions.number,
      isLast: sql<boolean>`${formVersions.number} = ${forms.lastVersionNumber}`,
      rows: formVersions.rows,
      submittedAt: formVersions.submittedAt,
      acceptedAt: forms.acceptedAt,
    })
    .from(formVersions)
    .innerJoin(forms, eq(forms.id, formVersions.formId))
    .innerJoin(units, eq(units.id, forms.unitId))
    .where(and(eq(forms.campaignId, campaignId), gt(forms.lastVersionNumber, 0), isNotNull(formVersions.submittedAt)));
  const byIndustry = new Map<string, StatisticsCount>();
  const byUnitType = new Map<string, StatisticsCount>();
  let rowCount = 0;
  let shortageRows = 0;
  const firstSubmission = new Map<string, Date>();
  for (const v of versions) {
    const seen = firstSubmission.get(v.formId);
    if (v.submittedAt && (!seen || v.submittedAt < seen)) firstSubmission.set(v.formId, v.submittedAt);
    if (!v.isLast || v.status === 'draft') continue;
    for (const row of v.rows) {
      rowCount++;
      if (row.inShortageCatalog === true) shortageRows++;
      bump(byUnitType, UNIT_TYPE_LABEL[v.unitType] ?? v.unitType, 'rows');
      for (const tag of new Set(row.industries.map((t) => t.trim()).filter(Boolean))) bump(byIndustry, tag, 'rows');
    }
  }
  const pool = await ctx.db
    .select({
      id: candidates.id,
      occupationCode: candidates.occupationCode,
      occupationName: candidates.occupationName,
      jobTypeName: candidates.jobTypeName,
      industries: candidates.industries,
      expectedAssessments: candidates.expectedAssessments,
      inShortageCatalog: candidates.inShortageCatalog,
    })
    .from(candidates)
    .where(and(eq(candidates.campaignId, campaignId), isNull(candidates.mergedIntoId)));
  const cu = await ctx.db
    .select({ candidateId: candidateUnits.candidateId, unitType: units.type })
    .from(candidateUnits)
    .innerJoin(units, eq(units.id, candidateUnits.unitId))
    .innerJoin(candidates, eq(candidates.id, candidateUnits.candidateId))
    .where(and(eq(candidates.campaignId, campaignId), isNull(candidates.mergedIntoId)));
  const typesOf = new Map<string, Set<string>>();
  for (const r of cu) typesOf.set(r.candidateId, (typesOf.get(r.candidateId) ?? new Set()).add(r.unitType));
  const unitCount = new Map<string, number>();
  for (const r of cu) unitCount.set(r.candidateId, (unitCount.get(r.candidateId) ?? 0) + 1);
  for (const c of pool) {
    for (const tag of c.industries) {
      bump(byIndustry, tag, 'candidates');
      bump(byIndustry, tag, 'expected', c.expectedAssessments);
    }
    for (const t of typesOf.get(c.id) ?? []) {
      bump(byUnitType, UNIT_TYPE_LABEL[t] ?? t, 'candidates');
      bump(byUnitType, UNIT_TYPE_LABEL[t] ?? t, 'expected', c.expectedAssessments);
    }
  }
  const days = new Map<string, { submitted: number; accepted: number }>();
  const day = (d: string) => days.get(d) ?? days.set(d, { submitted: 0, accepted: 0 }).get(d)!;
  for (const at of firstSubmission.values()) day(shanghaiIsoDate(at)).submitted++;
  for (const v of versions) if (v.isLast && v.acceptedAt) day(shanghaiIsoDate(v.acceptedAt)).accepted++;
  let submitted = 0;
  let accepted = 0;
  const progress = [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, d]) => ({ date, submitted: (submitted += d.submitted), accepted: (accepted += d.accepted) }));
  return {
    totals: {
      rosterSize: await rosterSizeOf(ctx.db, campaignId),
      submittedUnits: firstSubmission.size,
      rows: rowCount,
      candidates: pool.length,
      expected: pool.reduce((s, c) => s + c.expectedAssessments, 0),
      shortageCandidates: pool.filter((c) => c.inShortageCatalog).length,
      shortageRows,
    },
    byIndustry: [...byIndustry.values()].sort((a, b) => b.rows - a.rows || b.candidates - a.candidates),
    byUnitType: [...byUnitType.values()],
    multiUnit: pool
      .filter((c) => (unitCount.get(c.id) ?? 0) >= 2)
      .map((c) => ({
        occupationCode: c.occupationCode,
        occupationName: c.occupationName,
        jobTypeName: c.jobTypeName,
        unitCount: unitCount.get(c.id) ?? 0,
        expected: c.expectedAssessments,
      }))
      .sort((a, b) => b.unitCount - a.unitCount || b.expected - a.expected)
      .slice(0, 50),
    progress,
  };
}
