import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser.ts';
import { screenshots } from './support/screenshots.ts';
import { accountOf, loginAs } from './support/accounts.ts';
import { apiSession, saveFinalizeSubmit } from './support/api-session.ts';
import { AI_TRAINER, ELDER_CARE } from './support/demo-rows.ts';
import { columnHeaderEnd } from './support/layout.ts';

const AI_LABELER = { ...AI_TRAINER, inShortageCatalog: true, jobTypeName: '数据标注员', expectedAssessments: 300, reason: '数据标注岗位需求快速增长' };

/** Fills, uploads the sealed scan and submits the unit's form in the demo campaign; answers the form id. */
async function submitAs(username: string, rows: unknown[]): Promise<string> {
  const call = await apiSession(username);
  const form = await call<{ id: string; version: number; status: string }>('GET', '/api/forms/mine');
  if (form.status === 'submitted' || form.status === 'accepted') return form.id;
  await saveFinalizeSubmit(call, form, { contactName: '王五', contactPhone: '021-12345678', fillDate: null }, rows);
  return form.id;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('center journey', () => {
  test('open the campaign, watch units submit, check, return one, accept one, see the pool and the statistics', async () => {
    const shot = screenshots('center');
    const { page } = await newPage(browser);
    await loginAs(page, accountOf('center'));
    await page.goto('/campaigns');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'campaigns');
    await page.locator('.ant-table-row a').first().click();
    await page.getByText('填报进度', { exact: true }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'roster-before');

    const returned = await submitAs('jingxin', [AI_LABELER]);
    const accepted = await submitAs('minzheng', [ELDER_CARE, AI_TRAINER]);
    await page.reload();
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByRole('combobox').nth(0).click();
    await page.locator('.ant-select-item-option', { hasText: '已提交' }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'roster-submitted');

    await page.goto('/checks');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'check-queue');

    // Opening the check page only reads: the unit keeps 撤回 until the clerk clicks 开始核验 (and confirms).
    await page.goto(`/checks/${returned}`);
    await page.getByText('盖章扫描件').first().waitFor();
    expect(await page.getByTestId('check-scan-match').innerText()).toContain('二维码已匹配：扫描件为第 1 版定稿');
    await page.getByText('校验码').first().waitFor();
    await page.getByText('尚未开始核验').waitFor();
    expect(await page.getByRole('button', { name: /退\s?回/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /受\s?理/ }).isDisabled()).toBe(true);
    expect(await page.getByLabel('第1行结论').isDisabled()).toBe(true);
    const unit = await apiSession('jingxin');
    expect((await unit<{ checkingStartedAt: string | null }>('GET', '/api/forms/mine')).checkingStartedAt).toBeNull();
    await shot(page, 'check-page-not-started');
    await page.getByRole('button', { name: '开始核验' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByText('不能再撤回').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent?.replace(/\s/g, ''))).toBe('取消');
    await shot(page, 'start-check-confirm');
    await confirm.getByRole('button', { name: '开始核验' }).click();
    await expect.poll(() => page.getByText('尚未开始核验').count()).toBe(0);
    expect((await unit<{ checkingStartedAt: string | null }>('GET', '/api/forms/mine')).checkingStartedAt).not.toBeNull();
    await shot(page, 'check-page');
    // The decision column is in view at 1440 px without scrolling the table sideways.
    const decision = await columnHeaderEnd(page, '核验结论');
    expect(decision.end).toBeLessThanOrEqual(decision.viewport);
    await page
      .getByRole('button', { name: /退\s?回/ })
      .first()
      .click();
    await page.getByLabel('退回理由').fill('扫描件未加盖单位公章，请盖章后重新上传');
    await shot(page, 'return-dialog');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /退\s?回/ })
      .click();
    const returnSummary = page.getByTestId('return-summary');
    await returnSummary.waitFor();
    expect(await returnSummary.innerText()).toMatch(/退回理由：扫描件未加盖单位公章[\s\S]*重新提交时限：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}前[\s\S]*通知/);
    expect(await page.evaluate(() => document.activeElement?.textContent?.replace(/\s/g, ''))).toBe('取消');
    await shot(page, 'return-confirm');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认退回' }).click();
    await page.getByText('已退回：扫描件未加盖单位公章').waitFor();
    await shot(page, 'returned');

    await page.goto(`/checks/${accepted}`);
    await page.getByText('盖章扫描件').first().waitFor();
    await page.getByRole('button', { name: '开始核验' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '开始核验' }).click();
    await expect.poll(() => page.getByText('尚未开始核验').count()).toBe(0);
    await page.getByLabel('第2行结论').click();
    await page.locator('.ant-select-item-option', { hasText: '不通过' }).click();
    expect(await page.getByRole('button', { name: /受\s?理/ }).isDisabled()).toBe(true);
    await page.getByText('第 2 行不通过须选择原因').waitFor();
    await shot(page, 'accept-blocked-reason');
    await page.getByLabel('第2行结论').click();
    await page.locator('.ant-select-item-option', { hasText: /^通过$/ }).click();
    await page.getByRole('button', { name: /受\s?理/ }).click();
    const acceptSummary = page.getByTestId('accept-summary');
    await acceptSummary.waitFor();
    expect(await acceptSummary.innerText()).toMatch(/共 2 个职业（工种）：通过 2 个[\s\S]*不通过 0 个[\s\S]*通知[\s\S]*不能撤销/);
    expect(await page.evaluate(() => document.activeElement?.textContent?.replace(/\s/g, ''))).toBe('取消');
    await shot(page, 'accept-confirm');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认受理' }).click();
    await expect.poll(() => page.getByText('已受理').count()).toBeGreaterThan(0);
    await shot(page, 'accepted');

    await page.goto('/pool');
    await page.getByRole('button', { name: /生成/ }).click();
    await page.locator('.ant-table-row').first().waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'pool', true);

    await page.goto('/statistics');
    await page.locator('canvas').first().waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'statistics', true);

    await page.goto('/outbox');
    await page.locator('.ant-table').first().waitFor();
    await shot(page, 'outbox');
  });
});
