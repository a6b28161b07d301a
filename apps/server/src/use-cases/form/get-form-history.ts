import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import {
  CAMPAIGN_STATUS_LABELS,
  DomainError,
  FORM_STATUS_LABELS,
  ROW_OUTCOME_LABELS,
  endOfShanghaiDay,
  formatChineseDate,
  hasRole,
  type CampaignStatus,
  type FormHistory,
  type FormHistoryEntry,
  type FormHistoryRow,
  type RowOutcome,
} from '@zhengji/domain';
import { CHECK_FAIL_REASON_LABELS } from '@zhengji/domain/check/check.schemas.ts';
import { campaigns, candidates, checkDecisions, finalLists, formRows, formVersions, forms, notices } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';

type Candidate = typeof candidates.$inferSelect;
type Notice = typeof notices.$inferSelect;
type FinalList = typeof finalLists.$inferSelect;

/** What became of a passed row once it is in the candidate pool. */
function candidateOutcome(c: Candidate, notice: Notice | undefined, final: FinalList | undefined): { outcome: RowOutcome; reason: string | null } {
  if (final) {
    if (final.items.some((i) => i.candidateId === c.id)) return { outcome: 'final', reason: null };
    const removed = final.removed.find((i) => i.candidateId === c.id);
    if (removed) return { outcome: 'withdrawn', reason: removed.reason };
  }
  if (c.status === 'withdrawn') return { outcome: 'withdrawn', reason: c.decisionReason };
  if (notice?.status === 'published' && notice.items.some((i) => i.candidateId === c.id)) return { outcome: 'publicized', reason: null };
  if (c.status === 'selected') return { outcome: 'selected', reason: null };
  if (c.status === 'not_selected') return { outcome: 'not_selected', reason: c.decisionReason || '未说明理由' };
  return { outcome: 'in_review', reason: null };
}

function summaryOf(entry: Omit<FormHistoryEntry, 'summary'>): string {
  if (entry.versionNumber === 0) return entry.campaign.status === 'open' ? '推荐表尚未提交' : '推荐表未在截止前提交';
  if (entry.status === 'returned') return `推荐表已被退回修改${entry.returnReason ? `：${entry.returnReason}` : ''}`;
  const count = (o: RowOutcome) => entry.rows.filter((r) => r.outcome === o).length;
  const parts: string[] = [];
  for (const o of ['final', 'publicized', 'selected', 'not_selected', 'withdrawn', 'in_review', 'check_passed', 'check_failed', 'awaiting_check'] as const) {
    const n = count(o);
    if (n > 0) parts.push(`${ROW_OUTCOME_LABELS[o]} ${String(n)} 项`);
  }
  return parts.length > 0 ? `共 ${String(entry.rows.length)} 项：${parts.join('，')}` : '推荐表中没有条目';
}

/**
 * Every campaign the unit took part in (open or closed, archived included), newest first: its form's status, each row's
 * check result with the reason and the row's outcome. A unit sees only its own unit's forms.
 */
export async function getFormHistory(ctx: UseCaseContext): Promise<FormHistory> {
  const actor = requireAllowed(hasRole(ctx.actor, 'unit'), ctx.actor);
  if (actor.role !== 'unit' || !actor.unitId) throw new DomainError('FORBIDDEN', '您的账号未关联推荐单位，没有推荐记录；请联系系统管理员');
  const db = ctx.db;
  const mine = await db
    .select({ form: forms, campaign: campaigns })
    .from(forms)
    .innerJoin(campaigns, eq(campaigns.id, forms.campaignId))
    .where(eq(forms.unitId, actor.unitId))
    .orderBy(desc(campaigns.createdAt));
  if (mine.length === 0) return { entries: [] };
  const formIds = mine.map((m) => m.form.id);
  const campaignIds = [...new Set(mine.map((m) => m.campaign.id))];
  const [versions, drafts, decisions, pool, noticeRows, finals] = await Promise.all([
    db
      .select({ formId: formVersions.formId, number: formVersions.number, rows: formVersions.rows })
      .from(formVersions)
      .where(inArray(formVersions.formId, formIds)),
    db.select().from(formRows).where(inArray(formRows.formId, formIds)),
    db.select().from(checkDecisions).where(inArray(checkDecisions.formId, formIds)),
    db
      .select()
      .from(candidates)
      .where(and(inArray(candidates.campaignId, campaignIds), isNull(candidates.mergedIntoId))),
    db.select().from(notices).where(inArray(notices.campaignId, campaignIds)),
    db.select().from(finalLists).where(inArray(finalLists.campaignId, campaignIds)),
  ]);
  const entries = mine.map(({ form, campaign }): FormHistoryEntry => {
    const n = form.lastVersionNumber;
    const version = n > 0 ? versions.find((v) => v.formId === form.id && v.number === n) : undefined;
    const rows = version
      ? version.rows.map((r, i) => ({
          rowIndex: i,
          priority: i + 1,
          occupationCode: r.occupationCode,
          occupationName: r.occupationName,
          jobTypeName: r.jobTypeName,
        }))
      : drafts
          .filter((r) => r.formId === form.id)
          .sort((a, b) => a.priority - b.priority)
          .map((r, i) => ({
            rowIndex: i,
            priority: r.priority,
            occupationCode: r.occupationCode,
            occupationName: r.occupationName,
            jobTypeName: r.jobTypeName,
          }));
    const notice = noticeRows.find((x) => x.campaignId === campaign.id);
    const final = finals.find((x) => x.campaignId === campaign.id);
    const history: FormHistoryRow[] = rows.map((r) => {
      const d = version ? decisions.find((x) => x.formId === form.id && x.versionNumber === n && x.rowIndex === r.rowIndex) : undefined;
      const check = d
        ? {
            decision: d.decision,
            reasonCode: d.reasonCode,
            reason:
              d.decision === 'fail'
                ? [d.reasonCode ? CHECK_FAIL_REASON_LABELS[d.reasonCode] : null, d.reasonText || null].filter(Boolean).join('：') || null
                : null,
          }
        : null;
      let outcome: RowOutcome;
      let reason: string | null = null;
      if (!version) outcome = 'not_submitted';
      else if (!d) outcome = 'awaiting_check';
      else if (d.decision === 'fail') ({ outcome, reason } = { outcome: 'check_failed', reason: check?.reason ?? null });
      else if (form.status === 'returned') outcome = 'check_passed';
      else {
        const c = pool.find((x) => x.sources.some((s) => s.formId === form.id && s.versionNumber === n && s.rowIndex === r.rowIndex));
        ({ outcome, reason } = c ? candidateOutcome(c, notice, final) : { outcome: 'check_passed', reason: null });
      }
      return { ...r, check, outcome, outcomeLabel: ROW_OUTCOME_LABELS[outcome], outcomeReason: reason };
    });
    const entry = {
      formId: form.id,
      campaign: {
        id: campaign.id,
        title: campaign.title,
        docNo: campaign.docNo,
        status: campaign.status,
        statusLabel: CAMPAIGN_STATUS_LABELS[campaign.status as CampaignStatus],
        deadlineLabel: formatChineseDate(endOfShanghaiDay(campaign.deadline)),
      },
      status: form.status,
      statusLabel: FORM_STATUS_LABELS[form.status],
      versionNumber: n,
      submittedAt: form.submittedAt?.toISOString() ?? null,
      returnReason: form.status === 'returned' ? form.returnReason : null,
      rows: history,
    };
    return { ...entry, summary: summaryOf(entry) };
  });
  return { entries };
}
