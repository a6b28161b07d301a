import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { openPages } from './browser.ts';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts/failures');

// When a journey fails, every page it left open is photographed (e2e/artifacts/failures/) and its address, the element
// holding the focus, the messages shown and its recent navigations, API writes and errors are printed and written to
// e2e/artifacts/failures/report.txt (which .ci/run prints at its end), so that a failure on CI can be read from the log.
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  mkdirSync(dir, { recursive: true });
  const name = ctx.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
  let n = 0;
  for (const trace of openPages) {
    n += 1;
    const { page } = trace;
    const lines = [`[e2e failure] page ${n}: ${page.url()}`];
    try {
      const file = path.join(dir, `${name}-${n}.png`);
      await page.screenshot({ path: file, timeout: 5_000 });
      lines.push(`  screenshot: ${path.relative(process.cwd(), file)}`);
      const focus = await page.evaluate(() => {
        const el = document.activeElement;
        return el
          ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} role=${el.getAttribute('role') ?? ''} text=${(el.textContent ?? '').trim().slice(0, 40)}`
          : 'none';
      });
      lines.push(`  focus: ${focus}`);
      const shown = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.ant-message-notice, .ant-notification-notice, .ant-modal-title, [role="alert"]'))
          .map((e) => (e.textContent ?? '').trim().slice(0, 80))
          .filter(Boolean),
      );
      if (shown.length) lines.push(`  shown: ${shown.join(' | ')}`);
    } catch (e) {
      lines.push(`  (page not readable: ${(e as Error).message.split('\n')[0]})`);
    }
    for (const event of trace.events) lines.push(`  ${event}`);
    console.error(lines.join('\n'));
    appendFileSync(path.join(dir, 'report.txt'), `${ctx.task.name}\n${lines.join('\n')}\n\n`);
  }
});
