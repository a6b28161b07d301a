/** Ant Design's icons name themselves in English for screen readers (`role="img" aria-label="delete"`). */
const NAMED_ICONS = '.anticon[role="img"][aria-label]';
const CJK = /[\u4e00-\u9fff]/;

/**
 * An icon is decoration beside its Chinese text; an icon-only control carries a Chinese name of its own, else takes the
 * Chinese title Ant puts around it (the pagination's 上一页 / 下一页).
 */
/** Chinese names of the icons Ant Design puts alone in a control (Input.Search's button, copy, clear, close). */
const ICON_NAMES: Record<string, string> = {
  search: '搜索',
  copy: '复制',
  check: '已复制',
  close: '关闭',
  'close-circle': '清除',
  left: '上一页',
  right: '下一页',
  ellipsis: '更多',
  down: '展开',
  up: '收起',
  eye: '显示',
  'eye-invisible': '隐藏',
};

function silence(icon: HTMLElement): void {
  const iconName = icon.getAttribute('aria-label') ?? '';
  if (CJK.test(iconName)) return;
  icon.removeAttribute('aria-label');
  icon.removeAttribute('role');
  icon.setAttribute('aria-hidden', 'true');
  const control = icon.closest<HTMLElement>('button, a, [role="button"]');
  if (control && !control.getAttribute('aria-label') && !control.innerText.trim()) {
    const title = control.closest<HTMLElement>('[title]')?.title || ICON_NAMES[iconName];
    if (title) control.setAttribute('aria-label', title);
  }
}

/** English names Ant Design gives some controls, and what a Chinese screen reader should say instead. */
const ENGLISH_NAMES: Record<string, string> = {
  'Increase Value': '增加数值',
  'Decrease Value': '减少数值',
  'segmented control': '选项',
  'Select all': '全选',
  'Select row': '选择此行',
  Clear: '清除',
  clear: '清除',
  Close: '关闭',
};
const ENGLISH_NAMED = Object.keys(ENGLISH_NAMES)
  .map((n) => `[aria-label="${n}"]`)
  .join(', ');

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
 * Ant's tables measure their column widths in a hidden row (`tr.ant-table-measure-row`, aria-hidden) that holds a copy of
 * each column title, so the select-all checkbox or a title's button is focusable a second time, unseen and unnamed
 * (axe-core's aria-hidden-focus rule). `inert` takes the copy out of the focus order; the row still measures.
 */
const MEASURE_ROWS = 'tr.ant-table-measure-row:not([inert])';

/**
 * Fixes Ant Design offers no prop for, applied now and whenever the page changes: every table area that scrolls is
 * focusable (tabindex 0, role region, a Chinese name; axe-core's scrollable-region-focusable rule), icons do not
 * read their English names ("delete", "home") to screen readers, Ant's few English control names are Chinese, and the
 * tables' hidden measure rows hold nothing focusable.
 */
export function keepDomAccessible(root: HTMLElement = document.body): () => void {
  const scan = () => {
    root.querySelectorAll<HTMLElement>(SCROLLERS).forEach(mark);
    root.querySelectorAll<HTMLElement>(NAMED_ICONS).forEach(silence);
    root.querySelectorAll<HTMLElement>(MEASURE_ROWS).forEach((row) => row.setAttribute('inert', ''));
    root.querySelectorAll<HTMLElement>(ENGLISH_NAMED).forEach((el) => el.setAttribute('aria-label', ENGLISH_NAMES[el.getAttribute('aria-label')!]!));
    // Ant's row checkboxes: "Row 3 selected" → 选择第 3 行.
    root.querySelectorAll<HTMLElement>('[aria-label^="Row "], [aria-label^="Select row "]').forEach((el) => {
      const m = /^(?:Select row|Row) (\d+)/.exec(el.getAttribute('aria-label') ?? '');
      if (m) el.setAttribute('aria-label', `选择第 ${m[1]!} 行`);
    });
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
