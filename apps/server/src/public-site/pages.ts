import {
  CAMPAIGN_STATUS_LABELS,
  OBJECTION_FILE_MAX_BYTES,
  OBJECTION_MAX_FILES,
  endOfShanghaiDay,
  formatChineseDate,
  formatChineseDateTime,
  type CampaignStatus,
} from '@zhengji/domain';
import type { NoticeItem } from '../db/schema/index.ts';
import type { PublicCampaign } from '../use-cases/campaign/get-public-campaign.ts';
import type { PublicNotice } from '../use-cases/notice/get-public-notice.ts';
import type { PublicIndexEntry } from '../use-cases/notice/list-public-site.ts';
import type { ObjectionReceipt } from '../use-cases/objection/file-objection.ts';
import type { ObjectionStatusView } from '../use-cases/objection/query-objection.ts';
import type { FinalListView } from '@zhengji/domain/notice/notice.schemas.ts';
import { html, layout, paragraphs, type SafeHtml } from './html.ts';
import { finalDocument, noticeDocument, type NoticeListDocument } from '../documents/notice-list-layout.ts';

/** Where a notice stands relative to today (Shanghai). */
export type NoticePhase = 'before' | 'during' | 'after';

const day = (iso: string) => formatChineseDate(endOfShanghaiDay(iso));
const period = (n: { startDate: string; endDate: string }) => `${day(n.startDate)}至${day(n.endDate)}`;

/** The phase of a notice period at an instant. */
export function noticePhase(n: { startDate: string; endDate: string }, now: Date): NoticePhase {
  if (now.getTime() < new Date(`${n.startDate}T00:00:00+08:00`).getTime()) return 'before';
  return now.getTime() > endOfShanghaiDay(n.endDate).getTime() ? 'after' : 'during';
}

const COLUMNS = ['序号', '职业编码', '职业', '工种', '国家职业技能标准（版本）', '产业类别', '推荐单位'] as const;

function itemCells(i: NoticeItem, seq: number): string[] {
  return [
    String(seq),
    i.occupationCode,
    i.occupationName,
    i.jobTypeName || '—',
    `${i.standardName}${i.standardVersion ? `（${i.standardVersion}）` : ''}`,
    i.industries.join('、'),
    i.recommendingUnits.join('、'),
  ];
}

/** The list of items: a table on wide screens, cards on phones (CSS only). */
export function itemTable(
  items: readonly (NoticeItem & { noticeSeq?: number })[],
  extra?: { label: string; value: (i: NoticeItem & { reason?: string }) => string },
  rowClass = '',
): SafeHtml {
  const cols = extra ? [...COLUMNS, extra.label] : [...COLUMNS];
  return html`<table class="list"><thead><tr>${cols.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead><tbody>${items.map(
    (i) =>
      html`<tr class="${rowClass}">${[...itemCells(i, i.seq), ...(extra ? [extra.value(i)] : [])].map((v, k) => html`<td data-label="${cols[k] ?? ''}">${v}</td>`)}</tr>`,
  )}</tbody></table>`;
}

function downloads(base: string, label: string): SafeHtml {
  return html`<p class="downloads plain">下载${label}：<a href="${base}/docx">Word</a><a href="${base}/pdf">PDF</a><a href="${base}/ofd">OFD</a><a href="${base}/xlsx">Excel</a></p>`;
}

/** /public: the calls, notices and final lists. */
export function indexPage(entries: readonly PublicIndexEntry[]): string {
  const body = html`<article><h1>公示公告</h1>${entries.length === 0 ? html`<p class="plain">暂无公开信息。</p>` : ''}${entries.map(
    (
      e,
    ) => html`<section><h2>${e.title}</h2><p class="meta plain">${e.docNo} · ${CAMPAIGN_STATUS_LABELS[e.status as CampaignStatus] ?? e.status} · 征集截止${day(e.deadline)}</p><ul>
      <li><a href="/public/campaigns/${e.id}">征集通知</a></li>
      ${e.notice ? html`<li><a href="/public/notices/${e.notice.id}">${e.notice.title}</a>（公示期${period(e.notice)}）</li>` : ''}
      ${e.finalPublishedAt ? html`<li><a href="/public/final/${e.id}">最终名单</a>（${formatChineseDate(e.finalPublishedAt)}发布）</li>` : ''}
    </ul></section>`,
  )}<p class="plain"><a href="/public/objections/query">查询异议办理进度</a></p></article>`;
  return layout('公示公告', body);
}

