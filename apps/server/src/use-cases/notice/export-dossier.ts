import { PassThrough, type Readable } from 'node:stream';
import { ZipArchive, type Archiver } from 'archiver';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assignments, auditLog, auditSeals, candidates, experts, finalLists, formVersions, forms, notices, objectionFiles, objections, reviews, storedFiles, units } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { sealAuditLog } from '../audit/seal-audit.ts';
import { authorizeNotice, loadCampaign } from './notice-support.ts';
import { streamFileContent } from '../file/file-content.ts';

const EXT: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** One CSV cell: quoted, with formula-looking text defused for spreadsheets. */
function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}
/** A CSV text with a BOM (Excel reads it as UTF-8). */
export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80);

/** Adds entries one at a time, waiting until archiver has taken each in, so memory holds about one file. */
function sequentialAppender(zip: Archiver) {
  return (name: string, content: string | Buffer | Readable) =>
    new Promise<void>((resolve, reject) => {
      const onEntry = () => {
        zip.off('error', onError);
        resolve();
      };
      const onError = (e: Error) => {
        zip.off('entry', onEntry);
        reject(e);
      };
      zip.once('entry', onEntry);
      zip.once('error', onError);
      // Scans and evidence are already compressed: store them, deflate only the text entries.
      zip.append(content, { name, date: new Date('2024-01-01T00:00:00Z'), store: typeof content !== 'string' });
    });
}

