import { checkRows, isMainlandPhone, type Finding, type FormHeader, type FormRow } from '@zhengji/domain';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { referenceIndexFor } from '../db/queries/form-reference.ts';
import type { CampaignRecord } from '../db/queries/form-state.ts';

/** The rows with errors, named with their first error (three at most), or null when no row has an error. */
export function rowErrorSummary(findings: Finding[][], action: string): string | null {
  const bad = findings.map((f, i) => ({ row: i + 1, first: f.find((x) => x.severity === 'error') })).filter((x) => x.first);
  if (bad.length === 0) return null;
  const detail = bad
    .slice(0, 3)
    .map((b) => `第 ${String(b.row)} 行：${b.first!.message}`)
    .join('；');
  return `第 ${bad.map((b) => String(b.row)).join('、')} 行有错误，请修改后再${action}。${detail}${bad.length > 3 ? '……' : ''}`;
}

/** Why the header cannot be printed on a finalized or submitted form (contact person and phone), or null. */
export function headerProblem(header: FormHeader, action: string): string | null {
  if (header.contactName.trim() === '') return `请填写联系人后再${action}`;
  if (!isMainlandPhone(header.contactPhone)) return `请填写正确的联系方式（手机号码或带区号的固定电话，如 021-12345678）后再${action}`;
  return null;
}

/** The first reason the content cannot be finalized or submitted (no rows, rule errors, header), or null. */
export async function contentProblem(
  db: Db,
  config: Config,
  campaign: CampaignRecord,
  header: FormHeader,
  rows: FormRow[],
  action: string,
): Promise<string | null> {
  if (rows.length === 0) return `推荐表还没有填写任何职业（工种），请至少填写一行后再${action}`;
  const index = await referenceIndexFor(db, config, campaign.id);
  const findings = checkRows(rows, index, { industryTags: campaign.industryTags.length > 0 ? campaign.industryTags : undefined });
  return rowErrorSummary(findings, action) ?? headerProblem(header, action);
}
