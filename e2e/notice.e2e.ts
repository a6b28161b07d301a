import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { openTestDatabase, recordingMailer, testClock } from '../apps/server/test/test-app.ts';
import { TEST_PASSWORD, createUserRow } from '../apps/server/test/factories.ts';
import { createCampaignRow, createCandidates } from '../apps/server/test/notice-factories.ts';
import { launchBrowser, tracePage } from './support/browser.ts';
import { screenshots } from './support/screenshots.ts';
import { submitLogin } from './support/accounts.ts';

// This journey moves the server's clock past the notice period, so it runs its own in-process server (same app,
// same built web) on a movable clock and a fresh database, instead of the shared server of the global setup.
const clock = testClock('2024-10-08T10:00:00+08:00');
let browser: Browser;
let baseURL = '';
let close: () => Promise<void>;
let center = { username: '' };
let campaignId = '';
let target = { name: '', jobType: '' };

beforeAll(async () => {
  const database = await openTestDatabase();
  const config = testConfig({ loginIpLimitPerMinute: 10_000, sessionIdleMinutes: 1_000_000, sessionAbsoluteHours: 100_000 });
  const app = await buildApp({ db: database.db, config, clock, mailer: recordingMailer(), serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  baseURL = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  close = async () => {
    await app.close();
    await database.close();
  };
  center = await createUserRow(database.db, 'center');
  const campaign = await createCampaignRow(database.db, { title: '2024年社会化职业技能等级认定职业（工种）征集' });
  campaignId = campaign.id;
  const cands = await createCandidates(database.db, campaign.id, 3);
  target = { name: cands[1]!.occupationName, jobType: cands[1]!.jobTypeName };
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await close?.();
});

async function context(phone: boolean): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: phone ? { width: 390, height: 844 } : { width: 1440, height: 900 },
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
    acceptDownloads: true,
  });
  ctx.setDefaultTimeout(20_000);
  ctx.on('page', tracePage);
  return ctx;
}

