import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, renderPage } from '../../testing/render.tsx';
import type { MyReviews, ReviewCandidate } from './review.api.ts';
import { ReviewScoringPage } from './review-scoring-page.tsx';

const round = {
  criteria: [
    { id: 'need', name: '社会需求', description: '本市岗位需求与评价需求', weight: 60 },
    { id: 'std', name: '标准完备', description: '有无国家职业技能标准', weight: 40 },
  ],
  deadline: null,
  closedAt: null,
  closed: false,
  drawSeed: null,
  assignmentSeed: null,
  version: 1,
};

const candidate = (id: string, name: string): ReviewCandidate => ({
  candidate: {
    id,
    campaignId: 'camp',
    occupationCode: '4-10-01-05',
    occupationName: name,
    jobTypeName: '',
    standardName: name,
    standardVersion: '2019年版',
    industries: ['养老护理'],
    inShortageCatalog: true,
    expectedAssessments: 3000,
    reasons: [],
    status: 'candidate',
  },
  units: [{ unitName: '黄浦区人社局', priority: 1, expectedAssessments: 3000, industries: ['养老护理'], reason: '需求大', jobTypeName: '' }],
  reference: null,
  round,
  myReview: null,
  otherReviews: [],
  abilities: {
    manageExperts: false,
    assign: false,
    viewCandidate: true,
    saveReview: true,
    submitReview: true,
    reopenReview: false,
    viewOtherReviews: false,
    viewAggregates: false,
    decide: false,
    exportScoreSheet: false,
  },
});

const my: MyReviews = {
  campaign: { id: 'camp', title: '2024年征集' },
  expert: { id: 'e1', name: '王专家' },
  round,
  items: [
    {
      candidateId: 'c1',
      occupationCode: '4-10-01-05',
      occupationName: '养老护理员',
      jobTypeName: '',
      industries: [],
      reviewStatus: null,
      opinion: null,
      updatedAt: null,
      conflicted: false,
    },
    {
      candidateId: 'c2',
      occupationCode: '4-04-05-05',
      occupationName: '人工智能训练师',
      jobTypeName: '',
      industries: [],
      reviewStatus: null,
      opinion: null,
      updatedAt: null,
      conflicted: false,
    },
  ],
  progress: { total: 2, submitted: 0, drafts: 0, conflicted: 0 },
  conflictReason: null,
};

function renderScoring(submitAnswer: (body: unknown) => { status?: number; body?: unknown }) {
  const sent = mockApi({
    'GET /api/review/candidates/c1': { body: candidate('c1', '养老护理员') },
    'GET /api/review/candidates/c2': { body: candidate('c2', '人工智能训练师') },
    'GET /api/campaigns/camp/review/my': { body: my },
    'POST /api/review/candidates/c1/review/submit': (r) => submitAnswer(r.body),
  });
  renderPage(<ReviewScoringPage />, { url: '/review/my/c1', path: '/review/my/:candidateId' });
  return sent;
}

describe('the expert scoring page', () => {
  it('takes a score per criterion, an opinion and a comment, submits them and opens the next candidate', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const sent = renderScoring(() => ({ body: { id: 'r1', scores: {}, opinion: 'agree', comment: '', status: 'submitted', version: 1, updatedAt: '' } }));
    expect(await screen.findByText('第 1 / 2 个')).toBeTruthy();
    await user.type(screen.getByRole('spinbutton', { name: '社会需求' }), '8.5');
    const std = screen.getAllByRole('checkbox', { name: '不适用' })[1]!;
    await user.click(std);
    expect((screen.getByRole('spinbutton', { name: '标准完备' }) as HTMLInputElement).disabled).toBe(true);
    await user.click(screen.getByRole('radio', { name: '同意' }));
    await user.type(screen.getByRole('textbox', { name: '评审意见' }), '建议纳入');
    await user.click(screen.getByRole('button', { name: '提交并进入下一个' }));
    await waitFor(() =>
      expect(sent.find((r) => r.method === 'POST')?.body).toEqual({ scores: { need: 8.5, std: null }, opinion: 'agree', comment: '建议纳入' }),
    );
    expect(await screen.findByText('评审已提交')).toBeTruthy();
    expect(await screen.findByText('第 2 / 2 个')).toBeTruthy();
  });

  it('shows the server’s Chinese validation message and stays on the candidate', async () => {
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    renderScoring(() => ({ status: 400, body: { code: 'VALIDATION', message: '请选择意见：同意、不同意或待议' } }));
    await screen.findByText('第 1 / 2 个');
    await user.type(screen.getByRole('spinbutton', { name: '社会需求' }), '7');
    await user.click(screen.getByRole('button', { name: '提交并进入下一个' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('请选择意见：同意、不同意或待议')).toBeTruthy();
    expect(screen.getByText('第 1 / 2 个')).toBeTruthy();
    expect(screen.queryByText('评审已提交')).toBeNull();
  });
});
