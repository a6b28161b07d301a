import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser.ts';
import { screenshots } from './support/screenshots.ts';
import { accountOf, loginAs } from './support/accounts.ts';

import { readFile } from 'node:fs/promises';
import { makePrintCopy, makeScan } from '../apps/server/test/scans.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The data rows of the form table, in order. */
const dataRows = (page: Page) => page.locator('.ant-table-tbody tr[data-row-key]');
const cell = (row: Locator, column: number) => row.locator('td').nth(column);

/** Searches the occupation dictionary in a search select and picks the option with the given code. */
async function pickOccupation(page: Page, select: Locator, query: string, code: string): Promise<void> {
  await select.click();
  await page.keyboard.type(query);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: code }).first();
  await option.waitFor();
  await option.click();
}

async function fillRow(page: Page, index: number, industry: string, expected: string, reason: string): Promise<void> {
  const row = dataRows(page).nth(index);
  await cell(row, 7).locator('.ant-select').click();
  await page.keyboard.type(industry);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await cell(row, 8).locator('input').fill(expected);
  await cell(row, 9).locator('textarea').fill(reason);
}

/** The text of the scan match message, or '' while an upload is being read (the reader may take seconds on a busy machine). */
const matchText = (page: Page) => page.getByTestId('scan-match').textContent({ timeout: 1_000 }).then((t) => t ?? '', () => '');

const codes = async (page: Page) => (await dataRows(page).locator('td:nth-child(2) .ant-select-content, td:nth-child(2) .ant-select-selection-item').allInnerTexts()).map((t) => t.trim());

