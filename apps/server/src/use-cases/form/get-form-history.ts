import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
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
import type { Db } from '../../db/client.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';

type Candidate = typeof candidates.$inferSelect;

/** Which of the unit's candidates a published notice lists, the final list keeps, or the final list removed (with why). */
interface Listed {
  publicized: Set<string>;
  final: Set<string>;
  removed: Map<string, string>;
}

/**
 * The notice and final-list facts of the given candidates, read inside the database: the lists hold every item of a
 * campaign (hundreds each), the unit needs a few of them.
 */
async function listedCandidates(db: Db, campaignIds: string[], candidateIds: string[]): Promise<Listed> {
  const listed: Listed = { publicized: new Set(), final: new Set(), removed: new Map() };
  if (candidateIds.length === 0) return listed;
  const id = sql`e->>'candidateId'`;
  const result = (await db.execute(sql`
    SELECT 'publicized' AS kind, ${id} AS id, NULL AS reason FROM ${notices} CROSS JOIN LATERAL jsonb_array_elements(${notices.items}) e
      WHERE ${inArray(notices.campaignId, campaignIds)} AND ${notices.status} = 'published' AND ${inArray(id, candidateIds)}
    UNION ALL
    SELECT 'final', ${id}, NULL FROM ${finalLists} CROSS JOIN LATERAL jsonb_array_elements(${finalLists.items}) e
      WHERE ${inArray(finalLists.campaignId, campaignIds)} AND ${inArray(id, candidateIds)}
    UNION ALL
    SELECT 'removed', ${id}, e->>'reason' FROM ${finalLists} CROSS JOIN LATERAL jsonb_array_elements(${finalLists.removed}) e
      WHERE ${inArray(finalLists.campaignId, campaignIds)} AND ${inArray(id, candidateIds)}`)) as unknown as {
    rows: { kind: 'publicized' | 'final' | 'removed'; id: string; reason: string | null }[];
  };
  for (const r of result.rows) {
    if (r.kind === 'removed') listed.removed.set(r.id, r.reason ?? '');
    else listed[r.kind].add(r.id);
  }
  return listed;
}

/** What became of a passed row once it is in the candidate pool. */
function candidateOutcome(c: Candidate, listed: Listed): { outcome: RowOutcome; reason: string | null } {
  if (listed.final.has(c.id)) return { outcome: 'final', reason: null };
  const removed = listed.removed.get(c.id);
  if (removed !== undefined) return { outcome: 'withdrawn', reason: removed };
  if (c.status === 'withdrawn') return { outcome: 'withdrawn', reason: c.decisionReason };
  if (listed.publicized.has(c.id)) return { outcome: 'publicized', reason: null };
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
  const campaignIds = [...new Set(mine.map((m) => m.campaign.id))];
  const submitted = mine.filter((m) => m.form.lastVersionNumber > 0);
  const unsubmitted = mine.filter((m) => m.form.lastVersionNumber === 0).map((m) => m.form.id);
  // Only what this unit's rows need: the last version of each form, the drafts of forms never submitted, and the
  // candidates whose sources name one of its forms (the whole pool of a campaign is thousands of rows of jsonb).
  const ownCandidate = or(...submitted.map((m) => m.form.id).map((id) => sql`${candidates.sources} @> ${JSON.stringify([{ formId: id }])}::jsonb`));
  const [versions, drafts, decisions, pool] = await Promise.all([
    submitted.length > 0
      ? db
          .select({ formId: formVersions.formId, number: formVersions.number, rows: formVersions.rows })
          .from(formVersions)
          .where(or(...submitted.map((m) => and(eq(formVersions.formId, m.form.id), eq(formVersions.number, m.form.lastVersionNumber)))))
      : [],
    unsubmitted.length > 0 ? db.select().from(formRows).where(inArray(formRows.formId, unsubmitted)) : [],
    submitted.length > 0
      ? db
          .select()
          .from(checkDecisions)
          .where(or(...submitted.map((m) => and(eq(checkDecisions.formId, m.form.id), eq(checkDecisions.versionNumber, m.form.lastVersionNumber)))))
      : [],
    submitted.length > 0
      ? db
          .select()
          .from(candidates)
          .where(and(inArray(candidates.campaignId, campaignIds), isNull(candidates.mergedIntoId), ownCandidate))
      : [],
  ]);
  const listed = await listedCandidates(
    db,
    campaignIds,
    pool.map((c) => c.id),
  );
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
        ({ outcome, reason } = c ? candidateOutcome(c, listed) : { outcome: 'check_passed', reason: null });
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
