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
/** The field of a row (form-row-fields.tsx marks each with data-field). */
const field = (row: Locator, name: string) => row.locator(`[data-field="${name}"]`);

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
  await field(row, 'industries').locator('.ant-select').click();
  await page.keyboard.type(industry);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await field(row, 'expectedAssessments').locator('input').fill(expected);
  await field(row, 'reason').locator('textarea').fill(reason);
}

/** The text of the scan match message, or '' while an upload is being read (the reader may take seconds on a busy machine). */
const matchText = (page: Page) =>
  page
    .getByTestId('scan-match')
    .textContent({ timeout: 1_000 })
    .then(
      (t) => t ?? '',
      () => '',
    );

const codes = async (page: Page) =>
  (
    await dataRows(page).locator('[data-field="occupationCode"] .ant-select-content, [data-field="occupationCode"] .ant-select-selection-item').allInnerTexts()
  ).map((t) => t.trim());

/**
 * What a person would have to scroll sideways to, or could not click: every fillable control of the rows must lie
 * inside the window and inside the visible part of every scrolling container, and be what a click at its centre hits
 * (no fixed column over it); neither the page nor the table may be wider than its box.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) {
      const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter(
        (e) => e.getBoundingClientRect().right > doc.clientWidth + 1 && ![...e.children].some((c) => c.getBoundingClientRect().right > doc.clientWidth + 1),
      );
      problems.push(
        `page ${String(doc.scrollWidth)} > ${String(doc.clientWidth)}: ${wide
          .slice(0, 5)
          .map((e) => `${e.tagName}.${e.className}`)
          .join(' | ')}`,
      );
    }
    for (const box of document.querySelectorAll<HTMLElement>(
      '.zj-form-rows .ant-table-content, .zj-form-rows .ant-table-body, .zj-form-rows .ant-table-container',
    )) {
      if (box.scrollWidth > box.clientWidth + 1) problems.push(`table ${String(box.scrollWidth)} > ${String(box.clientWidth)}`);
    }
    const controls = [...document.querySelectorAll<HTMLElement>('tr[data-row-key] [data-field]')];
    for (const fieldBox of controls) {
      const el = fieldBox.querySelector<HTMLElement>('.ant-select, input, textarea');
      if (!el) continue;
      const name = `${fieldBox.closest('tr')?.dataset.rowKey ?? ''}/${fieldBox.dataset.field ?? ''}`;
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const b = el.getBoundingClientRect();
      if (b.left < 0 || b.right > window.innerWidth + 0.5) problems.push(`${name} outside the window (${String(b.left)}–${String(b.right)})`);
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (p.scrollLeft !== 0) problems.push(`${name}: a container scrolled sideways to reach it`);
      }
      const hit = document.elementFromPoint(b.left + Math.min(b.width / 2, 30), b.top + Math.min(b.height / 2, 14));
      if (!hit || !(el.contains(hit) || fieldBox.contains(hit))) problems.push(`${name} covered by ${hit?.className ?? 'nothing'}`);
    }
    window.scrollTo(0, 0);
    return problems;
  });
}

/** The open dropdown lies inside the window. */
async function dropdownInside(page: Page): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:visible').last();
  await dropdown.waitFor();
  await page.waitForTimeout(300);
  const box = (await dropdown.boundingBox())!;
  const size = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width + 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height + 0.5);
}

