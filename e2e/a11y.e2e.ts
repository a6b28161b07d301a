import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '@zhengji/domain';
import { launchBrowser, newPage } from './support/browser.ts';
import { screenshots } from './support/screenshots.ts';
import { accountOf, demoAccounts, loginAs } from './support/accounts.ts';
import { apiSession } from './support/api-session.ts';

// Accessibility beyond what each journey's screenshots check: every menu page of every role and the public pages under
// axe-core; a key action done with the keyboard only, with visible focus; the side menu at 200 % zoom.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Waits until the page shows no skeleton or spinner (data loaded), or 10 s passed. */
async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(() => !document.querySelector('.ant-skeleton, .ant-spin-spinning, .ant-spin-blur, .ant-table-placeholder .ant-spin'), undefined, {
      timeout: 10_000,
    })
    .catch(() => undefined);
}

const ROLES: Role[] = ['admin', 'center', 'unit', 'expert', 'auditor'];

describe('axe-core on every page', () => {
  for (const role of ROLES) {
    test(`${role}: every page of the side menu has no serious or critical WCAG 2.1 AA violation`, async () => {
      const shot = screenshots(`a11y-${role}`);
      const { context, page } = await newPage(browser);
      await loginAs(page, accountOf(role));
      const items = page.locator('.ant-layout-sider .ant-menu-item');
      await items.first().waitFor();
      const count = await items.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const item = items.nth(i);
        const label = (await item.innerText()).trim();
        await item.click();
        await settle(page);
        await shot(page, `${String(i + 1)}-${label}`, true); // runs axe-core on the settled page
      }
      await context.close();
    }, 300_000);
  }

  test('the public pages (call, notices, objection query) have no serious or critical violation, on a phone too', async () => {
    const shot = screenshots('a11y-public');
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const { context, page } = await newPage(browser);
      await page.setViewportSize(viewport);
      await page.goto('/public');
      await shot(page, `index-${String(viewport.width)}`, true);
      const links = [...new Set(await page.locator('a[href^="/public/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')))].slice(0, 4);
      for (const href of [...links, '/public/objections/query']) {
        await page.goto(href);
        await shot(page, `${href.replace(/[^a-z0-9]+/gi, '-')}-${String(viewport.width)}`, true);
      }
      await context.close();
    }
  });
});

/** Whether the focused element shows where the focus is: an outline, a focus ring (box-shadow) or Ant's focused wrapper. */
const focusState = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '', role: '', visible: false };
    const ring = (e: Element | null) => {
      if (!e) return false;
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== 'none' && s.boxShadow !== '');
    };
    const wrapper = el.closest('.ant-select, .ant-input-affix-wrapper, .ant-input-number, .ant-picker, .ant-input-outlined, .ant-menu-item, .ant-btn');
    const focusedWrapper = !!wrapper && /(-focused|-open)\b/.test(wrapper.className);
    const name = (el.getAttribute('aria-label') || el.innerText || el.getAttribute('placeholder') || el.tagName).trim().slice(0, 40);
    return { name, role: el.getAttribute('role') ?? '', visible: ring(el) || ring(wrapper) || focusedWrapper };
  });

/** Resolves after the page has drawn two more frames (what a component scheduled with requestAnimationFrame has run). */
async function afterFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Presses Tab until the focused element matches, checking on the way that each focus stop is visible. */
async function tabTo(page: Page, matches: (name: string) => boolean, invisible: string[], max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focusState(page);
    if (!f.visible) invisible.push(f.name);
    if (matches(f.name)) return;
  }
  throw new Error('the element was not reached with the Tab key');
}