async function writeEntries(db: Db, campaignId: string, add: (name: string, content: string | Buffer | Readable) => Promise<void>): Promise<void> {
  const campaign = await loadCampaign(db, campaignId);
  await add('README.txt', `征集活动档案：${campaign.title}（${campaign.docNo}）\r\n内容：campaign.json 征集活动；forms/ 各单位推荐表及其提交版本和盖章扫描件；checks.csv 材料核验；candidates.csv 候选职业与入选决定；reviews.csv 专家评审；notice.json 公示及其快照；objections.csv 异议及处理（含个人信息，仅限市职鉴中心存档）；final-list.json 最终名单；audit.csv 审计日志摘录。\r\n`);
  await add('campaign.json', json(campaign));
  const formRows = await db.select({ f: forms, unitName: units.name }).from(forms).innerJoin(units, eq(units.id, forms.unitId)).where(eq(forms.campaignId, campaignId)).orderBy(asc(units.name));
  for (const { f, unitName } of formRows) {
    const dir = `forms/${safeName(unitName)}-${f.id.slice(0, 8)}`;
    await add(`${dir}/form.json`, json(f));
    const versions = await db.select({ id: formVersions.id, number: formVersions.number }).from(formVersions).where(eq(formVersions.formId, f.id)).orderBy(asc(formVersions.number));
    for (const v of versions) {
      const [version] = await db.select().from(formVersions).where(eq(formVersions.id, v.id));
      await add(`${dir}/v${v.number}.json`, json(version));
      const [scan] = version?.scanFileId ? await db.select({ id: storedFiles.id, mime: storedFiles.mime }).from(storedFiles).where(eq(storedFiles.id, version.scanFileId)) : [];
      if (scan) await add(`${dir}/v${v.number}-scan.${EXT[scan.mime] ?? 'bin'}`, streamFileContent(db, scan.id));
    }
  }
  const hasChecks = await db.execute(sql`SELECT to_regclass('public.check_decisions') IS NOT NULL AS present`);
  const present = (hasChecks as unknown as { rows?: { present: boolean }[] }).rows?.[0]?.present ?? (hasChecks as unknown as { present: boolean }[])[0]?.present;
  if (present && formRows.length) {
    const checks = await db.execute(sql`SELECT form_id, version_number, row_index, decision, reason_code, reason_text, overrides, decided_by, decided_at FROM check_decisions WHERE form_id IN (${sql.join(formRows.map((r) => sql`${r.f.id}`), sql`, `)}) ORDER BY form_id, version_number, row_index`);
    const rows = ((checks as unknown as { rows?: Record<string, unknown>[] }).rows ?? (checks as unknown as Record<string, unknown>[])).map((r) => Object.values(r));
    await add('checks.csv', toCsv(['form_id', 'version_number', 'row_index', 'decision', 'reason_code', 'reason_text', 'overrides', 'decided_by', 'decided_at'], rows));
  }
  const cands = await db.select().from(candidates).where(eq(candidates.campaignId, campaignId)).orderBy(asc(candidates.occupationCode), asc(candidates.jobTypeName));
  await add('candidates.csv', toCsv(
    ['id', '职业编码', '职业', '工种', '标准', '版本', '产业类别', '预计评价人次', '推荐单位', '状态', '决定理由', '决定时间'],
    cands.map((c) => [c.id, c.occupationCode, c.occupationName, c.jobTypeName, c.standardName, c.standardVersion, c.industries.join('、'), c.expectedAssessments, c.sources.map((s) => s.unitName).join('、'), c.status, c.decisionReason, c.decidedAt]),
  ));
  const revs = await db
    .select({ candidateId: assignments.candidateId, expert: experts.name, status: assignments.status, opinion: reviews.opinion, scores: reviews.scores, comment: reviews.comment, reviewStatus: reviews.status, submittedAt: reviews.submittedAt })
    .from(assignments)
    .innerJoin(experts, eq(experts.id, assignments.expertId))
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(eq(assignments.campaignId, campaignId));
  await add('reviews.csv', toCsv(['candidate_id', '专家', '分配状态', '意见', '评分', '评语', '评审状态', '提交时间'], revs.map((r) => Object.values(r))));
  const [notice] = await db.select().from(notices).where(eq(notices.campaignId, campaignId));
  const objs = notice ? await db.select().from(objections).where(eq(objections.noticeId, notice.id)).orderBy(asc(objections.createdAt)) : [];
  if (notice) {
    await add('notice.json', json(notice));
    await add('objections.csv', toCsv(
      ['受理编号', '公示序号', '姓名', '电话', '电子邮箱', '单位', '异议理由', '状态', '不予受理理由', '结论', '答复', '处理结果', '提交时间', '办结时间'],
      objs.map((o) => [o.receiptNo, o.itemSeq, o.name, o.phone, o.email, o.organization, o.grounds, o.status, o.notAcceptedReason, o.conclusion, o.reply, o.effect, o.createdAt, o.concludedAt]),
    ));
    for (const o of objs) {
      const files = await db.select({ id: objectionFiles.fileId }).from(objectionFiles).where(eq(objectionFiles.objectionId, o.id));
      for (const [i, f] of files.entries()) {
        const [file] = await db.select({ id: storedFiles.id, mime: storedFiles.mime }).from(storedFiles).where(eq(storedFiles.id, f.id));
        if (file) await add(`objections/${o.receiptNo}/evidence-${i + 1}.${EXT[file.mime] ?? 'bin'}`, streamFileContent(db, file.id));
      }
    }
  }
  const [final] = await db.select().from(finalLists).where(eq(finalLists.campaignId, campaignId));
  if (final) await add('final-list.json', json(final));
  const ids = [campaignId, ...(notice ? [notice.id] : []), ...formRows.map((r) => r.f.id), ...objs.map((o) => o.id), ...cands.map((c) => c.id)];
  const audit = (await db.select({ row: auditLog, hash: auditSeals.hash }).from(auditLog).leftJoin(auditSeals, eq(auditSeals.auditId, auditLog.id)).where(inArray(auditLog.objectId, ids)).orderBy(asc(auditLog.id))).map((r) => ({ ...r.row, hash: r.hash }));
  await add('audit.csv', toCsv(
    ['id', 'at', 'actor', 'role', 'ip', 'action', 'object_type', 'object_id', 'result', 'changes', 'hash'],
    audit.map((a) => [a.id, a.at, a.actorUsername, a.actorRole, a.ip, a.action, a.objectType, a.objectId, a.result, a.changes, a.hash]),
  ));
}

/** The campaign's dossier as a streamed ZIP (center only; holds objectors' personal data); the export is audited. */
export async function exportDossier(ctx: UseCaseContext, campaignId: string): Promise<{ fileName: string; stream: Readable }> {
  authorizeNotice(ctx, 'dossier.export');
  const campaign = await loadCampaign(ctx.db, campaignId);
  await ctx.db.transaction((tx) => writeAudit(tx, ctx, { action: 'campaign.exportDossier', objectType: 'campaign', objectId: campaignId }));
  // audit.csv carries each row's hash: chain what has committed so far (this export's own row included).
  await sealAuditLog(ctx.db, { wait: true });
  const zip = new ZipArchive({ zlib: { level: 6 }, highWaterMark: 1024 * 1024 });
  const out = new PassThrough({ highWaterMark: 1024 * 1024 });
  zip.pipe(out);
  const add = sequentialAppender(zip);
  void writeEntries(ctx.db, campaignId, add)
    .then(() => zip.finalize())
    .catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return { fileName: `${campaign.year}-${safeName(campaign.title)}-档案.zip`, stream: out };
}
