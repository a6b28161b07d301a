import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@zhengji/domain';
import { noticeActions, type NoticeActionFacts } from '@zhengji/domain/notice/notice.actions.ts';
import type { NoticeView } from '@zhengji/domain/notice/notice.schemas.ts';
import { mockApi, renderPage } from '../../testing/render.tsx';
import { NoticePage } from './notice-page.tsx';

const center: Actor = { kind: 'user', userId: 'u1', username: 'center', role: 'center', unitId: null };
const item = {
  seq: 1,
  candidateId: 'k1',
  occupationCode: '4-10-01-05',
  occupationName: '养老护理员',
  jobTypeName: '',
  standardName: '养老护理员',
  standardVersion: '2019年版',
  industries: ['养老护理'],
  recommendingUnits: ['黄浦区人社局'],
};

/** A notice as the server presents it, its `actions` computed by the domain from the given facts. */
function notice(facts: Partial<NoticeActionFacts>): NoticeView {
  const all: NoticeActionFacts = {
    now: new Date('2024-12-02T10:00:00+08:00'),
    noticeStatus: 'draft',
    campaignStatus: 'reviewing',
    startDate: '2024-12-02',
    endDate: '2024-12-06',
    undecidedCandidates: 0,
    selectedCandidates: 1,
    openObjectionReceipts: [],
    ...facts,
  };
  const published = all.noticeStatus === 'published';
  return {
    id: 'n1',
    campaignId: 'c1',
    campaignTitle: '2024年度征集',
    title: '2024年度职业（工种）公示',
    body: '',
    docNo: '',
    startDate: all.startDate,
    endDate: all.endDate,
    dayOverrides: {},
    status: all.noticeStatus,
    items: [item],
    snapshotHash: published ? 'a'.repeat(64) : null,
    publishedAt: published ? '2024-12-02T02:00:00.000Z' : null,
    version: 2,
    objectionCounts: { total: all.openObjectionReceipts.length, open: all.openObjectionReceipts.length },
    abilities: { update: !published, publish: !published, publishFinal: published, exportDossier: true },
    actions: noticeActions(center, all),
  };
}

function page(n: NoticeView) {
  const campaign = {
    id: 'c1',
    title: '2024年度征集',
    docNo: 'x',
    status: n.status === 'draft' ? 'reviewing' : 'publicizing',
    selectedCount: 1,
    noticeId: 'n1',
    noticeStatus: n.status,
    finalPublished: false,
  };
  const sent = mockApi({
    'GET /api/notice-campaigns': { body: [campaign] },
    'GET /api/notices/n1': { body: n },
    'GET /api/notices/n1/objections': { body: [] },
    'GET /api/notices/period': { body: { endDate: n.endDate, workingDays: [], uncoveredDays: [] } },
    'POST /api/campaigns/c1/final-list': { status: 201, body: {} },
    'POST /api/notices/n1/publish': { body: n },
  });
  renderPage(<NoticePage />, { url: '/notices', path: '/notices' });
  return sent;
}

describe('NoticePage: publishing that cannot succeed', () => {
  it('disables 发布公示 with the reason while candidates are undecided, and opens no confirmation', async () => {
    const sent = page(notice({ undecidedCandidates: 3 }));
    const button = await screen.findByTestId('notice-publish');
    expect(button).toHaveProperty('disabled', true);
    expect(screen.getByTestId('notice-publish-reason').textContent).toBe('尚有3个候选职业未作出是否入选的决定');
    await userEvent.click(button, { pointerEventsCheck: 0 });
    expect(screen.queryByText('发布公示？')).toBeNull();
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('disables 发布最终名单 while the notice period runs, naming its last day', async () => {
    page(notice({ noticeStatus: 'published', campaignStatus: 'publicizing' }));
    const button = await screen.findByTestId('final-publish');
    expect(button).toHaveProperty('disabled', true);
    expect(screen.getByTestId('final-publish-reason').textContent).toBe('公示期至2024年12月6日结束，公示期满后方可发布最终名单');
  });

  it('disables 发布最终名单 while objections are open, naming their receipts', async () => {
    page(
      notice({
        noticeStatus: 'published',
        campaignStatus: 'publicizing',
        now: new Date('2024-12-09T09:00:00+08:00'),
        openObjectionReceipts: ['YY20241203-0001'],
      }),
    );
    expect(await screen.findByTestId('final-publish')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('final-publish-reason').textContent).toBe('尚有异议未办结（受理编号：YY20241203-0001），请先办结后再发布');
  });

  it('confirms and publishes the final list once it can succeed', async () => {
    const sent = page(notice({ noticeStatus: 'published', campaignStatus: 'publicizing', now: new Date('2024-12-09T09:00:00+08:00') }));
    const button = await screen.findByTestId('final-publish');
    expect(button).toHaveProperty('disabled', false);
    expect(screen.queryByTestId('final-publish-reason')).toBeNull();
    await userEvent.click(button);
    await userEvent.click(await screen.findByRole('button', { name: '确认发布' }));
    await waitFor(() => expect(sent.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/campaigns/c1/final-list']));
  });
});
