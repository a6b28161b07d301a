import { describe, expect, it } from 'vitest';
import { loadReferenceInput, loadTestIndex } from '../reference/reference-files.test-support.ts';
import { buildReferenceIndex } from '../reference/reference-index.ts';
import { DEFAULT_INDUSTRY_TAGS, FormRowSchema, type FormRow, type FormRowInput } from './form.schemas.ts';
import {
  checkRow,
  checkRows,
  ELIGIBILITY_RULE_CODES,
  ELIGIBILITY_RULE_TITLES,
  FindingSchema,
  hasErrors,
  suggestIndustryTags,
  type Finding,
} from './form.rules.ts';

const index = loadTestIndex();

/** A row that passes every rule: 养老护理员, whose test shortage entry says 是. */
const GOOD: FormRowInput = {
  occupationCode: '4-10-01-05',
  occupationName: '养老护理员',
  jobTypeName: '',
  standardName: '养老护理员',
  standardVersion: '2019年版',
  inShortageCatalog: true,
  industries: ['养老护理'],
  expectedAssessments: 3000,
  reason: '《上海市养老服务发展“十四五”规划》提出加强养老护理员队伍建设',
};
const row = (patch: Partial<FormRowInput> = {}): FormRow => FormRowSchema.parse({ ...GOOD, ...patch });
const check = (patch: Partial<FormRowInput>): Finding[] => checkRow(row(patch), index);
const codesOf = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.code}:${f.severity}`).sort();

describe('checkRow: rows that pass', () => {
  it.each<[string, Partial<FormRowInput>]>([
    ['养老护理员 4-10-01-05 with its 2019 standard', {}],
    ['a full-width code and half-width parentheses', { occupationCode: '４－１０－０１－０５', standardVersion: '２０１９年版' }],
    ['a 工种 of 养老护理员 under the whole-occupation standard', { jobTypeName: '社区助老员' }],
    ['the version typed as 2019版', { standardVersion: '2019版' }],
    [
      '人工智能训练师 with its 工种 数据标注员',
      {
        occupationCode: '4-04-05-05',
        occupationName: '人工智能训练师',
        jobTypeName: '数据标注员',
        standardName: '人工智能训练师',
        standardVersion: '2021年版',
        industries: ['人工智能', '电子信息'],
      },
    ],
    [
      '畜禽屠宰加工工 with 工种 and its specific standard',
      {
        occupationCode: '6-01-04-01',
        occupationName: '畜禽屠宰加工工',
        jobTypeName: '生猪屠宰加工工',
        standardName: '畜禽屠宰加工工(生猪屠宰加工工)',
        standardVersion: '2025年版',
        inShortageCatalog: false,
        industries: ['食品加工'],
      },
    ],
    [
      'a 工种 of 企业人力资源管理师 with its own standard',
      {
        occupationCode: '4-07-03-04',
        occupationName: '企业人力资源管理师',
        jobTypeName: '薪税师',
        standardName: '企业人力资源管理师（薪税师）',
        standardVersion: '2024年版',
        inShortageCatalog: false,
        industries: ['人力资源服务'],
      },
    ],
    [
      'a standard name typed with its catalogue mark',
      {
        occupationCode: '4-01-06-01',
        occupationName: '电子商务师',
        standardName: '电子商务师S',
        standardVersion: '2022年版',
        inShortageCatalog: false,
        industries: ['电子信息'],
      },
    ],
  ])('%s', (_name, patch) => {
    expect(check(patch)).toEqual([]);
  });
});

describe('checkRow: each rule', () => {
  it.each<[string, Partial<FormRowInput>, string[]]>([
    ['an empty code', { occupationCode: '' }, ['code_format:error']],
    ['a malformed code', { occupationCode: '4-10-1-5' }, ['code_format:error']],
    ['a 小类 code', { occupationCode: '4-10-01' }, ['code_format:error']],
    ['an unknown code', { occupationCode: '4-10-01-99' }, ['code_unknown:error']],
    ['the vacant 4-10-01-02', { occupationCode: '4-10-01-02' }, ['code_unknown:error']],
    ['a wrong name', { occupationName: '护理员' }, ['name_mismatch:error']],
    ['an empty name', { occupationName: '' }, ['name_mismatch:error']],
    [
      'a 2-… code (数据安全工程技术人员)',
      {
        occupationCode: '2-02-38-12',
        occupationName: '数据安全工程技术人员',
        standardName: '数据安全工程技术人员',
        standardVersion: '2023年版',
        inShortageCatalog: false,
      },
      ['not_skill_type:error'],
    ],
    [
      'a 3-… code (秘书)',
      { occupationCode: '3-01-02-02', occupationName: '秘书', standardName: '秘书', standardVersion: '2026年版', inShortageCatalog: false },
      ['skill_type_check:warning'],
    ],
    [
      'a subdivided standard without 工种 (畜禽屠宰加工工)',
      {
        occupationCode: '6-01-04-01',
        occupationName: '畜禽屠宰加工工',
        standardName: '畜禽屠宰加工工（生猪屠宰加工工）',
        standardVersion: '2025年版',
        inShortageCatalog: false,
      },
      ['job_type_required:error'],
    ],
    [
      'a standard of another 工种',
      {
        occupationCode: '6-01-04-01',
        occupationName: '畜禽屠宰加工工',
        jobTypeName: '家禽屠宰加工工',
        standardName: '畜禽屠宰加工工（生猪屠宰加工工）',
        standardVersion: '2025年版',
        inShortageCatalog: false,
      },
      ['standard_mismatch:error'],
    ],
    [
      '轨道交通列车司机 without 工种 (access-type, subdivided)',
      { occupationCode: '4-02-01-01', occupationName: '轨道交通列车司机', standardName: '轨道列车司机（动车组司机）', inShortageCatalog: false },
      ['access_qualification:error', 'job_type_required:error'],
    ],
    ['a 工种 of another occupation', { jobTypeName: '数据标注员' }, ['job_type_unknown:error']],
    [
      'an occupation without a national standard',
      { occupationCode: '4-04-01-01', occupationName: '信息通信营业员', standardName: '信息通信营业员', inShortageCatalog: false },
      ['standard_missing:error'],
    ],
    ['a wrong standard name', { standardName: '护理员' }, ['standard_mismatch:error']],
    ['an empty standard name', { standardName: '' }, ['standard_mismatch:error']],
    ['a wrong version', { standardVersion: '2018年版' }, ['standard_mismatch:error']],
    ['a version without a year', { standardVersion: '最新版' }, ['standard_mismatch:error']],
    ['an empty version where the catalogue knows it', { standardVersion: '' }, ['standard_mismatch:error']],
    [
      'a standard whose version the catalogue does not know (营销员)',
      { occupationCode: '4-01-02-01', occupationName: '营销员', standardName: '营销员', standardVersion: '2019年版', inShortageCatalog: false },
      ['standard_version_unverified:warning'],
    ],
    [
      '消防设施操作员 4-07-05-03 (access-type)',
      { occupationCode: '4-07-05-03', occupationName: '消防设施操作员', standardName: '消防设施操作员', standardVersion: '2019年版', inShortageCatalog: false },
      ['access_qualification:error'],
    ],
    [
      '电工 (already offered in the test list)',
      { occupationCode: '6-31-01-03', occupationName: '电工', standardName: '电工', standardVersion: '2018年版', inShortageCatalog: false },
      ['already_offered:error'],
    ],
    [
      '互联网营销师 as a whole while one of its 工种 is offered',
      { occupationCode: '4-01-06-02', occupationName: '互联网营销师', standardName: '互联网营销师', standardVersion: '', inShortageCatalog: false },
      ['already_offered:warning', 'standard_version_unverified:warning'],
    ],
    ['a shortage claim of 否 for a listed occupation', { inShortageCatalog: false }, ['shortage_mismatch:error']],
    ['an unanswered shortage column', { inShortageCatalog: null }, ['shortage_mismatch:error']],
    ['no industry', { industries: [] }, ['industry_invalid:error']],
    ['two industries in one tag', { industries: ['养老护理、家政服务'] }, ['industry_invalid:error']],
    ['a duplicated industry', { industries: ['养老护理', ' 养老护理'] }, ['industry_invalid:error']],
    ['只填“其他”', { industries: ['其他'] }, ['industry_invalid:error']],
    ['no expected assessments', { expectedAssessments: null }, ['expected_invalid:error']],
    ['zero expected assessments', { expectedAssessments: 0 }, ['expected_invalid:error']],
    ['an empty reason', { reason: '  ' }, ['reason_missing:error']],
  ])('%s', (_name, patch, expected) => {
    expect(codesOf(check(patch))).toEqual([...expected].sort());
  });
});

describe('checkRow: messages say what is wrong and how to fix it', () => {
  const message = (patch: Partial<FormRowInput>, code: string): string => check(patch).find((f) => f.code === code)?.message ?? '';

  it('answers a wrong name with the right one', () => {
    expect(message({ occupationName: '护理员' }, 'name_mismatch')).toContain('职业编码 4-10-01-05 对应的职业为“养老护理员”，与填写的“护理员”不一致');
    expect(message({ occupationName: '家政服务员' }, 'name_mismatch')).toContain('“家政服务员”的职业编码为 4-10-01-06');
  });

  it('suggests the code of the typed name for an unknown code', () => {
    expect(message({ occupationCode: '4-10-01-99' }, 'code_unknown')).toContain('“养老护理员”的职业编码为 4-10-01-05');
  });

  it('points a 工种 typed as the occupation to its place', () => {
    expect(message({ occupationCode: '4-10-01-02', occupationName: '育婴员' }, 'code_unknown')).toContain(
      '“育婴员”是职业“婴幼儿发展引导员”（4-10-01-01）的工种',
    );
    expect(message({ occupationName: '社区助老员' }, 'name_mismatch')).toContain('“社区助老员”是该职业的工种，请填在“工种”一栏');
  });

  it('names the re-coded code’s replacement', () => {
    expect(message({ occupationCode: '2-02-32-00', occupationName: '制药工程技术人员' }, 'code_unknown')).toContain('已调整为 2-02-32-01');
  });

  it('names the catalogue’s standard, version and 工种', () => {
    expect(message({ standardVersion: '2018年版' }, 'standard_mismatch')).toContain('版本为“2019年版”');
    expect(message({ standardName: '护理员' }, 'standard_mismatch')).toContain('“养老护理员（2019年版）”');
    expect(message({ occupationCode: '6-01-04-01', occupationName: '畜禽屠宰加工工' }, 'job_type_required')).toContain('“生猪屠宰加工工”');
    expect(message({ jobTypeName: '数据标注员' }, 'job_type_unknown')).toContain('“社区助老员”');
  });

  it('names the access-type qualification and the skill-type major group', () => {
    expect(message({ occupationCode: '4-07-05-03', occupationName: '消防设施操作员' }, 'access_qualification')).toContain('准入类职业资格“消防设施操作员”');
    expect(message({ occupationCode: '2-02-38-12' }, 'not_skill_type')).toContain('第二大类“专业技术人员”');
  });

  it('says what the shortage column should be', () => {
    expect(message({ inShortageCatalog: false }, 'shortage_mismatch')).toContain('请改为“是”');
  });

  it('writes every message in Chinese and sets the field', () => {
    const findings = check({ occupationCode: '4-10-01-99', industries: [], expectedAssessments: null, reason: '' });
    for (const f of findings) {
      expect(FindingSchema.parse(f)).toEqual(f);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.field).toBeDefined();
    }
  });
});

describe('checkRows', () => {
  it('flags every row naming the same occupation and 工种, and nothing else', () => {
    const rows = [row(), row({ jobTypeName: '社区助老员' }), row({ occupationCode: '４－１０－０１－０５' }), row({ jobTypeName: ' 社区助老员' })];
    const findings = checkRows(rows, index);
    expect(findings.map(codesOf)).toEqual([['duplicate_row:error'], ['duplicate_row:error'], ['duplicate_row:error'], ['duplicate_row:error']]);
    expect(findings[0]?.[0]?.message).toContain('与第 3 行重复');
    expect(findings[1]?.[0]?.message).toContain('与第 4 行重复');
  });

  it('answers one array per row, in order', () => {
    const findings = checkRows([row(), row({ occupationName: '护理员', jobTypeName: '社区助老员' })], index);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toEqual([]);
    expect(hasErrors(findings)).toBe(true);
    expect(hasErrors(findings[0] ?? [])).toBe(false);
  });

  it('skips the Shanghai list rules when those lists are not loaded', () => {
    const bare = buildReferenceIndex(loadReferenceInput());
    expect(checkRow(row({ inShortageCatalog: false }), bare)).toEqual([]);
    expect(codesOf(checkRow(row({ inShortageCatalog: null }), bare))).toEqual(['shortage_mismatch:error']);
  });

  it('treats warnings as not blocking', () => {
    expect(hasErrors([{ code: 'skill_type_check', severity: 'warning', message: '…' }])).toBe(false);
  });
});

describe('rule titles', () => {
  it('has a Chinese title for every rule code', () => {
    for (const code of ELIGIBILITY_RULE_CODES) expect(ELIGIBILITY_RULE_TITLES[code]).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('suggestIndustryTags: a free-text industry that nearly matches a campaign tag', () => {
  const tags = DEFAULT_INDUSTRY_TAGS;
  it.each([
    ['养老', ['养老护理']],
    ['集成电路产业', ['集成电路']],
    ['医药', ['生物医药']],
    ['家政', ['家政服务']],
    ['汽车制造', ['汽车']],
    ['ＡＩ人工智能', ['人工智能']],
  ])('%s → %j', (typed, expected) => {
    expect(suggestIndustryTags(typed, tags)).toEqual(expected);
  });
  it('offers nothing for a tag itself, unrelated text or a single character', () => {
    expect(suggestIndustryTags('养老护理', tags)).toEqual([]);
    expect(suggestIndustryTags('航运物流', tags)).toEqual([]);
    expect(suggestIndustryTags('车', tags)).toEqual([]);
    expect(suggestIndustryTags('  ', tags)).toEqual([]);
  });
  it('offers at most three, closest first', () => {
    expect(suggestIndustryTags('健康养老', tags).sort()).toEqual(['养老护理', '生命健康'].sort());
    expect(suggestIndustryTags('集成电路芯片', tags)[0]).toBe('集成电路');
    expect(suggestIndustryTags('电子', [...tags, '电子商务', '电子竞技', '电子元器件']).length).toBe(3);
  });
});
