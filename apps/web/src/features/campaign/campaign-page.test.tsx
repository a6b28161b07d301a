import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_POLICY_ACTIONS, allowedCampaignActions, campaignActions, type Actor, type CampaignFacts, type CampaignStatus } from '@zhengji/domain';
import { mockApi, renderPage } from '../../testing/render.tsx';
import type { Campaign } from './campaign.api.ts';
import { CampaignPage } from './campaign-page.tsx';

const center: Actor = { kind: 'user', userId: 'u1', username: 'center', role: 'center', unitId: null };

/** A campaign as the server presents it, its `actions` computed by the domain from the given facts. */
function campaign(status: CampaignStatus, facts: Partial<CampaignFacts> = {}): Campaign {
  const all: CampaignFacts = { now: new Date('2024-10-23T09:00:00+08:00'), deadline: '2024-10-22', rosterSize: 2, ...facts };
  return {
    id: 'c1',
    year: 2024,
    title: '2024年度征集',
    docNo: '沪人社职〔2024〕319号',
    issuer: '上海市人力资源和社会保障局',
    issueDate: '2024-09-25',
    opensAt: null,
    deadline: '2024-10-22',
    deadlineLabel: '2024年10月22日',
    contactName: null,
    contactPhone: null,
    contactEmail: null,
    conditionsText: '',
    workflowText: '',
    requirementsText: '',
    instructions: [],
    industryTags: [],
    referenceVersions: {},
    status,
    shownStatus: status,
    version: 3,
    rosterSize: 2,
    allowedActions: allowedCampaignActions(status),
    abilities: Object.fromEntries(CAMPAIGN_POLICY_ACTIONS.map((a) => [a, true])) as Campaign['abilities'],
    actions: campaignActions(center, status, all),
    updatedAt: '2024-10-01T00:00:00.000Z',
  };
}

const roster = { entries: [], counts: { not_started: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 }, total: 0 };

describe('CampaignPage: phase buttons that cannot succeed', () => {
  it('disables 开始专家评估 with the reason while forms are unchecked, and confirms nothing', async () => {
    const sent = mockApi({
      'GET /api/campaigns/c1': { body: campaign('closed', { uncheckedForms: 2, candidateCount: 5 }) },
      'GET /api/campaigns/c1/roster': { body: roster },
      'POST /api/campaigns/c1/transitions': { body: campaign('reviewing') },
    });
    renderPage(<CampaignPage />, { url: '/campaigns/c1', path: '/campaigns/:id' });
    const start = await screen.findByRole('button', { name: '开始专家评估' });
    expect(start).toHaveProperty('disabled', true);
    expect(screen.getByTestId('phase-reason-startReview').textContent).toBe('开始专家评估：尚有2份推荐表未完成材料核验，请先受理或退回');
    expect(start.getAttribute('aria-describedby')).toBe('phase-reason-startReview');
    await userEvent.click(start, { pointerEventsCheck: 0 });
    expect(screen.queryByText('确定要开始专家评估吗？')).toBeNull();
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('still confirms and sends a transition that can succeed', async () => {
    const sent = mockApi({
      'GET /api/campaigns/c1': { body: campaign('closed', { uncheckedForms: 0, candidateCount: 5 }) },
      'GET /api/campaigns/c1/roster': { body: roster },
      'POST /api/campaigns/c1/transitions': { body: campaign('reviewing') },
    });
    renderPage(<CampaignPage />, { url: '/campaigns/c1', path: '/campaigns/:id' });
    const start = await screen.findByRole('button', { name: '开始专家评估' });
    expect(start).toHaveProperty('disabled', false);
    expect(screen.queryByTestId('phase-reason-startReview')).toBeNull();
    await userEvent.click(start);
    await userEvent.click(await screen.findByRole('button', { name: '确 定' }));
    await waitFor(() =>
      expect(sent.filter((r) => r.method === 'POST')).toEqual([
        { method: 'POST', path: '/api/campaigns/c1/transitions', body: { action: 'startReview', version: 3 } },
      ]),
    );
  });

  it('disables 截止征集 with its reason before the deadline, while 提醒 is allowed', async () => {
    mockApi({
      'GET /api/campaigns/c1': { body: campaign('open', { now: new Date('2024-10-15T10:00:00+08:00') }) },
      'GET /api/campaigns/c1/roster': { body: roster },
    });
    renderPage(<CampaignPage />, { url: '/campaigns/c1', path: '/campaigns/:id' });
    expect(await screen.findByRole('button', { name: '截止征集' })).toHaveProperty('disabled', true);
    expect(screen.getByTestId('phase-reason-close').textContent).toBe('截止征集：截止日期2024年10月22日尚未到达，截止日后方可截止征集');
    expect(screen.getByRole('button', { name: '提醒尚未提交的单位' })).toHaveProperty('disabled', false);
  });

  it('says why reminders are off once the deadline has passed', async () => {
    mockApi({ 'GET /api/campaigns/c1': { body: campaign('open') }, 'GET /api/campaigns/c1/roster': { body: roster } });
    renderPage(<CampaignPage />, { url: '/campaigns/c1', path: '/campaigns/:id' });
    expect(await screen.findByRole('button', { name: '提醒尚未提交的单位' })).toHaveProperty('disabled', true);
    expect(screen.getByTestId('reminders-reason').textContent).toBe('征集已过截止日期，无需再发送提醒');
    expect(screen.getByRole('button', { name: '截止征集' })).toHaveProperty('disabled', false);
  });
});
