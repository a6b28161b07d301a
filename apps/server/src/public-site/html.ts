/** Markup that is already safe to insert (built by `html` or a helper here). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join('');
  return escapeHtml(String(part));
}

/** Template tag: every interpolated value is escaped unless it is SafeHtml (or an array of them). */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Text with line breaks as paragraphs (escaped). */
export function paragraphs(text: string): SafeHtml {
  const blocks = text
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return html`${blocks.map((b) => html`<p>${b}</p>`)}`;
}

const CSS = `
:root{color-scheme:light;--ink:#1f2329;--muted:#5c6470;--line:#d9dde3;--brand:#b3181e;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;font:16px/1.7 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg);-webkit-text-size-adjust:100%}
header.site{background:var(--brand);color:#fff;padding:10px 16px}
header.site a{color:#fff;text-decoration:none;font-weight:600}
header.site small{display:block;opacity:.85;font-size:13px}
main{max-width:980px;margin:0 auto;padding:16px}
article{background:#fff;border:1px solid var(--line);border-radius:6px;padding:20px 18px;margin-bottom:16px}
h1{font-size:22px;line-height:1.45;text-align:center;margin:8px 0 4px}
h2{font-size:18px;margin:22px 0 8px;border-left:4px solid var(--brand);padding-left:8px}
.docno{text-align:center;color:var(--muted);margin:0 0 12px}
.meta{color:var(--muted);font-size:14px}
p{margin:6px 0;text-indent:2em}
p.plain,li p{text-indent:0}
a{color:#0b57d0}
.notice-box{background:#fff7e6;border:1px solid #ffd591;border-radius:6px;padding:10px 12px;margin:12px 0}
.ok-box{background:#f6ffed;border:1px solid #b7eb8f;border-radius:6px;padding:10px 12px;margin:12px 0}
.error-box{background:#fff1f0;border:1px solid #ffa39e;border-radius:6px;padding:10px 12px;margin:12px 0;color:#a8071a}
table.list{width:100%;border-collapse:collapse;font-size:14px;margin:8px 0}
table.list th,table.list td{border:1px solid var(--line);padding:6px 8px;vertical-align:top;text-align:left}
table.list th{background:#fafafa;white-space:nowrap}
table.list tr.removed td{text-decoration:line-through;color:var(--muted)}
.downloads a{display:inline-block;margin:4px 8px 4px 0;padding:6px 12px;border:1px solid var(--line);border-radius:4px;text-decoration:none;background:#fff}
.btn{display:inline-block;padding:10px 18px;background:var(--brand);color:#fff;border:0;border-radius:4px;font-size:16px;text-decoration:none;cursor:pointer}
form label{display:block;font-weight:600;margin:14px 0 4px}
form .hint{font-weight:400;color:var(--muted);font-size:13px}
input[type=text],input[type=email],input[type=tel],select,textarea{width:100%;padding:9px 10px;font-size:16px;border:1px solid #bfc4cc;border-radius:4px;background:#fff}
textarea{min-height:140px}
.code{font:600 20px/1.4 ui-monospace,Menlo,Consolas,monospace;letter-spacing:1px;word-break:break-all}
dl.kv{display:grid;grid-template-columns:7em 1fr;gap:4px 12px;margin:8px 0}
dl.kv dt{color:var(--muted)}
dl.kv dd{margin:0;white-space:pre-wrap;word-break:break-word}
footer.site{color:var(--muted);font-size:13px;text-align:center;padding:16px}
@media (max-width:640px){
  main{padding:10px}
  article{padding:14px 12px}
  h1{font-size:19px}
  table.list thead{display:none}
  table.list,table.list tbody,table.list tr,table.list td{display:block;width:100%}
  table.list tr{border:1px solid var(--line);border-radius:6px;margin:0 0 10px;padding:6px 8px;background:#fff}
  table.list td{border:0;padding:2px 0}
  table.list td::before{content:attr(data-label)"：";color:var(--muted)}
}
@media print{
  body{background:#fff;font-size:12pt}
  header.site,footer.site,.downloads,.no-print,form{display:none}
  article{border:0;padding:0}
  main{max-width:none;padding:0}
  table.list{font-size:10pt}
  table.list tr{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}`;

/** The page frame: charset, viewport, title, inline style, site header and footer. No script. */
export function layout(title: string, body: SafeHtml): string {
  return `<!doctype html>${html`<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} — 社会化职业技能等级认定职业（工种）征集</title><style>${new SafeHtml(CSS)}</style></head><body><header class="site"><a href="/public">上海市社会化职业技能等级认定职业（工种）征集</a><small>上海市职业技能鉴定中心 公示公告</small></header><main>${body}</main><footer class="site">上海市人力资源和社会保障局 · 上海市职业技能鉴定中心</footer></body></html>`.value}`;
}
