import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_STATUSES,
  CAMPAIGN_STATUS_LABELS,
  campaignGuardFailure,
  effectiveCampaignStatus,
  indirectCampaignAction,
  isCampaignAcceptingForms,
  pastDeadlineConfirmation,
  requireDirectCampaignAction,
  nextCampaignStatus,
  transitionCampaign,
  type CampaignAction,
  type CampaignFacts,
  type CampaignStatus,
} from './campaign.workflow.ts';

// Written out by hand (not derived from the table) so that a change of the table shows here.
const EXPECTED: Record<CampaignStatus, Partial<Record<CampaignAction, CampaignStatus>>> = {
  draft: { open: 'open' },
  open: { close: 'closed' },
  closed: { reopen: 'open', startReview: 'reviewing' },
  reviewing: { startPublicity: 'publicizing' },
  publicizing: { publish: 'published' },
  published: { archive: 'archived' },
  archived: {},
};

describe('nextCampaignStatus: every (status, action) pair', () => {
  const pairs = CAMPAIGN_STATUSES.flatMap((s) => CAMPAIGN_ACTIONS.map((a) => [s, a, EXPECTED[s][a] ?? null] as const));
  it.each(pairs)('%s --%s--> %s', (status, action, expected) => {
    if (expected === null) {
      let error: unknown;
      try {
        nextCampaignStatus(status, action);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('INVALID_STATE');
      expect((error as DomainError).message).toContain(CAMPAIGN_STATUS_LABELS[status]);
    } else {
      expect(nextCampaignStatus(status, action)).toBe(expected);
    }
  });

  it('names what can be done instead', () => {
    expect(() => nextCampaignStatus('draft', 'publish')).toThrow('当前只能“开启征集”');
    expect(() => nextCampaignStatus('archived', 'open')).toThrow('当前不能再变更阶段');
  });
});

const NOW = new Date('2024-10-22T10:00:00+08:00');
const base: CampaignFacts = { now: NOW };

describe('campaign guards', () => {
  it.each([
    ['open', { deadline: '2024-11-20', rosterSize: 70 }, null],
    ['open', { deadline: '2024-10-22', rosterSize: 70 }, null],
    ['open', { deadline: '2024-10-21', rosterSize: 70 }, '已过'],
    ['open', { deadline: null, rosterSize: 70 }, '请先设置截止日期'],
    ['open', { deadline: '2024-11-20', rosterSize: 0 }, '应报单位'],
    ['open', { deadline: '2024-11-20' }, '应报单位'],
    ['reopen', { deadline: '2024-10-21', rosterSize: 3 }, '已过'],
    ['reopen', { deadline: '2024-10-30', rosterSize: 3 }, null],
    ['close', { deadline: '2024-10-22' }, '尚未到达'],
    ['close', { deadline: '2024-10-21' }, null],
    ['close', {}, '请先设置截止日期'],
    ['startReview', { uncheckedForms: 2, candidateCount: 5 }, '尚有2份推荐表'],
    ['startReview', { candidateCount: 5 }, '未完成材料核验'],
    ['startReview', { uncheckedForms: 0, candidateCount: 0 }, '候选职业库为空'],
    ['startReview', { uncheckedForms: 0, candidateCount: 5 }, null],
    ['startPublicity', { undecidedCandidates: 1, selectedCandidates: 3 }, '尚有1个候选职业'],
    ['startPublicity', { undecidedCandidates: 0, selectedCandidates: 0 }, '没有入选'],
    ['startPublicity', { undecidedCandidates: 0, selectedCandidates: 3 }, null],
    ['publish', { noticeEndDate: null, openObjectionReceipts: [] }, '请先发布公示'],
    ['publish', { noticeEndDate: '2024-10-22', openObjectionReceipts: [] }, '公示期满后'],
    ['publish', { noticeEndDate: '2024-10-21', openObjectionReceipts: ['YY-0001', 'YY-0002'] }, 'YY-0001、YY-0002'],
    ['publish', { noticeEndDate: '2024-10-21' }, '无法确认'],
    ['publish', { noticeEndDate: '2024-10-21', openObjectionReceipts: [] }, null],
    ['archive', {}, null],
  ] as const)('%s with %o → %s', (action, facts, reason) => {
    const failure = campaignGuardFailure(action, { ...base, ...facts });
    if (reason === null) expect(failure).toBeNull();
    else expect(failure?.message).toContain(reason);
  });

  it('transitionCampaign checks both the table and the guard', () => {
    expect(transitionCampaign('draft', 'open', { ...base, deadline: '2024-11-20', rosterSize: 1 })).toBe('open');
    expect(() => transitionCampaign('draft', 'open', { ...base, deadline: '2024-10-01', rosterSize: 1 })).toThrow(DomainError);
    expect(() => transitionCampaign('open', 'open', { ...base, deadline: '2024-11-20', rosterSize: 1 })).toThrow('征集中');
  });

  it('reads the deadline as inclusive, to the end of the Shanghai day', () => {
    const lastMinute = new Date('2024-10-22T23:59:59+08:00');
    const nextDay = new Date('2024-10-23T00:00:00+08:00');
    expect(isCampaignAcceptingForms('open', '2024-10-22', lastMinute)).toBe(true);
    expect(isCampaignAcceptingForms('open', '2024-10-22', nextDay)).toBe(false);
    expect(isCampaignAcceptingForms('draft', '2024-10-22', lastMinute)).toBe(false);
    expect(effectiveCampaignStatus('open', '2024-10-22', nextDay)).toBe('closed');
    expect(effectiveCampaignStatus('open', '2024-10-22', lastMinute)).toBe('open');
    expect(effectiveCampaignStatus('reviewing', '2024-10-22', nextDay)).toBe('reviewing');
  });
});

describe('indirect transitions', () => {
  it.each(CAMPAIGN_ACTIONS.map((a) => [a, a === 'startPublicity' || a === 'publish'] as const))('%s indirect: %s', (action, indirect) => {
    expect(indirectCampaignAction(action) !== null).toBe(indirect);
    if (indirect) expect(() => requireDirectCampaignAction(action)).toThrow('“公示与发布”页面');
    else expect(() => requireDirectCampaignAction(action)).not.toThrow();
  });
});

describe('pastDeadlineConfirmation', () => {
  const now = new Date('2024-10-22T10:00:00+08:00');
  it.each([
    ['2024-10-22', '2024-10-21', 3, '新的截止日期2024年10月21日已过：尚有3个应报单位未提交推荐表，保存后将不能再提交。确认要把截止日期改为2024年10月21日吗？'],
    ['2024-10-22', '2024-10-21', 0, '新的截止日期2024年10月21日已过：没有尚未提交的应报单位，保存后征集即告截止。确认要把截止日期改为2024年10月21日吗？'],
    ['2024-10-30', '2024-10-22', 3, null],
    ['2024-10-01', '2024-10-01', 3, null],
    [null, '2024-10-01', 1, '新的截止日期2024年10月1日已过：尚有1个应报单位未提交推荐表，保存后将不能再提交。确认要把截止日期改为2024年10月1日吗？'],
  ] as const)('%s → %s with %d not submitted', (previous, next, n, expected) => {
    expect(pastDeadlineConfirmation(previous, next, now, n)).toBe(expected);
  });
});
