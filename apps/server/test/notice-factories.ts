import type { Db } from '../src/db/client.ts';
import { campaigns, candidateUnits, candidates } from '../src/db/schema/index.ts';
import { createUnitRow } from './factories.ts';

let seq = 0;

/** Inserts a campaign in the given phase (default reviewing). */
export async function createCampaignRow(db: Db, overrides: Partial<typeof campaigns.$inferInsert> = {}) {
  seq += 1;
  const [row] = await db
    .insert(campaigns)
    .values({
      year: 2024,
      title: `2024年社会化职业技能等级认定职业（工种）征集${seq}`,
      docNo: `沪人社职〔2024〕${300 + seq}号`,
      issuer: '上海市人力资源和社会保障局',
      issueDate: '2024-09-25',
      deadline: '2024-10-22',
      contactName: '崔安卓',
      contactPhone: '18817418907',
      contactEmail: 'yanfa312@126.com',
      conditionsText: '（一）申报范围为现行《中华人民共和国职业分类大典》收录的技能类职业（工种）。\n（二）申报方向应聚焦国家重大战略。',
      workflowText: '（一）征集推荐。\n（二）专家评估。\n（三）公示发布。',
      requirementsText: '推荐单位填写推荐表，并加盖公章后报送。',
      instructions: ['推荐的职业（工种）请按优先级顺序填写。', '职业编码请按《中华人民共和国职业分类大典》（2022年版）规范填写。'],
      industryTags: ['集成电路', '养老护理'],
      status: 'reviewing',
      ...overrides,
    })
    .returning();
  return row!;
}

const OCCUPATIONS = [
  ['4-10-01-05', '养老护理员', '', '养老护理员', '2019年版', ['养老护理']],
  ['6-25-04-07', '汽车装调工', '汽车电器装调工', '汽车装调工', '2020年版', ['汽车']],
  ['6-24-03-01', '集成电路制造工', '', '集成电路制造工', '2021年版', ['集成电路']],
  ['4-04-05-04', '人工智能训练师', '数据标注员', '人工智能训练师', '2021年版', ['人工智能']],
  ['4-10-01-06', '家政服务员', '', '家政服务员', '2019年版', ['家政服务']],
] as const;

/** Inserts n candidates of a campaign with the given status (default selected), each recommended by one or two new units. */
export async function createCandidates(db: Db, campaignId: string, n = 3, status: 'selected' | 'candidate' | 'not_selected' = 'selected') {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const [code, name, jobType, standard, version, industries] = OCCUPATIONS[i % OCCUPATIONS.length]!;
    const unitA = await createUnitRow(db, { name: `黄浦区人力资源和社会保障局${campaignId.slice(0, 4)}-${i}-${seq++}` });
    const unitB = await createUnitRow(db, { name: `上海市民政局${campaignId.slice(0, 4)}-${i}-${seq++}`, type: 'industry' });
    const [c] = await db
      .insert(candidates)
      .values({
        campaignId,
        occupationCode: code,
        occupationName: name,
        jobTypeName: i < OCCUPATIONS.length ? jobType : `${jobType}${i}`,
        standardName: standard,
        standardVersion: version,
        industries: [...industries],
        expectedAssessments: 100 + i,
        reasons: ['行业需求'],
        status,
      })
      .returning();
    await db.insert(candidateUnits).values([
      { candidateId: c!.id, unitId: unitA.id, priority: 1 },
      { candidateId: c!.id, unitId: unitB.id, priority: 2 },
    ]);
    rows.push({ ...c!, unitNames: [unitA.name, unitB.name] });
  }
  return rows;
}
