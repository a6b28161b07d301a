import { asc, eq, inArray } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { HISTORY_OUTCOME_LABELS } from '@zhengji/domain/notice/notice.policy.ts';
import type { OccupationHistoryEntry } from '@zhengji/domain/notice/notice.schemas.ts';
import { campaigns, candidateUnits, candidates, finalLists, units } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeNotice } from '../../db/queries/notice.ts';

/** For one occupation code: every campaign in which it was recommended, by which units, and the outcome. */
export async function getOccupationHistory(ctx: UseCaseContext, occupationCode: string): Promise<OccupationHistoryEntry[]> {
  authorizeNotice(ctx, 'history.view');
  const code = occupationCode.trim();
  if (!/^\d-\d{2}-\d{2}-\d{2}$/.test(code)) throw new DomainError('VALIDATION', '职业编码格式应为 X-XX-XX-XX，如 4-10-01-05');
  const rows = await ctx.db
    .select({ c: candidates, title: campaigns.title, year: campaigns.year, campaignStatus: campaigns.status })
    .from(candidates)
    .innerJoin(campaigns, eq(campaigns.id, candidates.campaignId))
    .where(eq(candidates.occupationCode, code))
    .orderBy(asc(campaigns.year), asc(candidates.jobTypeName));
  const ids = rows.map((r) => r.c.id);
  const links = ids.length
    ? await ctx.db
        .select({ candidateId: candidateUnits.candidateId, name: units.name, priority: candidateUnits.priority })
        .from(candidateUnits)
        .innerJoin(units, eq(units.id, candidateUnits.unitId))
        .where(inArray(candidateUnits.candidateId, ids))
    : [];
  const finals = rows.length
    ? await ctx.db
        .select({ campaignId: finalLists.campaignId, items: finalLists.items })
        .from(finalLists)
        .where(
          inArray(
            finalLists.campaignId,
            rows.map((r) => r.c.campaignId),
          ),
        )
    : [];
  return rows
    .filter((r) => r.c.mergedIntoId === null)
    .map(({ c, title, year, campaignStatus }) => {
      const own = links.filter((l) => l.candidateId === c.id).map(({ name, priority }) => ({ name, priority }));
      const fromSources = c.sources.map((s) => ({ name: s.unitName, priority: s.priority }));
      const inFinal = finals.some((f) => f.campaignId === c.campaignId && f.items.some((i) => i.candidateId === c.id));
      const outcome: OccupationHistoryEntry['outcome'] =
        c.status === 'withdrawn' ? 'withdrawn' : inFinal ? 'final' : c.status === 'selected' && campaignStatus === 'publicizing' ? 'publicized' : c.status;
      return {
        campaignId: c.campaignId,
        campaignTitle: title,
        year,
        occupationCode: c.occupationCode,
        occupationName: c.occupationName,
        jobTypeName: c.jobTypeName,
        units: (own.length ? own : fromSources).sort((a, b) => a.priority - b.priority),
        outcome,
        outcomeLabel: HISTORY_OUTCOME_LABELS[outcome],
      };
    });
}
