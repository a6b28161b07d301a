import { inArray, sql } from 'drizzle-orm';
import { CONTROL_CHARACTER_MESSAGE, DomainError, hasControlCharacters } from '@zhengji/domain';
import { EXPERT_IMPORT_MAX_ROWS, ExpertInputSchema } from '@zhengji/domain/review/review.panel.ts';
import { experts, units, users } from '../../db/schema/index.ts';
import { ImportFailure } from '../../documents/guarded-unzip.ts';
import { EXPERT_LIST_COLUMNS, readExpertListXlsx, type ExpertListRow } from '../../documents/expert-list.xlsx.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeReview } from '../../db/queries/review-round.ts';
import { expertAccount } from '../../db/queries/expert-account.ts';

type Parsed = ReturnType<typeof ExpertInputSchema.parse>;

function parseRow(r: ExpertListRow, unitIds: Map<string, string>): { data?: Parsed; problems: string[] } {
  const c = r.cells;
  const unitName = c.unitName || (unitIds.has(c.organization) ? c.organization : '');
  const unitId = unitName ? unitIds.get(unitName) : null;
  const problems: string[] = [];
  for (const col of EXPERT_LIST_COLUMNS) {
    if (hasControlCharacters(c[col.key])) problems.push(`“${col.label.replace(/[*（].*$/, '')}”${CONTROL_CHARACTER_MESSAGE}`);
  }
  if (problems.length > 0) return { problems };
  if (unitId === undefined) problems.push(`所属推荐单位“${unitName}”不存在，请填写系统中推荐单位的全称，或留空`);
  const result = ExpertInputSchema.safeParse({
    name: c.name,
    organization: c.organization,
    unitId: unitId ?? null,
    title: c.title,
    specialties: c.specialties.split(/[、,，;；\s]+/).filter(Boolean),
    phone: c.phone || null,
    email: c.email || null,
    ...(c.username ? { username: c.username } : {}),
  });
  if (!result.success) problems.push(...result.error.issues.map((i) => i.message));
  return { data: result.success ? result.data : undefined, problems };
}

/**
 * Imports an expert list from Excel, all or nothing: every problem is reported with its row number in Chinese
 * (400 with details.problems) and nothing is saved; otherwise every row is added (accounts created where a username is given).
 */
export async function importExperts(
  ctx: UseCaseContext,
  bytes: Buffer,
): Promise<{ created: number; accounts: { username: string; temporaryPassword: string }[] }> {
  authorizeReview(ctx.actor, 'manageExperts');
  let rows: ExpertListRow[];
  try {
    rows = await readExpertListXlsx(bytes);
  } catch (e) {
    if (e instanceof ImportFailure) throw new DomainError('VALIDATION', e.message);
    throw e;
  }
  if (rows.length === 0) throw new DomainError('VALIDATION', '专家名单中没有数据行，请在表头下方逐行填写后重新导入');
  if (rows.length > EXPERT_IMPORT_MAX_ROWS) throw new DomainError('VALIDATION', `一次最多导入${String(EXPERT_IMPORT_MAX_ROWS)}名专家，请分批导入`);
  const unitIds = new Map((await ctx.db.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.name, u.id]));
  const usernames = rows.map((r) => r.cells.username.toLowerCase()).filter(Boolean);
  const taken = new Set(
    usernames.length === 0
      ? []
      : (
          await ctx.db
            .select({ u: sql<string>`lower(${users.username})` })
            .from(users)
            .where(inArray(sql`lower(${users.username})`, usernames))
        ).map((r) => r.u),
  );
  const seen = new Set<string>();
  const problems: { row: number; message: string }[] = [];
  const parsed: Parsed[] = [];
  for (const r of rows) {
    const { data, problems: p } = parseRow(r, unitIds);
    const u = r.cells.username.toLowerCase();
    if (u && taken.has(u)) p.push(`用户名“${r.cells.username}”已被使用，请换一个`);
    if (u && seen.has(u)) p.push(`用户名“${r.cells.username}”在名单中重复`);
    if (u) seen.add(u);
    problems.push(...p.map((message) => ({ row: r.row, message: `第${String(r.row)}行：${message}` })));
    if (data) parsed.push(data);
  }
  if (problems.length > 0) {
    const head = problems
      .slice(0, 5)
      .map((p) => p.message)
      .join('；');
    throw new DomainError('VALIDATION', `专家名单有${String(problems.length)}处问题，未导入任何专家。${head}${problems.length > 5 ? '……' : ''}`, { problems });
  }
  const accounts = await ctx.db.transaction(async (tx) => {
    const made: { username: string; temporaryPassword: string }[] = [];
    for (const data of parsed) {
      const account = await expertAccount(tx, data, null);
      if (account?.temporaryPassword && data.username) made.push({ username: data.username, temporaryPassword: account.temporaryPassword });
      const { username: _u, userId: _id, ...fields } = data;
      await tx.insert(experts).values({ ...fields, userId: account?.userId ?? null });
    }
    await writeAudit(tx, ctx, { action: 'expert.import', objectType: 'expert', objectId: null, changes: { count: parsed.length, accounts: made.length } });
    return made;
  });
  return { created: parsed.length, accounts };
}