describe('keyboard only', () => {
  test('log in, open the 推荐表 from the menu and move a row with Space, ↓, Space (announced in Chinese) and Alt+↑/↓, with the keyboard alone and visible focus', async () => {
    const shot = screenshots('a11y-keyboard');
    // A unit whose form can still be edited; its content is put back afterwards (other journeys use the same demo data).
    let username = '';
    let call: Awaited<ReturnType<typeof apiSession>> | null = null;
    let original: { id: string; version: number; header: unknown; rows: Record<string, unknown>[] } | null = null;
    for (const a of demoAccounts().filter((x) => x.role === 'unit')) {
      const c = await apiSession(a.username);
      const form = await c<{ id: string; version: number; header: unknown; rows: Record<string, unknown>[]; abilities: Record<string, boolean> }>(
        'GET',
        '/api/forms/mine',
      );
      if (form.abilities.save) {
        username = a.username;
        call = c;
        original = form;
        break;
      }
    }
    expect(username, 'a unit whose form can be edited').not.toBe('');
    const strip = ({ id: _id, priority: _p, findings: _f, ...row }: Record<string, unknown>) => row;
    const row = (occupationCode: string, occupationName: string, standardVersion: string, reason: string) => ({
      occupationCode,
      occupationName,
      jobTypeName: '',
      standardName: occupationName,
      standardVersion,
      inShortageCatalog: false,
      industries: ['养老护理'],
      expectedAssessments: 100,
      reason,
    });
    const seeded = await call!<{ version: number }>('PUT', `/api/forms/${original!.id}`, {
      version: original!.version,
      header: original!.header,
      rows: [row('4-10-01-05', '养老护理员', '2019年版', '键盘操作第一行'), row('4-04-05-05', '人工智能训练师', '2021年版', '键盘操作第二行')],
    });
    try {
      const { context, page } = await newPage(browser);
      const invisible: string[] = [];
      const account = demoAccounts().find((a) => a.username === username)!;
      await page.goto('/login');
      await page.locator('.zj-login-card').waitFor();
      // The username field has the focus when the page opens.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('username');
      await page.keyboard.type(account.username);
      await tabTo(page, (n) => n.includes('请输入密码'), invisible, 5);
      await page.keyboard.type(account.password);
      await shot(page, 'login-typed');
      await page.keyboard.press('Enter');
      await page.getByTestId('display-name').waitFor();

      // Into the side menu with Tab, to 推荐表填报 with the arrow keys, open it with Enter.
      await tabTo(page, (n) => n === '主菜单' || n === '首页', invisible, 30);
      const onFormItem = async () => {
        const f = await focusState(page);
        return f.role === 'menuitem' && f.name === '推荐表填报';
      };
      // The menu moves the focus in an animation frame after each arrow key: let it land before looking (a check made
      // before it had landed pressed ↓ once more, and Enter then opened the next entry on a loaded CI machine).
      for (let i = 0; i < 10 && !(await onFormItem()); i++) {
        await page.keyboard.press('ArrowDown');
        await afterFrames(page);
      }
      expect(await onFormItem()).toBe(true);
      expect((await focusState(page)).visible).toBe(true);
      await shot(page, 'menu-focused');
      expect(await onFormItem()).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === '/form');
      await page.getByTestId('form-status').waitFor();
      const codes = () =>
        page
          .locator(
            '.ant-table-tbody tr[data-row-key] [data-field="occupationCode"] .ant-select-content, .ant-table-tbody tr[data-row-key] [data-field="occupationCode"] .ant-select-selection-item',
          )
          .allInnerTexts();
      await expect.poll(async () => (await codes()).map((t) => t.trim())).toEqual(['4-10-01-05', '4-04-05-05']);

      // The drag handle: the screen reader hears Chinese instructions, a Chinese role and Chinese announcements.
      await tabTo(page, (n) => n === '拖动第 1 行', invisible);
      const handle = page.getByRole('button', { name: '拖动第 1 行' });
      expect(await handle.getAttribute('aria-roledescription')).toBe('可拖动排序的行');
      const describedBy = (await handle.getAttribute('aria-describedby'))!;
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('按空格键或回车键拿起该行');
      await shot(page, 'drag-handle-focused');
      // Space picks the row up, ↓ moves it one place down, Space puts it down: each step announced in Chinese.
      const live = page.locator('[id^="DndLiveRegion"]');
      await page.keyboard.press('Space');
      await expect.poll(() => live.textContent()).toContain('已拿起第 1 行');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => live.textContent()).toContain('第 1 行移到了第 2 行的位置');
      await shot(page, 'row-lifted-and-moved');
      await page.keyboard.press('Space');
      await expect.poll(() => live.textContent()).toContain('第 1 行已放下，现在位于第 2 行');
      await expect.poll(async () => (await codes()).map((t) => t.trim())).toEqual(['4-04-05-05', '4-10-01-05']);
      // The focus stays on the moved row's handle; the row's own shortcuts move it back up and down again (Alt+↑, Alt+↓).
      await expect.poll(() => focusState(page)).toMatchObject({ name: '拖动第 2 行', visible: true });
      await page.keyboard.press('Alt+ArrowUp');
      await expect.poll(async () => (await codes()).map((t) => t.trim())).toEqual(['4-10-01-05', '4-04-05-05']);
      await expect.poll(() => focusState(page)).toMatchObject({ name: '拖动第 1 行', visible: true });
      await page.keyboard.press('Alt+ArrowDown');
      await expect.poll(async () => (await codes()).map((t) => t.trim())).toEqual(['4-04-05-05', '4-10-01-05']);
      expect(/[A-Za-z]{3,}/.test((await live.textContent()) ?? '')).toBe(false);
      await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 15_000 }).toMatch(/已保存/);
      await shot(page, 'row-moved-by-keyboard');
      expect(invisible, 'focus stops without a visible focus indicator').toEqual([]);
      await context.close();
    } finally {
      const now = await call!<{ version: number }>('GET', '/api/forms/mine');
      await call!('PUT', `/api/forms/${original!.id}`, { version: now.version ?? seeded.version, header: original!.header, rows: original!.rows.map(strip) });
    }
  }, 240_000);
});

describe('200 % zoom', () => {
  test('at 720×450 (1440×900 at 200 %) the side menu is folded to icons and does not cover the content', async () => {
    const shot = screenshots('a11y-zoom');
    const { context, page } = await newPage(browser);
    await page.setViewportSize({ width: 720, height: 450 });
    await loginAs(page, accountOf('center'));
    await page.getByTestId('dashboard-card').first().waitFor();
    const sider = page.locator('.ant-layout-sider');
    await expect.poll(() => sider.getAttribute('class')).toContain('ant-layout-sider-collapsed');
    const menuBox = (await sider.boundingBox())!;
    const contentBox = (await page.locator('.zj-content').boundingBox())!;
    expect(menuBox.width).toBeLessThanOrEqual(80);
    expect(contentBox.x).toBeGreaterThanOrEqual(menuBox.x + menuBox.width - 1);
    expect(contentBox.width).toBeGreaterThan(600);
    // The page itself does not scroll sideways: everything fits the narrow window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(720);
    await shot(page, 'home-collapsed');
    await page.goto('/checks');
    await settle(page);
    await shot(page, 'checks-collapsed');
    // The folded menu still opens every page: its icons carry the names (tooltip and accessible name).
    await page.locator('.ant-layout-sider .ant-menu-item').nth(1).hover();
    await page.locator('.ant-tooltip:visible').first().waitFor();
    await shot(page, 'menu-tooltip');
    await context.close();
  });
});
