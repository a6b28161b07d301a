import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../shared/actor.ts';
import { DomainError } from '../shared/errors.ts';
import { CAMPAIGN_PAGE_ACTIONS, campaignActions, type CampaignPageAction } from './campaign.actions.ts';
import { CAMPAIGN_STATUSES, transitionCampaign, type CampaignFacts, type CampaignStatus } from './campaign.workflow.ts';

const user = (role: Role): Actor => ({ kind: 'user', userId: `u-${role}`, username: role, role, unitId: null });
const center = user('center');
const now = new Date('2024-10-15T10:00:00+08:00');
const before: CampaignFacts = { now, deadline: '2024-10-22', rosterSize: 3, uncheckedForms: 0, candidateCount: 12 };
const after: CampaignFacts = { ...before, now: new Date('2024-10-23T09:00:00+08:00') };

// Written out by hand: which page commands can succeed in each phase with complete facts before / after the deadline.
const ALLOWED: Record<CampaignStatus, { before: CampaignPageAction[]; after: CampaignPageAction[] }> = {
  draft: { before: ['open'], after: [] },
  open: { before: ['sendReminders'], after: ['close'] },
  closed: { before: ['reopen', 'startReview'], after: ['startReview'] },
  reviewing: { before: [], after: [] },
  publicizing: { before: [], after: [] },
  published: { before: ['archive'], after: ['archive'] },
  archived: { before: [], after: [] },
};

describe('campaignActions', () => {
  it.each(CAMPAIGN_STATUSES.flatMap((s) => (['before', 'after'] as const).map((t) => [s, t] as const)))('%s, %s the deadline', (status, time) => {
    const actions = campaignActions(center, status, time === 'before' ? before : after);
    const allowed = CAMPAIGN_PAGE_ACTIONS.filter((a) => actions[a].allowed);
    expect(allowed).toEqual(ALLOWED[status][time]);
    for (const a of CAMPAIGN_PAGE_ACTIONS) expect(actions[a].reason === null).toBe(actions[a].allowed);
  });

  it('gives the reason the server refuses a transition with, before any confirmation', () => {
    for (const status of CAMPAIGN_STATUSES)
      for (const facts of [before, after, { now }])
        for (const action of ['open', 'close', 'reopen', 'startReview', 'archive'] as const) {
          const a = campaignActions(center, status, facts)[action];
          let refused: string | null = null;
          try {
            transitionCampaign(status, action, facts);
          } catch (e) {
            refused = (e as DomainError).message;
          }
          expect(a.reason).toBe(refused);
        }
  });

  it.each<[string, CampaignStatus, CampaignFacts, CampaignPageAction, string]>([
    ['open without a roster', 'draft', { ...before, rosterSize: 0 }, 'open', '请先在名单中添加至少一个应报单位'],
    ['open past the deadline', 'draft', after, 'open', '截止日期2024年10月22日已过，请先将截止日期改为今天或以后的日期'],
    ['close before the deadline', 'open', before, 'close', '截止日期2024年10月22日尚未到达，截止日后方可截止征集'],
    ['review with unchecked forms', 'closed', { ...after, uncheckedForms: 2 }, 'startReview', '尚有2份推荐表未完成材料核验，请先受理或退回'],
    ['review with an empty pool', 'closed', { ...after, candidateCount: 0 }, 'startReview', '候选职业库为空，请先受理推荐表并生成候选职业库'],
    ['remind after the deadline', 'open', after, 'sendReminders', '征集已过截止日期，无需再发送提醒'],
    ['remind a draft', 'draft', before, 'sendReminders', '征集活动处于“草稿”阶段，只有征集中才能提醒单位'],
    ['close a draft', 'draft', before, 'close', '征集活动处于“草稿”阶段，不能截止征集；当前只能“开启征集”'],
  ])('%s', (_, status, facts, action, reason) => {
    expect(campaignActions(center, status, facts)[action]).toEqual({ allowed: false, reason });
  });

  it('names the page of 开始公示 and 发布最终名单', () => {
    expect(campaignActions(center, 'reviewing', before).startPublicity.reason).toMatch(/^公示不能直接开始：请在“公示与发布”页面/);
    expect(campaignActions(center, 'publicizing', before).publish.reason).toMatch(/^最终名单不能在此发布/);
  });

  it('refuses every role but the center', () => {
    for (const role of ['admin', 'unit', 'expert', 'auditor'] as const) {
      const actions = campaignActions(user(role), 'draft', before);
      for (const a of CAMPAIGN_PAGE_ACTIONS) expect(actions[a]).toEqual({ allowed: false, reason: '您没有执行此操作的权限' });
    }
  });
});
