import { and, eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import type { Db } from '../client.ts';
import { assignments, candidateUnits, candidates, experts, units } from '../schema/index.ts';

/**
 * Checks that an expert may be assigned to a candidate of the campaign: both exist, the expert is active, not already
 * assigned, and their unit did not recommend the candidate (回避, by unit id; the message names the unit).
 */
export async function checkAssignable(tx: Db, campaignId: string, candidateId: string, expertId: string) {
  const [candidate] = await tx
    .select()
    .from(candidates)
    .where(and(eq(candidates.id, candidateId), eq(candidates.campaignId, campaignId)));
  if (!candidate || candidate.mergedIntoId !== null) throw new DomainError('NOT_FOUND', '该候选职业不存在或已被合并');
  const [expert] = await tx.select().from(experts).where(eq(experts.id, expertId));
  if (!expert) throw new DomainError('NOT_FOUND', '该专家不存在');
  if (!expert.active) throw new DomainError('VALIDATION', `专家“${expert.name}”已停用，请先启用后再分配`);
  if (expert.unitId !== null) {
    const [conflict] = await tx
      .select({ name: units.name })
      .from(candidateUnits)
      .innerJoin(units, eq(units.id, candidateUnits.unitId))
      .where(and(eq(candidateUnits.candidateId, candidateId), eq(candidateUnits.unitId, expert.unitId)));
    if (conflict) {
      throw new DomainError('CONFLICT', `专家“${expert.name}”所在单位“${conflict.name}”推荐了该候选职业，须回避，不能分配；请选择其他专家`);
    }
  }
  const [dup] = await tx
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.candidateId, candidateId), eq(assignments.expertId, expertId), eq(assignments.status, 'active')));
  if (dup) throw new DomainError('CONFLICT', `专家“${expert.name}”已分配评审该候选职业`);
  return { candidate, expert };
}

/** The label of a candidate in messages: 职业名称（工种） 编码. */
export function candidateLabel(c: { occupationCode: string; occupationName: string; jobTypeName: string }): string {
  return `${c.occupationName}${c.jobTypeName ? `（${c.jobTypeName}）` : ''} ${c.occupationCode}`;
}
