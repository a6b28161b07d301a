import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser.ts';
import { screenshots } from './support/screenshots.ts';
import { demoAccounts, loginAs } from './support/accounts.ts';
import { apiSession, saveFinalizeSubmit } from './support/api-session.ts';
import { AI_TRAINER, ELDER_CARE } from './support/demo-rows.ts';

const LONG_REASON = `推荐理由与本区产业规划的对应关系说明不足，请补充文件依据、行业规划、重要会议或调研摸底的具体内容，并注明预计评价人次的测算方法。${'请逐项核对职业编码、工种名称与国家职业标准的版本号，确保与《中华人民共和国职业分类大典》（2022年版）一致。'.repeat(3)}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('notifications and outcomes reach the unit', () => {
  test('the unit sees the bell count after the center returns its form, reads it, sees its record; an expired session lands on the login page', async () => {
    // The scene: 黄浦 submits two rows; the center starts the check, fails one row and returns the form with a long reason.
    const unit = await apiSession('huangpu');
    const form = await unit<{ id: string; version: number }>('GET', '/api/forms/mine');
    await saveFinalizeSubmit(unit, form, { contactName: '黄经办', contactPhone: '021-63210000', fillDate: null }, [ELDER_CARE, AI_TRAINER]);
    const center = await apiSession('center');
    const started = await center<{ version: number }>('POST', `/api/checks/${form.id}/start`);
    const decided = await center<{ version: number }>('PUT', `/api/checks/${form.id}/decisions`, {
      version: started.version,
      decisions: [
        { rowIndex: 0, decision: 'pass' },
        { rowIndex: 1, decision: 'fail', reasonCode: 'inconsistent', reasonText: '标准版本号与国家职业技能标准不一致' },
      ],
    });
    await center('POST', `/api/checks/${form.id}/return`, {
      version: decided.version,
      reason: LONG_REASON,
      until: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });

    const shot = screenshots('notifications');
    const { context, page } = await newPage(browser);
    await loginAs(
      page,
      demoAccounts().find((a) => a.username === 'huangpu')!,
    );
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('通知，2 条未读');
    await expect.poll(() => page.locator('.ant-badge .ant-scroll-number').first().innerText()).toBe('2');
    await page.getByTestId('form-history').getByTestId('history-row').first().waitFor();
    expect(await page.getByTestId('form-history').innerText()).toContain('推荐表已退回');
    await shot(page, 'home-bell');

    await bell.click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('【征集】推荐表被退回修改').waitFor();
    expect(await drawer.innerText()).toContain('退回理由：推荐理由与本区产业规划');
    await shot(page, 'drawer');
    await drawer.getByTestId('notification-read-all').click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('通知，没有未读');
    await drawer.locator('.ant-drawer-close').click();

    // The form page shows the rows' check results with the reason.
    await page.goto('/form');
    await page.getByTestId('form-status').waitFor();
    const outcomes = page.getByTestId('form-outcomes');
    await outcomes.waitFor();
    expect(await outcomes.innerText()).toContain('信息不一致：标准版本号与国家职业技能标准不一致');
    await outcomes.scrollIntoViewIfNeeded();
    await shot(page, 'form-outcomes');

    // A phone: the long reason wraps, the bell and the drawer's command stay reachable.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByTestId('form-history').getByTestId('history-row').first().waitFor();
    await shot(page, 'phone-home', true);
    await bell.click();
    await drawer.getByText('【征集】推荐表被退回修改').waitFor();
    await shot(page, 'phone-drawer');
    const box = await drawer.getByTestId('notification-read-all').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await drawer.locator('.ant-drawer-close').click();

    // The session ends (idle timeout, logout elsewhere): the next call lands on the login page saying so.
    await page.setViewportSize({ width: 1440, height: 900 });
    await context.clearCookies();
    await page.locator('.ant-layout-sider').getByText('推荐表填报').click();
    await page.waitForURL('**/login?**');
    expect(new URL(page.url()).searchParams.get('reason')).toBe('expired');
    await page.getByTestId('login-expired').getByText('登录已超时，请重新登录').waitFor();
    await shot(page, 'login-expired');
    await context.close();
  });
});
