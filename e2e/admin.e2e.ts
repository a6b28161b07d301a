import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { creditCodeCheckChar } from '@zhengji/domain';
import { launchBrowser, newPage } from './support/browser.ts';
import { screenshots } from './support/screenshots.ts';
import { accountOf, changePassword, loginAs, logout, newStrongPassword, submitLogin } from './support/accounts.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

function validCreditCode(): string {
  const first17 = `91310000${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
  return first17 + (creditCodeCheckChar(first17) ?? '');
}

/** Picks an option of the antd Select labelled `label` inside the open modal. */
async function pick(page: Page, label: string, option: string, search?: string): Promise<void> {
  const field = page.locator('.ant-modal').getByLabel(label, { exact: true });
  await field.click();
  if (search) await field.fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

test('admin creates a unit, then a unit user who logs in and must change the password', async () => {
  const shot = screenshots('admin-journey');
  const { context, page } = await newPage(browser);
  await loginAs(page, accountOf('admin'));
  const suffix = String(Date.now()).slice(-6);
  const unitName = `上海市测试行业主管部门${suffix}`;

  // Unit: a wrong credit code is refused with the domain's Chinese message, a valid one is saved.
  await page.locator('.ant-layout-sider').getByText('推荐单位管理').click();
  await page.waitForURL('**/admin/units');
  await page.locator('.ant-table-row').first().waitFor();
  await shot(page, 'units');
  await page.getByRole('button', { name: /新增单位/ }).click();
  const modal = page.locator('.ant-modal');
  await modal.getByLabel('单位名称', { exact: true }).fill(unitName);
  await pick(page, '单位类型', '行业主管部门');
  await modal.getByLabel('统一社会信用代码', { exact: true }).fill('913100001234567890');
  await modal.getByLabel('联系人', { exact: true }).fill('赵经办');
  await modal.getByLabel('联系电话', { exact: true }).fill('021-63211234');
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await modal.getByText('统一社会信用代码应为18位且校验位正确').waitFor();
  await shot(page, 'unit-invalid-credit-code');
  await modal.getByLabel('统一社会信用代码', { exact: true }).fill(validCreditCode().toLowerCase());
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText(`已新增单位“${unitName}”`).waitFor();
  await page.getByPlaceholder('按单位名称或信用代码搜索').fill(suffix);
  await page.locator('.ant-table-row', { hasText: unitName }).waitFor();
  expect(await page.locator('.ant-table-row', { hasText: unitName }).innerText()).toContain('行业主管部门');
  await shot(page, 'unit-created');

  // User: a unit user bound to the new unit; the server generates a one-time password.
  const username = `e2e.unit${suffix}`;
  await page.locator('.ant-layout-sider').getByText('用户管理').click();
  await page.waitForURL('**/admin/users');
  await page.locator('.ant-table-row').first().waitFor();
  await shot(page, 'users');
  await page.getByRole('button', { name: /新增用户/ }).click();
  await modal.getByLabel('用户名', { exact: true }).fill(username);
  await modal.getByLabel('姓名', { exact: true }).fill('赵经办');
  await pick(page, '角色', '推荐单位经办人');
  await pick(page, '所属推荐单位', unitName, suffix);
  await shot(page, 'user-form');
  await modal.getByRole('button', { name: /创\s*建/ }).click();
  const secret = page.getByTestId('temporary-password');
  await secret.waitFor();
  const temporaryPassword = (await secret.innerText()).trim();
  expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
  await shot(page, 'one-time-password');
  await page.getByRole('button', { name: /我已记录/ }).click();
  const row = page.locator('.ant-table-row', { hasText: username });
  await row.waitFor();
  expect(await row.innerText()).toContain(unitName);
  await shot(page, 'user-created');
  await logout(page);

  // The new user logs in with the one-time password and must change it first.
  await submitLogin(page, username, temporaryPassword);
  await page.waitForURL((u) => u.pathname === '/change-password');
  await page.getByLabel('新密码', { exact: true }).fill(`${username}Aa1!`);
  await page.getByTestId('password-rules').getByText('密码不能包含用户名', { exact: true }).waitFor();
  await shot(page, 'new-user-must-change');
  await changePassword(page, temporaryPassword, newStrongPassword());
  expect(await page.getByTestId('unit-name').innerText()).toBe(unitName);
  await shot(page, 'new-user-home');
  await context.close();
});
