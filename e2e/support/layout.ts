import type { Page } from 'playwright-core';

/** Where a table's column header ends on screen, beside the viewport's width: a column the user acts on must end inside it. */
export async function columnHeaderEnd(page: Page, title: string): Promise<{ end: number; viewport: number }> {
  const box = await page.locator('.ant-table-thead th', { hasText: new RegExp(`^${title}$`) }).boundingBox();
  return { end: (box?.x ?? Infinity) + (box?.width ?? 0), viewport: page.viewportSize()?.width ?? 0 };
}