/** /public/campaigns/:id: the call, laid out like the notice 沪人社职〔2024〕319号. */
export function campaignPage(c: PublicCampaign, templateUrl: string | null): string {
  const body = html`<article>
    <p class="docno plain">${c.docNo}</p>
    <h1>${c.title}</h1>
    <p class="meta plain" style="text-align:center">${c.issuer} · ${day(c.issueDate)} · ${CAMPAIGN_STATUS_LABELS[c.status as CampaignStatus] ?? c.status}</p>
    ${c.conditionsText ? html`<h2>一、评价项目征集范围及条件</h2>${paragraphs(c.conditionsText)}` : ''}
    ${c.workflowText ? html`<h2>二、工作流程</h2>${paragraphs(c.workflowText)}` : ''}
    <h2>三、相关要求</h2>
    <p><strong>征集时间：</strong>即日起至${day(c.deadline)}止。</p>
    ${c.requirementsText ? paragraphs(c.requirementsText) : ''}
    ${c.contactEmail ? html`<p>联系方式：市职鉴中心，电子邮箱 ${c.contactEmail}。</p>` : ''}
    ${c.industryTags.length ? html`<p>产业类别：${c.industryTags.join('、')}。</p>` : ''}
    ${c.instructions.length ? html`<h2>填表说明</h2><ol>${c.instructions.map((t) => html`<li><p class="plain">${t}</p></li>`)}</ol>` : ''}
    ${templateUrl ? html`<p class="downloads plain">附件：<a href="${templateUrl}">社会化职业技能等级认定职业（工种）推荐表（Excel 模板）</a></p>` : ''}
  </article>`;
  return layout(c.title, body);
}