test('notice → objection on a phone → reply and withdrawal → final list → the visitor reads the reply', async () => {
  const shot = screenshots('notice');
  const staff = await context(false);
  const desk = await staff.newPage();
  const focusedText = () => desk.evaluate(() => document.activeElement?.textContent ?? '');
  await desk.goto('/login');
  await submitLogin(desk, center.username, TEST_PASSWORD);
  await desk.getByTestId('display-name').waitFor();
  // A deadline moved into the past asks first (cancel focused), with what it means for the units.
  await desk.goto(`/campaigns/${campaignId}`);
  await desk.getByRole('button', { name: '编辑通知内容' }).click();
  await desk.locator('#deadline').click();
  await desk.locator('#deadline').fill('2024-10-01');
  await desk.keyboard.press('Enter');
  await desk
    .locator('.ant-modal')
    .getByRole('button', { name: /保\s*存/ })
    .click();
  const pastDeadline = desk.locator('.ant-modal-confirm');
  await pastDeadline.getByText('新的截止日期2024年10月1日已过').waitFor();
  await expect.poll(focusedText).toMatch(/取\s*消/);
  await shot(desk, 'center-past-deadline-confirm');
  await pastDeadline.getByRole('button', { name: /取\s*消/ }).click();
  await pastDeadline.waitFor({ state: 'detached' });
  await desk
    .locator('.ant-modal')
    .filter({ hasText: '编辑征集活动' })
    .getByRole('button', { name: /取\s*消/ })
    .click();
  expect(await desk.getByText('截止 2024年10月22日').count()).toBe(1);
  // The campaign's 开始公示 button does not change the phase: it says where publicity starts and leads there.
  await desk.getByTestId('phase-startPublicity').click();
  const explain = desk.locator('.ant-modal-confirm');
  await explain.getByText('公示不能直接开始').waitFor();
  await expect.poll(focusedText).toMatch(/关\s*闭/);
  await shot(desk, 'center-phase-start-publicity');
  await explain.getByRole('button', { name: '前往“公示与发布”' }).click();
  await desk.waitForURL('**/notices');
  await desk.getByTestId('notice-start').fill('2024-10-08');
  await desk.getByTestId('notice-default-end').getByText('默认结束日期为 2024年10月12日', { exact: false }).waitFor();
  await desk.getByTestId('notice-save').click();
  await desk.getByTestId('notice-publish').waitFor();
  await shot(desk, 'center-draft-preview');
  await desk.getByTestId('notice-publish').click();
  const publishSummary = await desk.getByTestId('notice-publish-summary').innerText();
  expect(publishSummary).toContain('共 3 项职业（工种），公示期2024年10月8日至2024年10月12日');
  await expect.poll(focusedText).toMatch(/取\s*消/);
  await shot(desk, 'center-publish-confirm');
  await desk.locator('.ant-modal-confirm').getByRole('button', { name: '确认发布' }).click();
  await expect.poll(() => desk.getByTestId('notice-status').innerText()).toBe('已发布');
  // 发布最终名单 cannot succeed during the notice period: disabled with the reason, not refused after its confirmation.
  expect(await desk.getByTestId('final-publish').isDisabled()).toBe(true);
  expect(await desk.getByTestId('final-publish-reason').innerText()).toBe('公示期至2024年10月12日结束，公示期满后方可发布最终名单');
  await shot(desk, 'center-published');

  const visitorCtx = await context(true);
  const phone = await visitorCtx.newPage();
  await phone.goto('/public');
  await shot(phone, 'phone-index');
  await phone.getByRole('link', { name: /公示/ }).filter({ hasNotText: '公示公告' }).first().click();
  await phone.getByText('公示期为2024年10月8日至2024年10月12日').waitFor();
  await shot(phone, 'phone-notice', true);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.getByRole('link', { name: '提出异议' }).last().click();
  const optionLabel = await phone
    .locator('#itemId option')
    .filter({ hasText: target.jobType || target.name })
    .first()
    .innerText();
  await phone.selectOption('#itemId', { label: optionLabel });
  await phone.fill('#name', '张三');
  await phone.fill('#phone', '13812345678');
  await phone.fill('#grounds', '<script>alert("x")</script>该工种已在本市开展认定。');
  const question = await phone.locator('label[for=challengeAnswer]').innerText();
  const [, a, b] = /(\d+) 加 (\d+)/.exec(question)!;
  await phone.fill('#challengeAnswer', String(Number(a) + Number(b)));
  await shot(phone, 'phone-objection-form', true);
  await phone.getByRole('button', { name: '提交异议' }).click();
  const receiptNo = (await phone.getByTestId('receipt-no').innerText()).trim();
  const queryCode = (await phone.getByTestId('query-code').innerText()).trim();
  await shot(phone, 'phone-receipt');

  await desk.reload();
  await desk.getByTestId('objection-list').getByText(receiptNo).waitFor();
  expect(await desk.getByTestId('objection-list').innerText()).toContain('张**');
  await shot(desk, 'center-objections-masked');
  await desk.getByTestId('objection-list').getByRole('button', { name: '处理' }).click();
  await expect.poll(() => desk.getByTestId('objection-grounds').innerText()).toContain('<script>alert("x")</script>');
  await desk.getByTestId('objection-accept').click();
  await desk.getByTestId('objection-investigate').click();
  // The conclusion opens with nothing chosen; 办结 waits for both choices.
  const concludeForm = desk.getByTestId('objection-conclude-form');
  await concludeForm.waitFor();
  expect(await concludeForm.locator('input[type=radio]:checked').count()).toBe(0);
  expect(await desk.getByTestId('objection-conclude').isDisabled()).toBe(true);
  await concludeForm.getByText('异议成立', { exact: true }).click();
  await concludeForm.getByText('撤销该职业（工种）', { exact: true }).click();
  await desk.getByTestId('objection-reply').fill('经核实，该工种已在本市开展社会化认定，异议成立，予以撤销。');
  await shot(desk, 'center-objection-conclude');
  await desk.getByTestId('objection-conclude').click();
  const summary = desk.getByTestId('objection-conclude-summary');
  expect(await summary.innerText()).toMatch(new RegExp(`撤销“\\d+\\. .*${target.jobType || target.name}`));
  expect(await summary.innerText()).toContain('该项不列入最终名单');
  await expect.poll(focusedText).toMatch(/取\s*消/);
  await shot(desk, 'center-objection-confirm');
  // Cancel is harmless: the objection is still being investigated.
  await desk
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /取\s*消/ })
    .click();
  await summary.waitFor({ state: 'detached' });
  expect(await desk.locator('.ant-drawer').getByText('调查核实中').count()).toBeGreaterThan(0);
  await desk.getByTestId('objection-conclude').click();
  await desk.locator('.ant-modal-confirm').getByRole('button', { name: '确认办结并撤销' }).click();
  await desk.locator('.ant-drawer').getByText('撤销该职业（工种）').last().waitFor();
  await desk.locator('.ant-drawer').getByText('已办结').waitFor();
  await shot(desk, 'center-objection-concluded');
  await desk.keyboard.press('Escape');

  clock.set('2024-10-13T10:00:00+08:00');
  await desk.reload();
  await desk.getByTestId('final-publish').click();
  const finalSummary = await desk.getByTestId('final-publish-summary').innerText();
  expect(finalSummary).toContain('公示的 3 项中，列入最终名单 2 项，撤销 1 项');
  expect(finalSummary).toContain(target.jobType || target.name);
  await expect.poll(focusedText).toMatch(/取\s*消/);
  await shot(desk, 'center-final-confirm');
  await desk.locator('.ant-modal-confirm').getByRole('button', { name: '确认发布' }).click();
  await desk.getByTestId('final-summary').waitFor();
  expect(await desk.getByTestId('final-summary').innerText()).toContain('撤销 1 项');
  await shot(desk, 'center-final-published');

  await phone.goto(`/public/final/${campaignId}`);
  const finalTable = phone.locator('table.list').first();
  await finalTable.waitFor();
  expect(await finalTable.innerText()).not.toContain(target.jobType || target.name);
  expect(await phone.locator('table.list').nth(1).innerText()).toContain(receiptNo);
  await shot(phone, 'phone-final-list', true);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await phone.goto('/public/objections/query');
  await phone.fill('#receiptNo', receiptNo);
  await phone.fill('#queryCode', queryCode);
  await phone.getByRole('button', { name: '查询' }).click();
  await expect.poll(() => phone.getByTestId('objection-reply').innerText()).toContain('异议成立，予以撤销');
  expect(await phone.getByTestId('objection-status').innerText()).toBe('已办结');
  await shot(phone, 'phone-query-reply');
  await staff.close();
  await visitorCtx.close();
});
