// Issue 7 journey: the center assigns three experts (one with a conflict is refused), two experts score, the center
// decides in bulk. The data is seeded straight into a database of this file's own in-process server (the demo has
// no candidate pool), which serves the built web app.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { migrateDatabase, openPglite, type Database } from '../apps/server/src/db/client.ts';
import { assignments, reviews } from '../apps/server/src/db/schema/index.ts';
import { TEST_PASSWORD, createUnitRow, createUserRow } from '../apps/server/test/factories.ts';
import { createCandidateRow, createExpertRow, createReviewCampaignRow } from '../apps/server/test/review-factories.ts';
import { launchBrowser, tracePage } from './support/browser.ts';
import { screenshots } from './support/screenshots.ts';
import { submitLogin } from './support/accounts.ts';
import { columnHeaderEnd } from './support/layout.ts';

let browser: Browser;
let database: Database;
let close: () => Promise<void>;
let baseURL = '';
const names = { center: '', e1: '', e2: '', e3: '', conflicted: '' };
let candidateName = '';
let campaignId = '';

beforeAll(async () => {
  database = await openPglite(mkdtempSync(path.join(tmpdir(), 'zj-review-e2e-')));
  await migrateDatabase(database);
  const db = database.db;
  const unitA = await createUnitRow(db, { name: '上海市经济和信息化委员会（测试）' });
  const campaign = await createReviewCampaignRow(db, { title: '2024年社会化职业技能等级认定职业（工种）征集' });
  const c1 = await createCandidateRow(db, campaign.id, {
    units: [{ unitId: unitA.id, priority: 1 }],
    occupationCode: '4-04-05-05',
    occupationName: '人工智能训练师',
    industries: ['人工智能'],
  });
  const c2 = await createCandidateRow(db, campaign.id, {
    units: [{ unitId: unitA.id, priority: 2 }],
    occupationCode: '4-10-01-05',
    occupationName: '养老护理员',
  });
  candidateName = c1.occupationName;
  campaignId = campaign.id;
  const center = await createUserRow(db, 'center', { displayName: '崔安卓' });
  const [e1, e2, e3] = await Promise.all(['王建国', '李晓梅', '张志远'].map((name) => createExpertRow(db, { name, specialties: ['人工智能'] })));
  const conflicted = await createExpertRow(db, { name: '赵回避', unitId: unitA.id });
  Object.assign(names, {
    center: center.username,
    e1: e1!.user!.username,
    e2: e2!.user!.username,
    e3: e3!.user!.username,
    conflicted: conflicted.user!.username,
  });
  // The second candidate is already assigned and reviewed (agree × 3), so that the bulk decision has two rows.
  for (const e of [e1!, e2!, e3!]) {
    const [a] = await db.insert(assignments).values({ campaignId: campaign.id, candidateId: c2.id, expertId: e.expert.id, source: 'manual' }).returning();
    await db.insert(reviews).values({
      assignmentId: a!.id,
      scores: { strategy: 9, generality: 9, suitability: 8, demand: 9 },
      opinion: 'agree',
      status: 'submitted',
      submittedAt: new Date(),
    });
  }
  const app = await buildApp({ db, config: testConfig({ loginIpLimitPerMinute: 1000 }), serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  baseURL = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  close = async () => {
    await app.close();
    await database.close();
  };
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await close?.();
});

async function session(username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(20_000);
  context.on('page', tracePage);
  const page = await context.newPage();
  await page.goto('/login');
  await submitLogin(page, username, TEST_PASSWORD);
  await page.waitForURL((u) => u.pathname !== '/login');
  await page.getByTestId('display-name').waitFor();
  return page;
}

async function pickExpert(page: Page, name: string): Promise<void> {
  await page.getByLabel(`为${candidateName}添加专家`).click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first().click();
}

test('the center assigns three experts, a conflicted one is refused, two experts score, the center decides in bulk', async () => {
  const shot = screenshots('review');
  const center = await session(names.center);
  await center.goto('/review/board');
  await center.getByText(candidateName).waitFor();
  await shot(center, 'board-empty');
  for (const n of ['王建国', '李晓梅', '张志远']) {
    await pickExpert(center, n);
    await center.getByText('已分配').first().waitFor();
  }
  await expect
    .poll(() => center.getByTestId('assigned-expert').allInnerTexts())
    .toEqual(expect.arrayContaining([expect.stringContaining('王建国'), expect.stringContaining('李晓梅'), expect.stringContaining('张志远')]));
  await pickExpert(center, '赵回避');
  await center.getByText('专家“赵回避”所在单位“上海市经济和信息化委员会（测试）”推荐了该候选职业，须回避，不能分配；请选择其他专家').waitFor();
  await shot(center, 'board-conflict-refused');
  await center.getByRole('tab', { name: /专家组/ }).click();
  await shot(center, 'panel');

  for (const [username, opinion, score] of [
    [names.e1, '同意', '9'],
    [names.e2, '同意', '8'],
  ] as const) {
    const expert = await session(username);
    await expert.goto('/review/my');
    await expert.getByTestId('review-progress').waitFor();
    if (username === names.e1) await shot(expert, 'expert-worklist');
    await expert.getByText(candidateName).first().click();
    await expert.getByTestId('candidate-title').waitFor();
    for (const label of ['契合国家战略与本市重点产业', '社会通用性', '未来三年评价需求']) await expert.getByLabel(label, { exact: true }).fill(score);
    await expert.getByRole('checkbox', { name: '不适用' }).nth(2).check();
    await expert
      .locator('.ant-radio-button-wrapper')
      .filter({ hasText: new RegExp(`^${opinion}$`) })
      .click();
    await expert.getByLabel('评审意见').fill('人工智能训练师需求旺盛，适合社会化评价。');
    if (username === names.e1) await shot(expert, 'expert-scoring', true);
    await expert.keyboard.press('Control+Enter');
    await expert.getByText('评审已提交').first().waitFor();
    await expert.goto('/review/my');
    await expect.poll(() => expert.getByTestId('review-progress').innerText()).toContain('已提交 2 / 2');
    if (username === names.e1) await shot(expert, 'expert-done');
    await expert.context().close();
  }

  await center.goto('/review/results');
  await center.getByText('养老护理员').waitFor();
  await center.locator('.ant-table-thead .ant-checkbox-input').check();
  await center.getByRole('button', { name: /决定（已选 2）/ }).click();
  await center
    .locator('.ant-modal .ant-radio-wrapper')
    .filter({ hasText: /^入选$/ })
    .click();
  await shot(center, 'decide-dialog');
  await center.getByRole('button', { name: '确认决定' }).click();
  await center.getByText('已决定2个候选职业').waitFor();
  await expect.poll(() => center.locator('.ant-table-tbody').innerText()).not.toContain('待决定');
  // The column the clerk acts on stays in view at 1440 px, however many expert tags a row carries.
  const decision = await columnHeaderEnd(center, '决定');
  expect(decision.end).toBeLessThanOrEqual(decision.viewport);
  await shot(center, 'decided', true);
});

test('an expert whose unit changed after assignment (回避) is told why, the center sees it and replaces them', async () => {
  const shot = screenshots('review-conflict');
  const db = database.db;
  const unitB = await createUnitRow(db, { name: '上海市卫生健康委员会（测试）' });
  const c3 = await createCandidateRow(db, campaignId, {
    units: [{ unitId: unitB.id, priority: 1 }],
    occupationCode: '4-14-01-02',
    occupationName: '健康管理师',
  });
  const moved = await createExpertRow(db, { name: '钱调动' });
  await createExpertRow(db, { name: '孙替补' });
  const [a] = await db.insert(assignments).values({ campaignId, candidateId: c3.id, expertId: moved.expert.id, source: 'manual' }).returning();
  await db.insert(reviews).values({
    assignmentId: a!.id,
    scores: { strategy: 3, generality: 3, suitability: 3, demand: 3 },
    opinion: 'disagree',
    status: 'submitted',
    submittedAt: new Date(),
  });
  const loose = await createUserRow(db, 'expert', { displayName: '周未关联' });
  await createExpertRow(db, { name: '周未关联', withUser: false });
  const center = await session(names.center);
  await center.goto('/review/experts');
  // Linking an existing expert account to a pool entry.
  await center.getByLabel('为周未关联关联账号').click();
  await center.getByLabel('选择专家账号').click();
  await center.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: loose.username }).first().click();
  await shot(center, 'link-account');
  await center.locator('.ant-modal-footer .ant-btn-primary').click();
  await center.getByText(`已为周未关联关联账号“${loose.username}”`).waitFor();
  // The center moves an expert to the unit that recommended their candidate: the assignment becomes 回避.
  await center
    .getByRole('row')
    .filter({ hasText: '钱调动' })
    .getByRole('button', { name: /^编\s*辑$/ })
    .click();
  await center.getByLabel('所属推荐单位').click();
  await center.keyboard.type('卫生健康');
  await center.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '上海市卫生健康委员会（测试）' }).first().click();
  await center.locator('.ant-modal-footer .ant-btn-primary').click();
  await center.getByText('该专家所在单位推荐了其1个评审任务中的候选职业，须回避', { exact: false }).waitFor();
  await shot(center, 'expert-moved');
  await center.locator('.ant-modal-confirm .ant-btn-primary').click();

  const expert = await session(moved.user!.username);
  await expert.goto('/review/my');
  await expert.getByTestId('review-conflict').waitFor();
  await expect
    .poll(() => expert.getByTestId('review-conflict').innerText())
    .toContain('您所在单位“上海市卫生健康委员会（测试）”推荐了该候选职业，按回避规定您不能再查看或评审');
  await expert.getByText('须回避', { exact: true }).waitFor();
  await expect.poll(() => expert.getByTestId('review-progress').innerText()).toContain('已提交 0 / 0');
  await shot(expert, 'worklist');
  await expert.goto(`/review/my/${c3.id}`);
  await expert.getByText('该候选职业须回避，您不能再查看或评审').waitFor();
  await expert.getByText('您此前的评审不计入结果，市职鉴中心将另行安排专家', { exact: false }).waitFor();
  await shot(expert, 'scoring-refused');
  await expert.context().close();

  await center.goto('/review/board');
  await center.getByTestId('board-conflicts').waitFor();
  await expect.poll(() => center.getByTestId('conflicted-expert').allInnerTexts()).toEqual([expect.stringContaining('须回避 · 钱调动')]);
  await shot(center, 'board');
  await center.getByLabel('更换须回避的专家钱调动').click();
  await center.keyboard.type('孙替补');
  await center.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '孙替补' }).first().click();
  await center.getByText('已更换专家').waitFor();
  await expect.poll(() => center.getByTestId('board-conflicts').count()).toBe(0);
  await center.context().close();
});
