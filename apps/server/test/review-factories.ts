import { randomBytes } from 'node:crypto';
import type { Db } from '../src/db/client.ts';
import { campaigns, candidateUnits, candidates, experts, type CandidateSource } from '../src/db/schema/index.ts';
import { createUnitRow, createUserRow } from './factories.ts';

const tag = () => randomBytes(3).toString('hex');

/** Inserts a campaign in the review phase (status reviewing unless overridden). */
export async function createReviewCampaignRow(db: Db, overrides: Partial<typeof campaigns.$inferInsert> = {}) {
  const [row] = await db
    .insert(campaigns)
    .values({
      year: 2024,
      title: `2024年征集-${tag()}`,
      docNo: '沪人社职〔2024〕319号',
      issuer: '上海市人力资源和社会保障局',
      issueDate: '2024-09-25',
      deadline: '2024-10-22',
      status: 'reviewing',
      ...overrides,
    })
    .returning();
  return row!;
}

let code = 0;

/** Inserts a candidate with its recommending units (unit rows are created when not given) and matching sources. */
export async function createCandidateRow(
  db: Db,
  campaignId: string,
  options: {
    units?: { unitId: string; priority: number }[];
    industries?: string[];
    occupationCode?: string;
    occupationName?: string;
    jobTypeName?: string;
  } = {},
) {
  const units = options.units ?? [{ unitId: (await createUnitRow(db)).id, priority: 1 }];
  code += 1;
  const occupationCode = options.occupationCode ?? `4-10-${String(10 + (code % 80)).padStart(2, '0')}-${String(code % 100).padStart(2, '0')}`;
  const industries = options.industries ?? ['养老护理'];
  const sources: CandidateSource[] = units.map((u, i) => ({
    formId: '00000000-0000-4000-8000-000000000000',
    versionNumber: 1,
    rowIndex: i,
    unitId: u.unitId,
    unitName: '推荐单位',
    unitType: 'district',
    priority: u.priority,
    occupationCode,
    jobTypeName: options.jobTypeName ?? '',
    expectedAssessments: 300,
    industries,
    reason: `推荐理由${String(i + 1)}：本市养老服务需求大，持证比例低`,
  }));
  const [row] = await db
    .insert(candidates)
    .values({
      campaignId,
      occupationCode,
      occupationName: options.occupationName ?? `测试职业${String(code)}`,
      jobTypeName: options.jobTypeName ?? '',
      standardName: '养老护理员',
      standardVersion: '2019年版',
      industries,
      expectedAssessments: 300 * units.length,
      reasons: sources.map((s) => s.reason),
      sources,
    })
    .returning();
  if (units.length > 0) await db.insert(candidateUnits).values(units.map((u) => ({ candidateId: row!.id, unitId: u.unitId, priority: u.priority })));
  return row!;
}

/** Inserts an expert with an account of role expert (unless `withUser: false`), optionally from a unit. */
export async function createExpertRow(db: Db, options: { unitId?: string | null; specialties?: string[]; withUser?: boolean; name?: string } = {}) {
  const user = options.withUser === false ? null : await createUserRow(db, 'expert');
  const [row] = await db
    .insert(experts)
    .values({
      name: options.name ?? `专家${tag()}`,
      organization: '上海某大学',
      unitId: options.unitId ?? null,
      specialties: options.specialties ?? [],
      userId: user?.id ?? null,
      email: `e${tag()}@example.com`,
    })
    .returning();
  return { expert: row!, user };
}