describe('a unit fills, checks, orders and submits its 推荐表', () => {
  test('three rows by search, the access-type error fixed, reorder, 定稿, print, sealed scan matched, submit', async () => {
    const shot = screenshots('form');
    const { context, page } = await newPage(browser);
    await loginAs(page, accountOf('unit'));
    await page.locator('.ant-layout-sider').getByText('推荐表填报').click();
    await page.waitForURL((u) => u.pathname === '/form');
    await page.getByTestId('form-status').waitFor();
    expect(await page.getByTestId('form-status').innerText()).toBe('填报中');
    await page.getByLabel('联系人', { exact: true }).fill('张三');
    await page.getByLabel('联系方式', { exact: true }).fill('13912345678');
    await shot(page, 'empty-form');

    const adder = page.getByTestId('add-row-search').locator('.ant-select');
    await pickOccupation(page, adder, '养老护理员', '4-10-01-05');
    await pickOccupation(page, adder, '4-04-05-05', '4-04-05-05');
    await pickOccupation(page, adder, '消防设施操作员', '4-07-05-03');
    await expect.poll(() => dataRows(page).count()).toBe(3);
    await fillRow(page, 0, '养老护理', '1200', '本市老龄化程度高，养老护理人员需求大');
    await fillRow(page, 1, '人工智能', '800', '《上海市人工智能产业发展“十四五”规划》');
    await fillRow(page, 2, '高端装备', '300', '消防安全需求');
    const accessError = cell(dataRows(page).nth(2), 1).locator('[data-finding="access_qualification"]');
    await accessError.waitFor();
    expect(await accessError.innerText()).toContain('准入类职业资格');
    await page.getByTestId('findings-summary').waitFor();
    await shot(page, 'access-type-error', true);

    await pickOccupation(page, cell(dataRows(page).nth(2), 1).locator('.ant-select'), '电子商务师', '4-01-06-01');
    await cell(dataRows(page).nth(2), 7).locator('.ant-select').click();
    await page.keyboard.press('Backspace');
    await page.keyboard.type('电子信息');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => accessError.count()).toBe(0);
    await expect.poll(() => page.locator('.ant-table-tbody [data-finding]').count(), { timeout: 10_000 }).toBe(0);
    await shot(page, 'error-fixed', true);

    await page.getByRole('button', { name: '上移第 3 行' }).click();
    await expect.poll(() => codes(page)).toEqual(['4-10-01-05', '4-01-06-01', '4-04-05-05']);
    await dataRows(page).nth(0).locator('textarea').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => codes(page)).toEqual(['4-01-06-01', '4-10-01-05', '4-04-05-05']);
    expect(await dataRows(page).locator('[data-priority]').allInnerTexts()).toEqual(['1', '2', '3']);
    await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 10_000 }).toMatch(/已保存/);
    await shot(page, 'reordered-and-saved', true);

    // Deleting a row can be undone, even after autosave stored the deletion: the row comes back at its place.
    await page.getByRole('button', { name: '删除第 2 行' }).click();
    await expect.poll(() => codes(page)).toEqual(['4-01-06-01', '4-04-05-05']);
    const undo = page.locator('.ant-notification-notice').filter({ hasText: '已删除第 2 行' });
    await undo.waitFor();
    await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 10_000 }).toMatch(/已保存/);
    await shot(page, 'row-deleted-undo-offered');
    await undo.getByRole('button', { name: /撤\s?销/ }).click();
    await expect.poll(() => codes(page)).toEqual(['4-01-06-01', '4-10-01-05', '4-04-05-05']);
    expect(await cell(dataRows(page).nth(1), 9).locator('textarea').inputValue()).toBe('本市老龄化程度高，养老护理人员需求大');
    await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 10_000 }).toMatch(/已保存/);
    await page.reload();
    await expect.poll(() => codes(page)).toEqual(['4-01-06-01', '4-10-01-05', '4-04-05-05']);
    await shot(page, 'row-restored-after-reload', true);

    // 定稿 → print → seal → scan → matched → submit, with a scan made from the downloaded print copy itself.
    await expect.poll(() => page.getByTestId('submit-form').isDisabled()).toBe(true);
    await page.getByTestId('finalize').click();
    await page.getByRole('button', { name: /^定\s?稿$/ }).last().click();
    await page.getByTestId('finalized-tag').waitFor();
    await page.getByTestId('finalized-banner').waitFor();
    expect(await page.getByTestId('submit-blocker').innerText()).toContain('加盖公章的扫描件');
    await shot(page, 'finalized', true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-final-pdf').click()]);
    const printCopy = await readFile((await download.path())!);
    expect(printCopy.subarray(0, 5).toString()).toBe('%PDF-');

    // A scan of somebody else's form is refused, and nothing is attached.
    const foreign = await makeScan(await makePrintCopy(), { format: 'jpeg', grey: true });
    await page.locator('input[type=file]').setInputFiles({ name: '别的推荐表.jpg', mimeType: 'image/jpeg', buffer: foreign });
    await expect.poll(() => matchText(page), { timeout: 90_000 }).toContain('属于另一份推荐表');
    expect(await page.getByTestId('scan-match-tag').count()).toBe(0);
    await shot(page, 'scan-mismatch');

    const scan = await makeScan(printCopy, { format: 'pdf', dpi: 150, rotateDeg: 1.5, grey: true, noise: 25 });
    await page.locator('input[type=file]').setInputFiles({ name: '推荐表（盖章）.pdf', mimeType: 'application/pdf', buffer: scan });
    await expect.poll(() => matchText(page), { timeout: 90_000 }).toContain('扫描件与第 1 版定稿一致');
    await page.getByTestId('scan-match-tag').waitFor();
    await shot(page, 'scan-matched');
    await page.getByRole('button', { name: '查看扫描件' }).click();
    await page.locator('.ant-modal object[type="application/pdf"]').waitFor();
    await shot(page, 'scan-viewer');
    await page.keyboard.press('Escape');

    await expect.poll(() => page.getByTestId('submit-form').isDisabled()).toBe(false);
    await page.getByTestId('submit-form').click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await expect.poll(() => page.getByTestId('form-status').innerText(), { timeout: 15_000 }).toBe('已提交');
    await page.getByText('校验码').first().waitFor();
    await shot(page, 'submitted', true);
    await context.close();
  }, 300_000); // two scans are read on the way; on a shared 2-core machine that alone can take a minute
});
