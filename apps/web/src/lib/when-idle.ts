/**
 * Runs `work` once the page has painted and the browser has been left alone for `delay` ms, when it is idle (at the
 * latest a second later): for loading what the page will need soon (the full app behind the login page) without
 * taking the main thread while the page appears and the person starts typing.
 */
export function whenIdle(work: () => void, delay = 500): void {
  const idle = () => (typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(work, { timeout: 1000 }) : work());
  // The frame callback runs before the paint; the timer after it.
  window.requestAnimationFrame(() => window.setTimeout(idle, delay));
}
