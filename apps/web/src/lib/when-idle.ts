/**
 * Runs `work` after the browser has painted the current frame, when it is idle (at the latest after `timeout` ms):
 * for loading what the page will need soon without delaying what it shows now.
 */
export function whenIdle(work: () => void, timeout = 1000): void {
  const idle = () => (typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(work, { timeout }) : window.setTimeout(work, 50));
  // The frame callback runs before the paint; the timer after it.
  window.requestAnimationFrame(() => window.setTimeout(idle, 0));
}
