import { CHECK_FAIL_REASON_LABELS, RowDecisionSchema } from '@zhengji/domain/check/check.schemas.ts';
import type { CheckView } from './check.api.ts';
import type { DraftDecision } from './components/check-rows.tsx';

/** What accepting would record: passed rows (some only by default) and failed rows with their reason. */
export interface AcceptOutcome {
  passed: number;
  passedByDefault: number;
  failed: { rowIndex: number; label: string; reason: string }[];
}

/** The clerk's drafts as the server would record them on 受理 (a row without a decision passes). */
export function acceptOutcome(view: CheckView, drafts: Record<number, DraftDecision>): AcceptOutcome {
  const failed: AcceptOutcome['failed'] = [];
  let passedByDefault = 0;
  for (const row of view.rows) {
    const d = drafts[row.rowIndex];
    if (!d) passedByDefault += 1;
    if (d?.decision !== 'fail') continue;
    const reason = [d.reasonCode ? CHECK_FAIL_REASON_LABELS[d.reasonCode] : '', d.reasonText.trim()].filter(Boolean).join('：');
    failed.push({ rowIndex: row.rowIndex, label: `${row.occupationName}${row.jobTypeName ? `（${row.jobTypeName}）` : ''}`, reason });
  }
  return { passed: view.rows.length - failed.length, passedByDefault, failed };
}

/** The first draft the server would refuse (a fail without reason, 其他 without text), in the schema's own words. */
export function draftProblem(drafts: Record<number, DraftDecision>): string | null {
  for (const [i, d] of Object.entries(drafts)) {
    const parsed = RowDecisionSchema.safeParse({ rowIndex: Number(i), ...d });
    if (!parsed.success) return parsed.error.issues[0]?.message ?? `第 ${String(Number(i) + 1)} 行的结论不完整`;
  }
  return null;
}

/** Why a check command cannot succeed now (null when it can): the button is disabled with this reason. */
export function checkBlocked(view: CheckView, action: 'save' | 'accept' | 'return', drafts: Record<number, DraftDecision>): string | null {
  switch (view.status) {
    case 'draft':
      return '单位已撤回推荐表，待其重新提交后再核验';
    case 'returned':
      return '推荐表已退回，待单位修改并重新提交后再核验';
    case 'accepted':
      return '推荐表已受理，核验已结束';
    case 'submitted':
      break;
  }
  if (!view.abilities[action === 'return' ? 'return' : 'accept']) return '征集已进入后续阶段，不能再核验、受理或退回推荐表';
  if (!view.checkingStartedAt) return '请先点击“开始核验”';
  return action === 'return' ? null : draftProblem(drafts);
}