/** The announcement's text as the Word and PDF documents print it: body, period, objections, 附件, issuer and date. */
function announcementText(d: NoticeListDocument): SafeHtml {
  return html`<div class="announcement">${d.paragraphs.map((p) => html`<p>${p.split('\n').map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`))}</p>`)}
    <p class="plain" style="text-align:right">${d.issuer}<br>${d.date}</p></div>`;
}

export function noticePage(n: PublicNotice, phase: NoticePhase, siteUrl: string): string {
  const status =
    phase === 'during'
      ? html`<div class="notice-box">公示期为${period(n)}。对公示的职业（工种）有异议的，可在公示期内<a href="/public/notices/${n.id}/objection">在线提出异议</a>。</div>`
      : phase === 'before'
        ? html`<div class="notice-box">公示将于${day(n.startDate)}开始，至${day(n.endDate)}结束。</div>`
        : html`<div class="notice-box">公示期（${period(n)}）已结束，不再受理异议。</div>`;
  const body = html`<article>
    ${n.docNo ? html`<p class="docno plain">${n.docNo}</p>` : ''}
    <h1>${n.title}</h1>
    <p class="meta plain" style="text-align:center">${n.campaignTitle} · 发布于${formatChineseDate(n.publishedAt)}</p>
    ${status}
    ${announcementText(noticeDocument(n, siteUrl))}
    <h2>公示名单（共${n.items.length}项）</h2>
    ${itemTable(n.items)}
    <h2>异议方式</h2>
    <p>公示期内，任何单位或个人对名单中的职业（工种）有异议的，可通过本网站在线提交异议，写明异议对象、理由并可附证明材料（PDF、JPEG 或 PNG，每个不超过 10 MB，最多 3 个）。提交后将获得受理编号和查询码，可凭其<a href="/public/objections/query">查询办理进度和答复</a>。</p>
    ${phase === 'during' ? html`<p class="no-print plain"><a class="btn" href="/public/notices/${n.id}/objection">提出异议</a></p>` : ''}
    ${downloads(`/public/notices/${n.id}/download`, '公示名单')}
    <p class="meta plain">内容校验码（SHA-256）：<span style="word-break:break-all">${n.snapshotHash}</span></p>
  </article>`;
  return layout(n.title, body);
}

/** Values the objection form keeps when it is shown again after an error. */
export type ObjectionFormValues = Partial<Record<'name' | 'phone' | 'email' | 'organization' | 'itemId' | 'grounds', string>>;

/** /public/notices/:id/objection: the HTML form (multipart, no script) with an arithmetic question. */
export function objectionFormPage(
  n: PublicNotice,
  challenge: { question: string; token: string },
  values: ObjectionFormValues = {},
  error: string | null = null,
): string {
  const v = (k: keyof ObjectionFormValues) => values[k] ?? '';
  const body = html`<article>
    <h1>提出异议</h1>
    <p class="meta plain" style="text-align:center">${n.title} · 公示期${period(n)}</p>
    ${error ? html`<div class="error-box" role="alert">${error}</div>` : ''}
    <p class="plain">您的姓名和联系方式仅供市职鉴中心核实和答复使用，不会公开。</p>
    <form method="post" action="/public/notices/${n.id}/objection" enctype="multipart/form-data">
      <label for="itemId">异议的职业（工种）</label>
      <select id="itemId" name="itemId" required><option value="">请选择</option>${n.items.map(
        (i) =>
          html`<option value="${i.candidateId}"${v('itemId') === i.candidateId ? html` selected` : ''}>${i.seq}. ${i.occupationCode} ${i.occupationName}${i.jobTypeName ? `（${i.jobTypeName}）` : ''}</option>`,
      )}</select>
      <label for="name">姓名</label><input type="text" id="name" name="name" maxlength="50" required value="${v('name')}" autocomplete="name">
      <label for="phone">联系电话 <span class="hint">（电话与电子邮箱至少填一项）</span></label><input type="tel" id="phone" name="phone" maxlength="30" value="${v('phone')}" autocomplete="tel">
      <label for="email">电子邮箱 <span class="hint">（填写后将收到一封确认邮件，确认后以邮件发送受理回执和办理结果）</span></label><input type="email" id="email" name="email" maxlength="200" value="${v('email')}" autocomplete="email">
      <label for="organization">所在单位 <span class="hint">（选填）</span></label><input type="text" id="organization" name="organization" maxlength="100" value="${v('organization')}">
      <label for="grounds">异议理由</label><textarea id="grounds" name="grounds" maxlength="2000" required>${v('grounds')}</textarea>
      <label for="evidence">证明材料 <span class="hint">（选填；PDF、JPEG 或 PNG，每个不超过 ${OBJECTION_FILE_MAX_BYTES / 1024 / 1024} MB，最多 ${OBJECTION_MAX_FILES} 个）</span></label><input type="file" id="evidence" name="evidence" multiple accept="application/pdf,image/jpeg,image/png">
      <label for="challengeAnswer">验证题：${challenge.question}</label><input type="text" id="challengeAnswer" name="challengeAnswer" inputmode="numeric" maxlength="4" required autocomplete="off">
      <input type="hidden" name="challengeToken" value="${challenge.token}">
      <p class="plain" style="margin-top:18px"><button class="btn" type="submit">提交异议</button></p>
    </form>
  </article>`;
  return layout('提出异议', body);
}

/** After filing: the receipt number and the query code, shown once. */
export function objectionReceiptPage(n: PublicNotice, r: ObjectionReceipt): string {
  const body = html`<article>
    <h1>异议已提交</h1>
    <div class="ok-box">您对“${r.itemLabel}”提出的异议已于${formatChineseDateTime(r.filedAt)}收到。</div>
    <dl class="kv"><dt>受理编号</dt><dd class="code" data-testid="receipt-no">${r.receiptNo}</dd><dt>查询码</dt><dd class="code" data-testid="query-code">${r.queryCode}</dd></dl>
    <p class="plain"><strong>请记下或截图保存受理编号和查询码。</strong>查询码只显示这一次，系统不保存查询码原文，遗失后无法找回。</p>
    ${r.confirmation === 'sent' ? html`<p class="plain" data-testid="email-confirmation">我们已向您填写的电子邮箱发送一封确认邮件，请在7日内打开邮件中的链接确认邮箱；确认后将发送受理回执，办理结果也将以邮件通知。</p>` : ''}
    ${r.confirmation === 'withheld' ? html`<p class="plain" data-testid="email-confirmation">该电子邮箱今天已收到多封确认邮件，本次不再发送；请凭受理编号和查询码在本网站查询办理进度。</p>` : ''}
    <p class="plain"><a href="/public/objections/query">查询办理进度</a> · <a href="/public/notices/${n.id}">返回公示</a></p>
  </article>`;
  return layout('异议已提交', body);
}

/** /public/objections/confirm: the link of the confirmation mail shows a button (a mail scanner's GET confirms nothing). */
export function confirmEmailPage(token: string, error: string | null = null): string {
  const body = html`<article>
    <h1>确认电子邮箱</h1>
    ${
      error
        ? html`<div class="error-box" role="alert">${error}</div>`
        : html`<p class="plain">确认后，异议受理回执和办理结果将发送到您的电子邮箱。</p>
    <form method="post" action="/public/objections/confirm">
      <input type="hidden" name="token" value="${token}">
      <p class="plain" style="margin-top:18px"><button class="btn" type="submit">确认邮箱</button></p>
    </form>`
    }
  </article>`;
  return layout('确认电子邮箱', body);
}

/** After confirming: where the receipt went. */
export function emailConfirmedPage(c: { receiptNo: string; maskedEmail: string; alreadyConfirmed: boolean }): string {
  const body = html`<article>
    <h1>电子邮箱已确认</h1>
    <div class="ok-box" data-testid="email-confirmed">${c.alreadyConfirmed ? `该邮箱此前已确认，受理编号 ${c.receiptNo} 的回执已发送到 ${c.maskedEmail}。` : `已确认。受理编号 ${c.receiptNo} 的受理回执将发送到 ${c.maskedEmail}，办理结果也将以邮件通知。`}</div>
    <p class="plain"><a href="/public/objections/query">查询办理进度</a></p>
  </article>`;
  return layout('电子邮箱已确认', body);
}

/** /public/objections/query: receipt number + query code (POST, so the code stays out of addresses and logs). */
export function queryPage(values: { receiptNo?: string } = {}, error: string | null = null): string {
  const body = html`<article>
    <h1>查询异议办理进度</h1>
    ${error ? html`<div class="error-box" role="alert">${error}</div>` : ''}
    <form method="post" action="/public/objections/query">
      <label for="receiptNo">受理编号</label><input type="text" id="receiptNo" name="receiptNo" maxlength="40" required value="${values.receiptNo ?? ''}" autocomplete="off">
      <label for="queryCode">查询码</label><input type="text" id="queryCode" name="queryCode" maxlength="40" required autocomplete="off">
      <p class="plain" style="margin-top:18px"><button class="btn" type="submit">查询</button></p>
    </form>
  </article>`;
  return layout('查询异议办理进度', body);
}

/** The state and the center's answer (no personal data). */
export function queryResultPage(s: ObjectionStatusView): string {
  const body = html`<article>
    <h1>异议办理进度</h1>
    <dl class="kv">
      <dt>受理编号</dt><dd>${s.receiptNo}</dd>
      <dt>公示</dt><dd>${s.noticeTitle}</dd>
      <dt>异议对象</dt><dd>${s.itemLabel}</dd>
      <dt>提交时间</dt><dd>${formatChineseDateTime(s.filedAt)}</dd>
      <dt>办理状态</dt><dd data-testid="objection-status">${s.statusLabel}</dd>
      ${s.notAcceptedReason ? html`<dt>不予受理理由</dt><dd>${s.notAcceptedReason}</dd>` : ''}
      ${s.conclusionLabel ? html`<dt>办理结论</dt><dd>${s.conclusionLabel}</dd>` : ''}
      ${s.effectLabel ? html`<dt>处理结果</dt><dd>${s.effectLabel}</dd>` : ''}
      ${s.reply ? html`<dt>答复</dt><dd data-testid="objection-reply">${s.reply}</dd>` : ''}
    </dl>
    <p class="plain"><a href="/public/objections/query">查询其他异议</a></p>
  </article>`;
  return layout('异议办理进度', body);
}

/** /public/final/:campaignId: the final list with the difference from the notice. */
export function finalPage(f: FinalListView, siteUrl: string): string {
  const body = html`<article>
    <h1>${f.campaignTitle}最终名单</h1>
    <p class="meta plain" style="text-align:center">${formatChineseDate(new Date(f.publishedAt))}发布 · <a href="/public/notices/${f.noticeId}">查看公示</a></p>
    ${announcementText(finalDocument(f, siteUrl))}
    ${itemTable(f.items, { label: '公示序号', value: (i) => String((i as { noticeSeq?: number }).noticeSeq ?? '') })}
    <h2>与公示名单的差异</h2>
    ${f.removed.length === 0 ? html`<p>与公示名单一致，无撤销项目。</p>` : html`<p>公示名单中以下${f.removed.length}项经异议处理后撤销，未列入最终名单：</p>${itemTable(f.removed, { label: '撤销原因', value: (i) => i.reason ?? '' }, 'removed')}`}
    ${downloads(`/public/final/${f.campaignId}/download`, '最终名单')}
    <p class="meta plain">内容校验码（SHA-256）：<span style="word-break:break-all">${f.hash}</span></p>
  </article>`;
  return layout(`${f.campaignTitle}最终名单`, body);
}

/** An error page in the site's frame. */
export function errorPage(title: string, message: string): string {
  return layout(
    title,
    html`<article><h1>${title}</h1><div class="error-box" role="alert">${message}</div><p class="plain"><a href="/public">返回公示公告</a></p></article>`,
  );
}
