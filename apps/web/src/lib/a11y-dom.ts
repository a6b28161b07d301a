/** Ant Design's icons name themselves in English for screen readers (`role="img" aria-label="delete"`). */
const NAMED_ICONS = '.anticon[role="img"][aria-label]';
const CJK = /[\u4e00-\u9fff]/;

/** An icon is decoration beside its Chinese text; an icon-only control carries a Chinese aria-label of its own. */
function silence(icon: HTMLElement): void {
  if (CJK.test(icon.getAttribute('aria-label') ?? '')) return;
  icon.removeAttribute('aria-label');
  icon.removeAttribute('role');
  icon.setAttribute('aria-hidden', 'true');
}

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
 * Two fixes Ant Design offers no prop for, applied now and whenever the page changes: every table area that scrolls is
 * focusable (tabindex 0, role region, a Chinese name; axe-core's scrollable-region-focusable rule), and icons do not
 * read their English names ("delete", "home") to screen readers.
 */
export function keepDomAccessible(root: HTMLElement = document.body): () => void {
  const scan = () => {
    root.querySelectorAll<HTMLElement>(SCROLLERS).forEach(mark);
    root.querySelectorAll<HTMLElement>(NAMED_ICONS).forEach(silence);
  };
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