describe('the editor fits the screen (issue 14)', () => {
  test('1280×800, 1440×900 and a phone: no sideways scrolling, nothing covered, dropdowns inside; suggestions, changed values, errors first, submit blocked', async () => {
    const shot = screenshots('form-fit');
    const { context, page } = await newPage(browser);
    await page.setViewportSize({ width: 1280, height: 800 });
    await loginAs(page, accountOf('unit'));
    await page.goto('/form');
    await page.getByTestId('form-status').waitFor();
    const adder = page.getByTestId('add-row-search').locator('.ant-select');
    // By the name of its national standard: 眼镜验光员 finds the occupation 眼镜验光师.
    await pickOccupation(page, adder, '眼镜验光员', '4-14-03-03');
    await pickOccupation(page, adder, '养老护理员', '4-10-01-05');
    await pickOccupation(page, adder, '人工智能训练师', '4-04-05-05');
    await expect.poll(() => dataRows(page).count()).toBe(3);
    expect(await field(dataRows(page).nth(0), 'occupationName').locator('input').inputValue()).toBe('眼镜验光师');

    // A free-text industry close to a tag is offered the tag; nothing changes until the unit accepts.
    const first = dataRows(page).nth(0);
    await field(first, 'industries').locator('.ant-select').click();
    await dropdownInside(page);
    await page.keyboard.type('养老');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const offer = first.getByTestId('industry-suggestion');
    await offer.waitFor();
    expect(await offer.innerText()).toContain('养老护理');
    expect(await field(first, 'industries').locator('.ant-select-selection-item-content').allInnerTexts()).toEqual(['养老']);
    await shot(page, 'industry-suggestion-1280');
    await offer.getByRole('button', { name: /改为/ }).click();
    await expect.poll(() => field(first, 'industries').locator('.ant-select-selection-item-content').allInnerTexts()).toEqual(['养老护理']);

    // 0 stays 0 and is an error of the rules; 1.5 is kept on the screen and reported, never rounded; １２ is read as 12, said so.
    const expected = (i: number) => field(dataRows(page).nth(i), 'expectedAssessments');
    await expected(0).locator('input').fill('0');
    await expected(1).locator('input').fill('1.5');
    await expected(2).locator('input').fill('１２');
    await expect
      .poll(() => dataRows(page).nth(0).locator('[data-field="expectedAssessments"][data-finding="expected_invalid"]').count(), { timeout: 10_000 })
      .toBe(1);
    expect(await expected(0).locator('input').inputValue()).toBe('0');
    expect(await expected(1).locator('input').inputValue()).toBe('1.5');
    await expect.poll(() => dataRows(page).nth(1).locator('[data-finding="input_changed"]').innerText()).toContain('“1.5”不是不小于 1 的整数，未保存');
    await expect.poll(() => dataRows(page).nth(2).locator('[data-finding="input_changed"]').innerText()).toContain('已按 12 保存');

    // The summary lists every error before any warning; 提交 is disabled and says why.
    const severities = await page
      .getByTestId('findings-list')
      .locator('[data-severity]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.severity));
    expect(severities.length).toBeGreaterThan(2);
    expect(severities.indexOf('warning') === -1 || severities.lastIndexOf('error') < severities.indexOf('warning')).toBe(true);
    expect(await page.getByTestId('submit-form').isDisabled()).toBe(true);
    expect(await page.getByTestId('submit-reason').innerText()).toMatch(/不能提交：还有 \d+ 处错误须修改后才能提交/);
    await page.getByTestId('submit-form').hover({ force: true });
    await shot(page, 'errors-first-submit-blocked-1280');

    for (const [width, height] of [
      [1280, 800],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(400);
      expect(await layoutProblems(page)).toEqual([]);
      // The sticky header stays below the top bar when the rows scroll under it.
      await page.evaluate(() => {
        const table = document.querySelector('.zj-form-rows')!.getBoundingClientRect();
        window.scrollBy(0, table.top - 56 + 120);
      });
      await page.waitForTimeout(400);
      const bar = (await page.locator('.zj-header').boundingBox())!;
      const head = (await page.locator('.zj-form-rows .ant-table-thead').first().boundingBox())!;
      expect(Math.abs(head.y - (bar.y + bar.height))).toBeLessThan(1.5);
      const onTop = await page.evaluate(([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('.ant-table-thead'), [head.x + 30, head.y + head.height / 2]);
      expect(onTop).toBe(true);
      await shot(page, `sticky-header-${String(width)}`);
      // The last row's industry dropdown and its occupation search open inside the window.
      const last = dataRows(page).nth(2);
      await field(last, 'industries').locator('.ant-select').click();
      await dropdownInside(page);
      await shot(page, `industry-dropdown-${String(width)}`);
      await page.keyboard.press('Escape');
      await field(last, 'occupationCode').locator('.ant-select').click();
      await page.keyboard.type('电工');
      await dropdownInside(page);
      await page.keyboard.press('Escape');
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, `rows-${String(width)}x${String(height)}`, true);
    }

    // A phone: the fields stack, nothing is wider than the screen, dropdowns stay on it.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(600);
    await shot(page, 'phone-top');
    expect(await layoutProblems(page)).toEqual([]);
    await field(dataRows(page).nth(0), 'occupationCode').locator('.ant-select').click();
    await page.keyboard.type('养老');
    await dropdownInside(page);
    await shot(page, 'phone-occupation-dropdown');
    await page.keyboard.press('Escape');
    await shot(page, 'phone-rows', true);

    // Leave the form empty for the journey below.
    await page.setViewportSize({ width: 1440, height: 900 });
    while ((await dataRows(page).count()) > 0) {
      await page.getByRole('button', { name: '删除第 1 行' }).click();
    }
    await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 15_000 }).toMatch(/已保存/);
    await context.close();
  }, 240_000);
});

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
    const accessError = dataRows(page).nth(2).locator('[data-finding="access_qualification"]');
    await accessError.waitFor();
    expect(await accessError.innerText()).toContain('准入类职业资格');
    await page.getByTestId('findings-summary').waitFor();
    await shot(page, 'access-type-error', true);

    await pickOccupation(page, field(dataRows(page).nth(2), 'occupationCode').locator('.ant-select'), '电子商务师', '4-01-06-01');
    await field(dataRows(page).nth(2), 'industries').locator('.ant-select').click();
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
    expect(await field(dataRows(page).nth(1), 'reason').locator('textarea').inputValue()).toBe('本市老龄化程度高，养老护理人员需求大');
    await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 10_000 }).toMatch(/已保存/);
    await page.reload();
    // A reload on the shared machine can take longer than the default 5 s poll.
    await expect.poll(() => codes(page), { timeout: 30_000 }).toEqual(['4-01-06-01', '4-10-01-05', '4-04-05-05']);
    await shot(page, 'row-restored-after-reload', true);

    // 定稿 → print → seal → scan → matched → submit, with a scan made from the downloaded print copy itself.
    await expect.poll(() => page.getByTestId('submit-form').isDisabled()).toBe(true);
    await page.getByTestId('finalize').click();
    await page
      .getByRole('button', { name: /^定\s?稿$/ })
      .last()
      .click();
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
