import { createRequire } from 'node:module';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue, Result } from 'axe-core';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

/** The WCAG 2.1 A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING: ImpactValue[] = ['serious', 'critical'];

/** One line per failing node: rule, impact, selector and axe's own summary. */
function describe(violations: Result[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `  [${v.impact ?? '?'}] ${v.id} at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`))
    .join('\n');
}

/** Latin words a Chinese screen-reader text may hold: key names, file formats, standards, the demo search example. */
const ALLOWED_LATIN = /\b(Alt|Shift|Ctrl|Esc|Enter|Tab|PDF|Word|Excel|WPS|CSV|OFD|SHA|SM3|QR|SMTP|IP|ID|URL|ylhly)\b/g;

/** Texts only a screen reader hears (aria-label, aria-roledescription, alt, live regions) that hold English words. */
export async function englishScreenReaderTexts(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('[aria-label], [aria-roledescription], img[alt]')) {
      for (const a of ['aria-label', 'aria-roledescription', 'alt']) {
        const v = el.getAttribute(a);
        if (v) out.push(`${el.tagName.toLowerCase()}[${a}="${v}"]`);
      }
    }
    // Announcements (dnd-kit's live region and instructions, status messages); not regions that merely hold data tables.
    for (const el of document.querySelectorAll(
      '[id^="DndLiveRegion"], [id^="DndDescribedBy"], [role="status"]:not(:has(table)), [role="alert"]:not(:has(table))',
    )) {
      const v = el.textContent?.trim();
      if (v) out.push(`${el.tagName.toLowerCase()}[live]: ${v}`);
    }
    return out;
  });
  // Identifiers (UUIDs of objects an auditor copies) are data, not words.
  const UUIDS = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
  return texts.filter((t) =>
    /[A-Za-z]{3,}/.test(
      t
        .replace(/^[a-z0-9]+\[[a-z-]+(="|\]: )/, '')
        .replace(UUIDS, '')
        // Codes and account names (校验码 527FDF3C, expert_mx4r8zfi97be0) mix letters with digits or underscores: data too.
        .replace(/[A-Za-z0-9_]*[0-9_][A-Za-z0-9_]*/g, '')
        .replace(ALLOWED_LATIN, ''),
    ),
  );
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now and fails on any serious or critical violation,
 * naming the rule and the element. Every journey calls it after a page settles (screenshots() does so before each
 * picture). Minor and moderate findings are written to e2e/artifacts/a11y.log (emptied at the start of a run), not
 * failed. Screen-reader texts (aria-label, aria-roledescription, alt, live regions) must hold no English.
 * `A11Y_REPORT_ONLY=1` (or `reportOnly`) only writes everything to the log, to list all findings in one run.
 */
export async function expectAccessible(page: Page, where: string, options: { reportOnly?: boolean } = {}): Promise<void> {
  const reportOnly = options.reportOnly === true || Boolean(process.env.A11Y_REPORT_ONLY);
  // page.evaluate is not subject to the page's Content-Security-Policy (script-src 'self'), a script tag would be.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_TAGS,
  );
  const blocking = results.violations.filter((v) => v.impact && BLOCKING.includes(v.impact));
  mkdirSync(artifacts, { recursive: true });
  if (results.violations.length > 0) appendFileSync(path.join(artifacts, 'a11y.log'), `${where} (${page.url()})\n${describe(results.violations)}\n`);
  const english = await englishScreenReaderTexts(page);
  if (english.length > 0) appendFileSync(path.join(artifacts, 'a11y.log'), `${where} (${page.url()}) English screen-reader texts\n  ${english.join('\n  ')}\n`);
  if (english.length > 0 && !reportOnly) throw new Error(`English screen-reader texts on ${where} (${page.url()}):\n  ${english.join('\n  ')}`);
  if (blocking.length > 0 && !reportOnly) {
    throw new Error(`axe-core: ${String(blocking.length)} serious or critical WCAG 2.1 AA violation(s) on ${where} (${page.url()}):\n${describe(blocking)}`);
  }
}
