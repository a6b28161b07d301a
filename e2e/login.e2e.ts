import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { ROLE_LABELS, type Role } from '@zhengji/domain';
import { launchBrowser, newPage } from './support/browser.ts';
import { screenshots } from './support/screenshots.ts';
import { accountOf, changePassword, loginAs, logout, menuItems, newStrongPassword, rememberPassword, submitLogin } from './support/accounts.ts';

/** What each role's side menu must show and must not show (later features add entries; these stay true). */
const MENUS: Record<Role, { shows: string[]; hides: string[] }> = {
  admin: { shows: ['首页', '用户管理', '推荐单位管理'], hides: ['审计日志'] },
  center: { shows: ['首页', '推荐单位管理'], hides: ['用户管理', '审计日志'] },
  unit: { shows: ['首页'], hides: ['用户管理', '推荐单位管理', '审计日志'] },
  expert: { shows: ['首页'], hides: ['用户管理', '推荐单位管理', '审计日志'] },
  auditor: { shows: ['首页', '审计日志'], hides: ['用户管理', '推荐单位管理'] },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('login journey per role', () => {
  for (const role of Object.keys(MENUS) as Role[]) {
    test(`${role}: logs in, sees the role's header and menu`, async () => {
      const shot = screenshots(`login-${role}`);
      const { context, page } = await newPage(browser);
      const account = accountOf(role);
      await page.goto('/login');
      await expect.poll(() => page.title()).toContain('征集');
      if (role === 'admin') await shot(page, 'login-page');
      await submitLogin(page, account.username, account.password);
      await page.waitForURL((u) => u.pathname !== '/login');
      if (new URL(page.url()).pathname === '/change-password') {
        // The generated administrator password must be changed at first login.
        await page.getByText('首次登录或密码被重置后须先修改密码').waitFor();
        await page.getByLabel('新密码', { exact: true }).fill('short');
        await page.getByTestId('password-rules').getByText('密码长度至少12位', { exact: true }).waitFor();
        await shot(page, 'must-change-password');
        const next = newStrongPassword();
        await changePassword(page, account.password, next);
        rememberPassword(account.username, next);
      }
      await expect.poll(() => page.getByTestId('role-label').innerText()).toBe(ROLE_LABELS[role]);
      await page.getByTestId('dashboard-card').first().waitFor();
      const menu = await menuItems(page);
      for (const item of MENUS[role].shows) expect(menu).toContain(item);
      for (const item of MENUS[role].hides) expect(menu).not.toContain(item);
      if (role === 'unit') expect(await page.getByTestId('unit-name').innerText()).toContain('人力资源和社会保障局');
      await shot(page, 'home');

      if (role === 'unit') {
        await page.goto('/admin/users');
        await page.getByText('抱歉，您没有访问此页面的权限').waitFor();
        await shot(page, 'forbidden');
        await page.goto('/no-such-page');
        await page.getByText('抱歉，您访问的页面不存在').waitFor();
        await shot(page, 'not-found');
      }
      if (role === 'auditor') {
        await page.locator('.ant-layout-sider').getByText('审计日志').click();
        await page.waitForURL('**/audit');
        await page.locator('.ant-table-row').first().waitFor();
        expect(await page.locator('.ant-table-tbody').innerText()).toContain('登录');
        await shot(page, 'audit-log');
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 CSV/ }).click()]);
        expect(download.suggestedFilename()).toMatch(/\.csv$/);
      }
      await context.close();
    });
  }
});

test('a wrong password shows the Chinese error and stays on the login page', async () => {
  const shot = screenshots('login-wrong-password');
  const { context, page } = await newPage(browser);
  await page.goto('/login');
  await submitLogin(page, accountOf('expert').username, 'Wrong-Password-123');
  const error = page.getByTestId('login-error');
  await error.waitFor();
  expect(await error.innerText()).toContain('用户名或密码错误');
  expect(new URL(page.url()).pathname).toBe('/login');
  await shot(page, 'error');
  await context.close();
});

test('an empty form shows the schema messages in Chinese', async () => {
  const { context, page } = await newPage(browser);
  await page.goto('/login');
  await page.locator('button[type=submit]').click();
  await page.getByText('请填写用户名').waitFor();
  await page.getByText('请填写密码').waitFor();
  await context.close();
});

test('logout ends the session; a protected address leads to login and back', async () => {
  const shot = screenshots('logout');
  const { context, page } = await newPage(browser);
  const center = accountOf('center');
  await loginAs(page, center);
  await logout(page);
  await shot(page, 'logged-out');
  await page.goto('/admin/units');
  await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/admin/units');
  await submitLogin(page, center.username, center.password);
  await page.waitForURL((u) => u.pathname === '/admin/units');
  await page.locator('.ant-table-row').first().waitFor();
  await shot(page, 'units-after-next');
  await context.close();
});
