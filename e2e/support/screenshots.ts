import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe.ts';

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

/**
 * A numbered screenshot series for one test: `const shot = screenshots('admin-login'); await shot(page, 'menu')`
 * writes e2e/artifacts/admin-login/01-menu.png, then 02-…, after letting animations settle. Each picture is a settled page,
 * so axe-core checks it first: in every journey a serious or critical WCAG 2.1 AA violation or an English screen-reader
 * text fails the test; minor and moderate findings go to e2e/artifacts/a11y.log (expectAccessible).
 */
export function screenshots(test: string): (page: Page, step: string, fullPage?: boolean) => Promise<string> {
  const dir = path.join(artifacts, test);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (page, step, fullPage = false) => {
    n += 1;
    await page.waitForTimeout(350);
    const file = path.join(dir, `${String(n).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path: file, fullPage });
    await expectAccessible(page, `${test}/${step}`);
    return file;
  };
}
