/** The scroll containers Ant Design draws (tables wider than the page, code blocks) that a keyboard must be able to scroll. */
const SCROLLERS = '.ant-table-content, .ant-table-body';

function mark(el: HTMLElement): void {
  const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
  const marked = el.dataset.zjScroll === '1';
  if (scrolls && !marked && !el.hasAttribute('tabindex')) {
    // WCAG 2.1.1: a region that scrolls must be reachable by keyboard (arrow keys then scroll it), with a name saying what it is.
    el.dataset.zjScroll = '1';
    el.tabIndex = 0;
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', '表格内容（可用方向键左右滚动）');
  } else if (!scrolls && marked) {
    delete el.dataset.zjScroll;
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
    el.removeAttribute('aria-label');
  }
}

/**
 * Makes every table area that scrolls focusable (tabindex 0, role region, a Chinese name), now and whenever one appears:
 * Ant Design's Table has no prop for it, and axe-core's scrollable-region-focusable rule requires it.
 */
export function keepScrollRegionsFocusable(root: HTMLElement = document.body): () => void {
  const scan = () => root.querySelectorAll<HTMLElement>(SCROLLERS).forEach(mark);
  scan();
  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      scan();
    });
  });
  observer.observe(root, { childList: true, subtree: true });
  window.addEventListener('resize', scan);
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', scan);
  };
}
