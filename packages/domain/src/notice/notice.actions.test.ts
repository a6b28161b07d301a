import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../shared/actor.ts';
import { noticeActions, noticeStartRefusal, type NoticeActionFacts } from './notice.actions.ts';

const user = (role: Role): Actor => ({ kind: 'user', userId: `u-${role}`, username: role, role, unitId: null });
const center = user('center');
const draft: NoticeActionFacts = {
  now: new Date('2024-12-02T10:00:00+08:00'),
  noticeStatus: 'draft',
  campaignStatus: 'reviewing',
  startDate: '2024-12-02',
  endDate: '2024-12-06',
  undecidedCandidates: 0,
  selectedCandidates: 8,
  openObjectionReceipts: [],
};
const published: NoticeActionFacts = { ...draft, noticeStatus: 'published', campaignStatus: 'publicizing', now: new Date('2024-12-09T09:00:00+08:00') };

describe('noticeActions', () => {
  it.each<[string, NoticeActionFacts, 'publish' | 'publishFinal', string | null]>([
    ['a draft in 专家评估 with every candidate decided is published', draft, 'publish', null],
    [
      'not with a start date in the past',
      { ...draft, startDate: '2024-12-01' },
      'publish',
      '公示开始日期2024年12月1日已过（今天是2024年12月2日），不能发布：请先将公示草稿的开始日期改为今天或以后的日期',
    ],
    ['not with undecided candidates', { ...draft, undecidedCandidates: 3 }, 'publish', '尚有3个候选职业未作出是否入选的决定'],
    ['not without a selected candidate', { ...draft, selectedCandidates: 0 }, 'publish', '没有入选的职业，无法开始公示'],
    [
      'not before 专家评估',
      { ...draft, campaignStatus: 'closed' },
      'publish',
      '征集活动处于“已截止”阶段，不能开始公示；当前只能“重新开启征集”或“开始专家评估”',
    ],
    ['not twice', published, 'publish', '该公示已发布'],
    ['the final list of a draft notice', draft, 'publishFinal', '请先发布公示'],
    ['the final list once the period ended and objections are closed', published, 'publishFinal', null],
    [
      'not while the period runs',
      { ...published, now: new Date('2024-12-06T18:00:00+08:00') },
      'publishFinal',
      '公示期至2024年12月6日结束，公示期满后方可发布最终名单',
    ],
    [
      'not with open objections',
      { ...published, openObjectionReceipts: ['YY20241203-0001', 'YY20241204-0002'] },
      'publishFinal',
      '尚有异议未办结（受理编号：YY20241203-0001、YY20241204-0002），请先办结后再发布',
    ],
    ['not twice', { ...published, campaignStatus: 'published' }, 'publishFinal', '征集活动处于“已发布”阶段，不能发布最终名单；当前只能“归档”'],
  ])('%s', (_, facts, action, reason) => {
    expect(noticeActions(center, facts)[action]).toEqual({ allowed: reason === null, reason });
  });

  it('refuses every role but the center', () => {
    for (const role of ['admin', 'unit', 'expert', 'auditor'] as const) {
      expect(noticeActions(user(role), draft)).toEqual({
        publish: { allowed: false, reason: '您没有执行此操作的权限' },
        publishFinal: { allowed: false, reason: '您没有执行此操作的权限' },
      });
    }
  });

  it('accepts a start date of today or later', () => {
    expect(noticeStartRefusal('2024-12-02', draft.now)).toBeNull();
    expect(noticeStartRefusal('2024-12-03', draft.now)).toBeNull();
  });
});
