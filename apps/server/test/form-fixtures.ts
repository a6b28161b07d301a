import type { FormDocumentData, FormRow } from '@zhengji/domain/form/form.schemas.ts';

/** Realistic rows for tests and benchmarks of the document machinery (not used in production paths). */

export const ELDER_CARE_ROW: FormRow = {
  occupationCode: '4-10-01-05',
  occupationName: '养老护理员',
  jobTypeName: '',
  standardName: '养老护理员',
  standardVersion: '2019年版',
  inShortageCatalog: true,
  industries: ['养老护理'],
  expectedAssessments: 3000,
  reason: '《上海市养老服务条例》要求养老护理员持证上岗比例逐年提高，本区养老机构调研摸底显示三年内需评价约3000人次。',
};

export const AI_TRAINER_ROW: FormRow = {
  occupationCode: '4-04-05-05',
  occupationName: '人工智能训练师',
  jobTypeName: '数据标注员',
  standardName: '人工智能训练师',
  standardVersion: '2021年版',
  inShortageCatalog: false,
  industries: ['人工智能', '电子信息'],
  expectedAssessments: 1200,
  reason: '依据《上海市推动人工智能大模型创新发展若干措施》，数据标注岗位需求快速增长 & 企业急需评价渠道。',
};

export const CHIP_ROW: FormRow = {
  occupationCode: '6-25-02-01',
  occupationName: '半导体分立器件和集成电路装调工',
  jobTypeName: '',
  standardName: '半导体分立器件和集成电路装调工',
  standardVersion: '2019年版',
  inShortageCatalog: true,
  industries: ['集成电路'],
  expectedAssessments: 800,
  reason: '临港新片区集成电路产业园企业联合提出需求。',
};

export const HOUSEKEEPING_ROW: FormRow = {
  occupationCode: '4-10-01-06',
  occupationName: '家政服务员',
  jobTypeName: '',
  standardName: '家政服务员',
  standardVersion: '2019年版',
  inShortageCatalog: false,
  industries: ['家政服务', '生命健康'],
  expectedAssessments: 2500,
  reason: '市政府重要会议提出提升家政服务职业化水平；<script>alert(1)</script> 应原样保留为文字。',
};

const LONG_REASON =
  '根据《上海市职业技能提升行动方案》和本行业“十四五”人才发展规划，结合2024年6月行业协会组织的调研摸底：全市相关企业约1200家，一线技能岗位从业人员超过4万人，其中持有职业技能等级证书的比例不足两成；' +
  '行业主管部门在年度重要会议上明确提出要加快建立社会化评价渠道，企业普遍反映现有评价机构数量少、排期长，急需开展社会化职业技能等级认定。';

/** The four realistic rows, one with a long reason. */
export function sampleRows(): FormRow[] {
  return [ELDER_CARE_ROW, AI_TRAINER_ROW, { ...CHIP_ROW, reason: LONG_REASON }, HOUSEKEEPING_ROW];
}

/** `count` rows cycling through the samples, each with a distinct expected number. */
export function manyRows(count: number): FormRow[] {
  const base = sampleRows();
  return Array.from({ length: count }, (_, i) => {
    const row = base[i % base.length] ?? ELDER_CARE_ROW;
    return { ...row, industries: [...row.industries], expectedAssessments: 100 + i };
  });
}

/** A submitted form of the given rows. */
export function sampleForm(rows: FormRow[] = sampleRows(), overrides: Partial<FormDocumentData> = {}): FormDocumentData {
  return {
    campaignTitle: '2024年社会化职业技能等级认定职业（工种）征集',
    unitName: '上海市浦东新区人力资源和社会保障局',
    header: { contactName: '王晓明', contactPhone: '021-68541234', fillDate: '2024-10-22' },
    rows,
    verificationCode: '9F3A2C1B',
    isDraft: false,
    ...overrides,
  };
}
