import { describe, expect, it } from 'vitest';
import { PUBLIC_ACTOR, type Actor, type Role } from '../shared/actor.ts';
import {
  REVIEW_POLICY_ACTIONS,
  canReview,
  reviewAbilities,
  decisionRefusal,
  panelDrawRefusal,
  reviewBoardActions,
  reviewPhaseRefusal,
  type ReviewPolicyAction,
  type ReviewPolicyTarget,
} from './review.policy.ts';

const user = (role: Role, userId = `u-${role}`): Actor => ({ kind: 'user', userId, username: role, role, unitId: null });

const ACTORS: Record<string, Actor> = {
  center: user('center'),
  assignedExpert: user('expert', 'x1'),
  otherExpert: user('expert', 'x2'),
  admin: user('admin'),
  unit: user('unit'),
  auditor: user('auditor'),
  public: PUBLIC_ACTOR,
};

const TARGETS: Record<string, ReviewPolicyTarget> = {
  openDraft: { assignedUserIds: ['x1'], roundClosed: false, reviewStatus: 'draft' },
  openSubmitted: { assignedUserIds: ['x1'], roundClosed: false, reviewStatus: 'submitted' },
  closedSubmitted: { assignedUserIds: ['x1'], roundClosed: true, reviewStatus: 'submitted' },
  conflictedDraft: { assignedUserIds: ['x1'], roundClosed: false, reviewStatus: 'draft', conflicted: true },
  conflictedClosed: { assignedUserIds: ['x1'], roundClosed: true, reviewStatus: 'submitted', conflicted: true },
};

const CENTER_ALWAYS: ReviewPolicyAction[] = ['manageExperts', 'assign', 'viewCandidate', 'viewOtherReviews', 'viewAggregates', 'decide', 'exportScoreSheet'];
const EXPECTED: Record<string, Record<string, ReviewPolicyAction[]>> = {
  center: {
    openDraft: CENTER_ALWAYS,
    openSubmitted: [...CENTER_ALWAYS, 'reopenReview'],
    closedSubmitted: CENTER_ALWAYS,
    conflictedDraft: CENTER_ALWAYS,
    conflictedClosed: CENTER_ALWAYS,
  },
  assignedExpert: {
    openDraft: ['viewCandidate', 'exportScoreSheet', 'saveReview', 'submitReview'],
    openSubmitted: ['viewCandidate', 'exportScoreSheet'],
    closedSubmitted: ['viewCandidate', 'exportScoreSheet', 'viewOtherReviews'],
  },
};

describe('canReview: every (actor, situation, action)', () => {
  const rows = Object.keys(ACTORS).flatMap((who) => Object.keys(TARGETS).flatMap((t) => REVIEW_POLICY_ACTIONS.map((a) => [who, t, a] as const)));
  it.each(rows)('%s / %s / %s', (who, t, action) => {
    const expected = (EXPECTED[who]?.[t] ?? []).includes(action);
    expect(canReview(ACTORS[who]!, action, TARGETS[t])).toBe(expected);
    expect(reviewAbilities(ACTORS[who]!, TARGETS[t]!)[action]).toBe(expected);
  });

  it('without a target only the center’s global actions remain', () => {
    expect(canReview(ACTORS.center!, 'assign')).toBe(true);
    expect(canReview(ACTORS.center!, 'reopenReview')).toBe(false);
    expect(canReview(ACTORS.assignedExpert!, 'viewCandidate')).toBe(false);
  });
});

describe('the review board’s actions by campaign phase', () => {
  const center: Actor = { kind: 'user', userId: 'c', username: 'c', role: 'center', unitId: null };
  it.each(['draft', 'open', 'closed', 'reviewing', 'publicizing', 'published', 'archived'] as const)('%s', (status) => {
    const { autoAssign } = reviewBoardActions(center, status);
    const allowed = status === 'closed' || status === 'reviewing';
    expect(autoAssign.allowed).toBe(allowed);
    expect(autoAssign.reason).toBe(allowed ? null : reviewPhaseRefusal(status));
  });
  it('says why while the call is still open', () => {
    expect(reviewBoardActions(center, 'open').autoAssign.reason).toBe('征集活动处于“征集中”阶段，只有截止征集后、公示前才能进行专家评估');
  });
  it('refuses an expert whatever the phase', () => {
    const expert: Actor = { kind: 'user', userId: 'e', username: 'e', role: 'expert', unitId: null };
    expect(reviewBoardActions(expert, 'reviewing').autoAssign).toEqual({ allowed: false, reason: '您没有执行此操作的权限' });
  });
});

describe('panelDrawRefusal', () => {
  it.each<[number, number, string | null]>([
    [5, 3, null],
    [3, 3, null],
    [2, 3, '可参加评审的专家只有2名，少于抽取人数3名，请减少抽取人数或增加专家'],
    [0, 1, '可参加评审的专家只有0名，少于抽取人数1名，请减少抽取人数或增加专家'],
  ])('%i experts taking part, %i to draw', (available, size, reason) => expect(panelDrawRefusal(available, size)).toBe(reason));
});

describe('decisionRefusal', () => {
  const elder = { occupationCode: '4-10-01-05', occupationName: '养老护理员', jobTypeName: '', conflicts: [] };
  const labeler = { occupationCode: '4-04-05-05', occupationName: '人工智能训练师', jobTypeName: '数据标注员', conflicts: [{ assignmentId: 'a1' }] };
  it('allows candidates without an unresolved 回避', () => expect(decisionRefusal([elder])).toBeNull());
  it('names the first candidate with one, as the server does', () =>
    expect(decisionRefusal([elder, labeler])).toBe('“人工智能训练师（数据标注员） 4-04-05-05”有专家须回避的评审分配尚未处理，请先移除或更换该专家后再作决定'));
});
