import { eq } from 'drizzle-orm';
import {
  DEFAULT_REVIEW_CRITERIA,
  DomainError,
  canReview,
  reviewPhaseRefusal,
  formatChineseDate,
  shanghaiIsoDate,
  type Actor,
  type ReviewCriterion,
  type ReviewPolicyAction,
  type ReviewPolicyTarget,
} from '@zhengji/domain';
import type { Db } from '../client.ts';
import { campaigns, reviewRounds } from '../schema/index.ts';
import { requireAllowed } from '../../use-cases/authorize.ts';

type Round = typeof reviewRounds.$inferSelect;

/** Throws FORBIDDEN unless the review policy allows the action. */
export function authorizeReview(actor: Actor, action: ReviewPolicyAction, target?: ReviewPolicyTarget) {
  return requireAllowed(canReview(actor, action, target), actor);
}

/** The campaign, or NOT_FOUND; with `writable`, INVALID_STATE outside the review phases. */
export async function loadReviewCampaign(db: Db, campaignId: string, writable = false) {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new DomainError('NOT_FOUND', '该征集活动不存在');
  const refusal = writable ? reviewPhaseRefusal(campaign.status) : null;
  if (refusal) throw new DomainError('INVALID_STATE', refusal);
  return campaign;
}

/** The campaign's review round, created with the default criteria on first use. */
export async function ensureRound(db: Db, campaignId: string): Promise<Round> {
  const [row] = await db.select().from(reviewRounds).where(eq(reviewRounds.campaignId, campaignId));
  if (row) return row;
  const criteria = DEFAULT_REVIEW_CRITERIA.map((c) => ({ key: c.id, label: c.name, weight: c.weight, description: c.description }));
  await db.insert(reviewRounds).values({ campaignId, criteria }).onConflictDoNothing();
  const [created] = await db.select().from(reviewRounds).where(eq(reviewRounds.campaignId, campaignId));
  return created!;
}

/** The round's criteria in the domain's shape. */
export function criteriaOf(round: Round): ReviewCriterion[] {
  return round.criteria.map((c) => ({ id: c.key, name: c.label, weight: c.weight, description: c.description ?? '' }));
}

/** Whether scoring is over: the center closed the round or its deadline passed. */
export function isRoundClosed(round: Round, now: Date): boolean {
  return round.closedAt !== null || (round.deadline !== null && now.getTime() > round.deadline.getTime());
}

/** Throws when scoring is over, saying why. */
export function assertRoundOpen(round: Round, now: Date): void {
  if (round.closedAt !== null) throw new DomainError('INVALID_STATE', '本轮专家评审已结束，不能再修改评分；如需调整请联系市职鉴中心');
  if (round.deadline !== null && now.getTime() > round.deadline.getTime()) {
    throw new DomainError('DEADLINE_PASSED', `评审截止时间（${formatChineseDate(round.deadline)}）已过，不能再修改评分；如需调整请联系市职鉴中心`);
  }
}

/** The round as the API shows it. */
export function presentRound(round: Round, now: Date) {
  return {
    criteria: criteriaOf(round),
    deadline: round.deadline ? shanghaiIsoDate(round.deadline) : null,
    closedAt: round.closedAt?.toISOString() ?? null,
    closed: isRoundClosed(round, now),
    drawSeed: round.drawSeed,
    assignmentSeed: round.assignmentSeed,
    version: round.version,
  };
}
