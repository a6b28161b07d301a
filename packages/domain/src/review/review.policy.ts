import type { Actor } from '../shared/actor.ts';
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '../campaign/campaign.workflow.ts';

/** Everything one can do in the expert evaluation. */
export const REVIEW_POLICY_ACTIONS = [
  'manageExperts',
  'assign',
  'viewCandidate',
  'saveReview',
  'submitReview',
  'reopenReview',
  'viewOtherReviews',
  'viewAggregates',
  'decide',
  'exportScoreSheet',
] as const;
/** An action of the expert evaluation. */
export type ReviewPolicyAction = (typeof REVIEW_POLICY_ACTIONS)[number];

/** What the review policy needs to know about one candidate of the round and the actor's own review. */
export interface ReviewPolicyTarget {
  /** User ids of the experts actively assigned to the candidate. */
  assignedUserIds: readonly string[];
  /**
   * True when the actor's own assignment became conflicted (回避) after it was made, e.g. the expert's unit changed to
   * one that recommended the candidate: the expert may no longer see or score it until the center reassigns.
   */
  conflicted?: boolean;
  /** Whether the scoring round has closed. */
  roundClosed: boolean;
  /** The status of the review concerned (the actor's own for an expert; the one to reopen for the center). */
  reviewStatus?: 'draft' | 'submitted' | null;
}

/**
 * Whether the actor may perform the action, deny by default. The center manages experts, assigns, reopens
 * submitted reviews, sees aggregates and decides. An expert sees and scores only candidates assigned to them,
 * while the round is open and their review is not submitted, and sees the other experts' scores only after the
 * round closed; an expert whose assignment became conflicted (回避) gets nothing on that candidate. Everyone else
 * gets nothing.
 */
export function canReview(actor: Actor, action: ReviewPolicyAction, target?: ReviewPolicyTarget): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'center') {
    switch (action) {
      case 'manageExperts':
      case 'assign':
      case 'viewCandidate':
      case 'viewOtherReviews':
      case 'viewAggregates':
      case 'decide':
      case 'exportScoreSheet':
        return true;
      case 'reopenReview':
        return target !== undefined && !target.roundClosed && target.reviewStatus === 'submitted';
      case 'saveReview':
      case 'submitReview':
        return false;
    }
  }
  if (actor.role !== 'expert' || target === undefined || !target.assignedUserIds.includes(actor.userId) || target.conflicted === true) return false;
  switch (action) {
    case 'viewCandidate':
    case 'exportScoreSheet':
      return true;
    case 'saveReview':
    case 'submitReview':
      return !target.roundClosed && target.reviewStatus !== 'submitted';
    case 'viewOtherReviews':
      return target.roundClosed;
    case 'manageExperts':
    case 'assign':
    case 'reopenReview':
    case 'viewAggregates':
    case 'decide':
      return false;
  }
}

/** The abilities map of an actor over one candidate of the round, for the UI. */
export function reviewAbilities(actor: Actor, target: ReviewPolicyTarget): Record<ReviewPolicyAction, boolean> {
  return Object.fromEntries(REVIEW_POLICY_ACTIONS.map((a) => [a, canReview(actor, a, target)])) as Record<ReviewPolicyAction, boolean>;
}

/** The campaign phases in which experts are drawn, assigned and score. */
export const REVIEW_PHASES: ReadonlySet<CampaignStatus> = new Set<CampaignStatus>(['closed', 'reviewing']);

/** Why the review round of a campaign in this phase cannot be changed (drawn, assigned), or null when it can. */
export function reviewPhaseRefusal(status: CampaignStatus): string | null {
  if (REVIEW_PHASES.has(status)) return null;
  return `征集活动处于“${CAMPAIGN_STATUS_LABELS[status]}”阶段，只有截止征集后、公示前才能进行专家评估`;
}

/** Why drawing `panelSize` experts fails with only `available` experts taking part (available, cap > 0), or null. */
export function panelDrawRefusal(available: number, panelSize: number): string | null {
  if (available >= panelSize) return null;
  return `可参加评审的专家只有${String(available)}名，少于抽取人数${String(panelSize)}名，请减少抽取人数或增加专家`;
}

/** A candidate as its refusals name it: 职业（工种） 编码. */
type CandidateName = { occupationCode: string; occupationName: string; jobTypeName: string };

/** Why a candidate with a 回避 assignment still active cannot be decided (the center must remove or replace the expert). */
export function conflictDecisionRefusal(c: CandidateName): string {
  return `“${c.occupationName}${c.jobTypeName ? `（${c.jobTypeName}）` : ''} ${c.occupationCode}”有专家须回避的评审分配尚未处理，请先移除或更换该专家后再作决定`;
}

/** Why deciding these candidates would be refused (the first with an unresolved 回避 conflict), or null. */
export function decisionRefusal(selected: readonly (CandidateName & { conflicts: readonly unknown[] })[]): string | null {
  const flagged = selected.find((c) => c.conflicts.length > 0);
  return flagged ? conflictDecisionRefusal(flagged) : null;
}

/** What the center's 评审分配 page may do now, each with the reason it cannot (shown beside the disabled control). */
export function reviewBoardActions(
  actor: Actor,
  status: CampaignStatus,
): Record<'assign' | 'draw' | 'autoAssign', { allowed: boolean; reason: string | null }> {
  const reason = canReview(actor, 'assign') ? reviewPhaseRefusal(status) : '您没有执行此操作的权限';
  const one = { allowed: reason === null, reason };
  return { assign: one, draw: one, autoAssign: one };
}
