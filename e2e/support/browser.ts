import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { inject } from 'vitest';

/** What a page did lately: navigations, console errors, page errors, API writes, answers ≥ 400 and failed requests (for a failed journey's report). */
export interface PageTrace {
  page: Page;
  events: string[];
}

/** Every page of the journeys that is still open, with its trace (e2e/support/on-failure.ts reports them). */
export const openPages = new Set<PageTrace>();

/** Records what the page does and keeps it in openPages until it closes. */
export function tracePage(page: Page): void {
  const trace: PageTrace = { page, events: [] };
  const at = () => new Date().toISOString().slice(11, 23);
  const note = (line: string) => {
    trace.events.push(`${at()} ${line}`);
    if (trace.events.length > 40) trace.events.shift();
  };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') note(`console.${m.type()}: ${m.text().slice(0, 300)}`);
  });
  page.on('pageerror', (e) => note(`pageerror: ${e.message.slice(0, 300)}`));
  page.on('requestfailed', (r) => note(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
  // An API write is noted when sent (a click that sent nothing shows) and when answered; other answers only when ≥ 400.
  const apiWrite = (r: Request) => r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/');
  page.on('request', (r) => {
    if (apiWrite(r)) note(`request ${r.method()} ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 || apiWrite(r.request())) note(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) note(`navigated: ${f.url()}`);
  });
  page.on('close', () => openPages.delete(trace));
  openPages.add(trace);
}

/** Launches Debian's chromium headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh browser context (its own cookies) on the server under test, in Chinese, Shanghai time, 1440×900. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  context.on('page', tracePage);
  const page = await context.newPage();
  return { context, page };
}
