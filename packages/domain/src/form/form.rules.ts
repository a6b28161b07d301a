import { z } from 'zod';
import type { ReferenceIndex } from '../reference/reference-index.ts';
import { nameKey, normalizeOccupationCode, parseStandardVersion } from '../reference/reference.normalize.ts';
import { OCCUPATION_CODE_PATTERN, TREE_CODE_PATTERN } from '../reference/reference.schemas.ts';
import type { NationalStandard, OccupationNode } from '../reference/reference.types.ts';
import { rowFindingsCache } from './row-findings-cache.ts';
import { DEFAULT_INDUSTRY_TAGS, EXPECTED_MAX, FormRowSchema, INDUSTRY_TAG_MAX_LENGTH, type FormRow } from './form.schemas.ts';

/** The eligibility rules of the call (product.md §3), by stable code. */
export const ELIGIBILITY_RULE_CODES = [
  'code_format',
  'code_unknown',
  'name_mismatch',
  'not_skill_type',
  'skill_type_check',
  'job_type_required',
  'job_type_unknown',
  'standard_missing',
  'standard_mismatch',
  'standard_version_unverified',
  'access_qualification',
  'already_offered',
  'shortage_mismatch',
  'industry_invalid',
  'expected_invalid',
  'reason_missing',
  'duplicate_row',
] as const;
/** One eligibility rule code. */
export type EligibilityRuleCode = (typeof ELIGIBILITY_RULE_CODES)[number];

/** Chinese titles of the eligibility rules (summary above the table, override dialogs). */
export const ELIGIBILITY_RULE_TITLES: Record<EligibilityRuleCode, string> = {
  code_format: '职业编码格式不正确',
  code_unknown: '职业编码不存在',
  name_mismatch: '职业名称与编码不一致',
  not_skill_type: '非技能类职业',
  skill_type_check: '需认定是否为技能类职业',
  job_type_required: '须申报到工种',
  job_type_unknown: '工种不属于该职业',
  standard_missing: '未颁布国家职业技能标准',
  standard_mismatch: '国家职业技能标准名称或版本不符',
  standard_version_unverified: '标准版本需人工核对',
  access_qualification: '属于准入类职业资格',
  already_offered: '本市已开展社会化职业技能等级认定',
  shortage_mismatch: '急需紧缺目录填写有误',
  industry_invalid: '产业类别填写有误',
  expected_invalid: '预计评价人次填写有误',
  reason_missing: '未填写推荐理由',
  duplicate_row: '重复推荐',
};

/** Severity of a finding: errors block submission, warnings do not. */
export const FINDING_SEVERITIES = ['error', 'warning'] as const;
/** One finding severity. */
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** One rule violation of a row, with a Chinese message saying what is wrong and how to fix it. */
export const FindingSchema = z.object({
  code: z.enum(ELIGIBILITY_RULE_CODES),
  severity: z.enum(FINDING_SEVERITIES),
  message: z.string(),
  field: FormRowSchema.keyof().optional(),
});
/** One rule violation of a row. */
export type Finding = z.infer<typeof FindingSchema>;

/**
 * A row as the rules read it: a form row, except that the expected number may arrive as typed text from an outside
 * caller (`POST /api/eligibility/check`), so that a non-number is a finding of that row rather than a refusal.
 */
export type CheckableRow = Omit<FormRow, 'expectedAssessments'> & { expectedAssessments: number | string | null };

/** Options of the eligibility check. */
export interface CheckRowsOptions {
  /** The campaign's industry tags (default: the "3+6" and livelihood industries); free text is allowed besides. */
  industryTags?: readonly string[];
}

type Field = NonNullable<Finding['field']>;
const SHORTAGE_CATALOG = '《上海市急需紧缺高技能人才职业（工种）目录（2024年）》（沪人社职〔2024〕1号）';
const DICTIONARY = '《中华人民共和国职业分类大典》（2022年版）及人社部此后发布的新职业';
const OSTA_URL = 'http://osta.mohrss.gov.cn/skillstandard';
const MAJOR_GROUP_ORDINALS = ['', '第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八'];
const INDUSTRY_SEPARATORS = /[、,，;；/|\\]/;
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/;

/** Collects the findings of one row. */
class RowFindings {
  readonly list: Finding[] = [];
  error(code: EligibilityRuleCode, message: string, field?: Field): void {
    this.list.push(field === undefined ? { code, severity: 'error', message } : { code, severity: 'error', message, field });
  }
  warning(code: EligibilityRuleCode, message: string, field?: Field): void {
    this.list.push(field === undefined ? { code, severity: 'warning', message } : { code, severity: 'warning', message, field });
  }
}

const quoteList = (names: readonly string[], max = 8): string =>
  names.length <= max
    ? names.map((n) => `“${n}”`).join('、')
    : `${names
        .slice(0, max)
        .map((n) => `“${n}”`)
        .join('、')}等 ${String(names.length)} 个`;
const describe = (occ: OccupationNode): string => `职业“${occ.name}”（${occ.code}）`;

function checkCode(row: CheckableRow, code: string, index: ReferenceIndex, f: RowFindings): OccupationNode | undefined {
  const typed = row.occupationCode.trim();
  if (code === '') {
    f.error('code_format', '请填写职业编码，格式为 X-XX-XX-XX（如 4-10-01-05），可按名称或拼音搜索后选择', 'occupationCode');
    return undefined;
  }
  if (!OCCUPATION_CODE_PATTERN.test(code)) {
    const group = TREE_CODE_PATTERN.test(code) ? index.getNode(code) : undefined;
    if (group) {
      f.error('code_format', `“${typed}”是类别“${group.name}”的编码，请填写到细类（职业）编码，格式为 X-XX-XX-XX`, 'occupationCode');
    } else if (/^[1-8]-\d{2}-\d{2}-\d{2}-\d{3}$/.test(code)) {
      f.error('code_format', `“${typed}”是工种编码，职业编码只填前四段（${code.slice(0, 10)}），工种名称请填在“工种”一栏`, 'occupationCode');
    } else {
      f.error('code_format', `职业编码“${typed}”格式不正确，应为 X-XX-XX-XX（如 4-10-01-05），请按职业分类大典填写`, 'occupationCode');
    }
    return undefined;
  }
  const occ = index.getOccupation(code);
  if (occ?.status === 'current') return occ;
  if (occ?.replacedBy) {
    f.error('code_unknown', `职业编码 ${code} 已调整为 ${occ.replacedBy}（${occ.name}），请改填新编码`, 'occupationCode');
    return undefined;
  }
  f.error('code_unknown', `职业编码 ${code} 不在${DICTIONARY}中${codeHint(row.occupationName, index)}，请核对后重新填写`, 'occupationCode');
  return undefined;
}

/** Where a typed occupation name really belongs: `；“养老护理员”的职业编码为 4-10-01-05`, or a 工种's occupation. */
function codeHint(typedName: string, index: ReferenceIndex): string {
  const name = typedName.trim();
  if (name === '') return '';
  const occupation = index.findOccupationsByName(name)[0];
  if (occupation) return `；“${occupation.name}”的职业编码为 ${occupation.code}`;
  const owner = index.occupationsWithJobType(name)[0];
  return owner ? `；“${name}”是${describe(owner)}的工种` : '';
}

function checkName(row: CheckableRow, occ: OccupationNode, index: ReferenceIndex, f: RowFindings): void {
  const typed = row.occupationName.trim();
  if (typed === '') {
    f.error('name_mismatch', `请填写职业名称：职业编码 ${occ.code} 对应的职业为“${occ.name}”`, 'occupationName');
    return;
  }
  const key = nameKey(typed);
  if (key === nameKey(occ.name) || (occ.printEditionName !== null && key === nameKey(occ.printEditionName))) return;
  const other = index.findOccupationsByName(typed)[0];
  const hint = other
    ? `（“${other.name}”的职业编码为 ${other.code}）`
    : index.findJobType(occ.code, typed) !== undefined
      ? `（“${typed}”是该职业的工种，请填在“工种”一栏）`
      : '';
  f.error(
    'name_mismatch',
    `职业编码 ${occ.code} 对应的职业为“${occ.name}”，与填写的“${typed}”不一致${hint}，请核对职业编码或将职业名称改为“${occ.name}”`,
    'occupationName',
  );
}

function checkSkillType(occ: OccupationNode, index: ReferenceIndex, f: RowFindings): void {
  const major = Number(occ.code.charAt(0));
  const group = `${MAJOR_GROUP_ORDINALS[major] ?? ''}大类“${index.getNode(String(major))?.name ?? ''}”`;
  if (major === 3) {
    f.warning('skill_type_check', `${describe(occ)}属于${group}，是否为技能类职业需逐一认定，请在推荐理由中说明其技能属性，由市职鉴中心核定`, 'occupationCode');
  } else if (major < 4 || major > 6) {
    f.error(
      'not_skill_type',
      `${describe(occ)}属于${group}，不是技能类职业，不在社会化职业技能等级认定的申报范围内，请删除该行或改选技能类职业（第四、五、六大类）`,
      'occupationCode',
    );
  }
}

/**
 * The 工种 column. The notice says: "国家职业标准中职业下未分工种的，按职业进行申报；细分工种的，需申报到工种".
 * So the 工种 is required only when every national standard of the occupation is specific to 工种 (each covers
 * named 工种, none covers the whole occupation, e.g. 轨道交通列车司机). The dictionary's own 工种 list does not make
 * it required: most occupations list 工种 examples while their standard covers the whole occupation (养老护理员).
 * A named 工种 must be one of the occupation's 工种 (the dictionary's or a standard's); naming one when the standard
 * is not subdivided is allowed, because units may recommend a single 工种 and the center merges such candidates.
 * Returns the canonical 工种 name, or null when none (or an unknown one) is named.
 */
function checkJobType(row: CheckableRow, occ: OccupationNode, index: ReferenceIndex, f: RowFindings): string | null {
  const typed = row.jobTypeName.trim();
  const standards = index.standardsOf(occ.code);
  const subdivided = standards.length > 0 && standards.every((s) => s.jobTypesCovered.length > 0);
  if (typed === '') {
    if (subdivided) {
      const covered = standards.flatMap((s) => s.jobTypesCovered);
      f.error('job_type_required', `${describe(occ)}的国家职业技能标准细分为工种（${quoteList(covered)}），须申报到工种，请在“工种”一栏填写`, 'jobTypeName');
    }
    return null;
  }
  const canonical = index.findJobType(occ.code, typed);
  if (canonical !== undefined) return canonical;
  const known = index.jobTypesOf(occ.code);
  f.error(
    'job_type_unknown',
    known.length === 0
      ? `${describe(occ)}下没有工种，“${typed}”不是它的工种，请将“工种”一栏留空、按职业申报`
      : `“${typed}”不是${describe(occ)}的工种，请从 ${quoteList(known)} 中选择${subdivided ? '' : '，或留空按职业申报'}`,
    'jobTypeName',
  );
  return null;
}

/** The standards that fit the row's 工种: those specific to it, else those of the whole occupation. */
function applicableStandards(standards: readonly NationalStandard[], jobType: string | null): readonly NationalStandard[] {
  if (jobType !== null) {
    const key = nameKey(jobType);
    const specific = standards.filter((s) => s.jobTypesCovered.includes(jobType) || s.jobTypesCovered.some((j) => nameKey(j) === key));
    if (specific.length > 0) return specific;
  }
  if (standards.every(coversWholeOccupation)) return standards;
  const whole = standards.filter(coversWholeOccupation);
  return whole.length > 0 ? whole : standards;
}

const coversWholeOccupation = (s: NationalStandard): boolean => s.jobTypesCovered.length === 0;

function checkStandard(row: CheckableRow, occ: OccupationNode, jobType: string | null, index: ReferenceIndex, f: RowFindings): void {
  const standards = index.standardsOf(occ.code);
  if (standards.length === 0) {
    f.error(
      'standard_missing',
      `国家职业技能标准目录中没有${describe(occ)}的标准；未颁布国家职业标准的职业（工种）不在申报范围内，请删除该行；如标准已颁布，请联系市职鉴中心核实`,
      'standardName',
    );
    return;
  }
  const applicable = applicableStandards(standards, jobType);
  const typed = row.standardName.trim();
  if (typed === '') {
    f.error('standard_mismatch', `请填写国家职业技能标准名称，${describe(occ)}适用的标准为${expectedStandards(applicable)}`, 'standardName');
    return;
  }
  const named = index.findStandards(occ.code, typed);
  if (named.length === 0) {
    f.error(
      'standard_mismatch',
      `国家职业技能标准“${typed}”与标准目录不符，${describe(occ)}适用的标准为${expectedStandards(applicable)}，请改填`,
      'standardName',
    );
    return;
  }
  const fitting = applicable === standards ? named : named.filter((s) => applicable.includes(s));
  if (fitting.length === 0) {
    const covered = named.flatMap((s) => s.jobTypesCovered);
    const scope = covered.length > 0 ? `适用于工种${quoteList(covered)}` : '适用于整个职业';
    const rowScope = jobType === null ? '本行未填工种' : `本行的工种为“${jobType}”`;
    f.error('standard_mismatch', `标准“${typed}”${scope}，而${rowScope}，请改填标准${expectedStandards(applicable)}或调整工种`, 'standardName');
    return;
  }
  checkVersion(row, fitting[0]?.standardName ?? typed, fitting, f);
}

/** The applicable standards as a message lists them: `“养老护理员（2019年版）”`. Built only for a message. */
function expectedStandards(standards: readonly NationalStandard[]): string {
  const names = [...new Set(standards.map((s) => s.standardName))].map((name) => {
    const versions = standards.filter((s) => s.standardName === name && s.version !== null).map((s) => s.version);
    return versions.length === 0 ? name : `${name}（${[...new Set(versions)].join('或')}）`;
  });
  return quoteList(names);
}

/** The known versions of the candidate standards, for a message: `2019年版或2026年版`. */
function versionList(known: readonly NationalStandard[]): string {
  return [...new Set(known.map((s) => s.version))].join('或');
}

function checkVersion(row: CheckableRow, standardName: string, candidates: readonly NationalStandard[], f: RowFindings): void {
  const known = candidates.every((s) => s.editionYear !== null) ? candidates : candidates.filter((s) => s.editionYear !== null);
  const unknownToo = known.length < candidates.length;
  const typed = row.standardVersion.trim();
  if (typed === '') {
    if (known.length > 0) f.error('standard_mismatch', `请填写国家职业技能标准版本，标准“${standardName}”的版本为“${versionList(known)}”`, 'standardVersion');
    else {
      f.warning(
        'standard_version_unverified',
        `标准目录未记载标准“${standardName}”的版本，请登录 ${OSTA_URL} 查询后填写版本（如“2019年版”），市职鉴中心将人工核对`,
        'standardVersion',
      );
    }
    return;
  }
  const year = parseStandardVersion(typed);
  if (year === null) {
    f.error('standard_mismatch', `国家职业技能标准版本“${typed}”格式不正确，请填写颁布年份，如“2019年版”`, 'standardVersion');
    return;
  }
  for (const s of known) if (s.editionYear === year) return;
  if (unknownToo || known.length === 0) {
    f.warning(
      'standard_version_unverified',
      `标准目录未记载标准“${standardName}”${known.length === 0 ? '的版本' : '的全部版本'}，填写的“${typed}”需人工核对，请确认与 ${OSTA_URL} 公布的版本一致`,
      'standardVersion',
    );
    return;
  }
  f.error('standard_mismatch', `国家职业技能标准“${standardName}”的版本为“${versionList(known)}”，与填写的“${typed}”不一致，请改填`, 'standardVersion');
}

function checkCatalogues(row: CheckableRow, occ: OccupationNode, jobType: string | null, index: ReferenceIndex, f: RowFindings): void {
  const qualifications = index.qualificationsOf(occ.code);
  if (qualifications.length > 0) {
    f.error(
      'access_qualification',
      `${describe(occ)}属于《国家职业资格目录（2021年版）》中的准入类职业资格${quoteList(qualifications.map((q) => q.item))}，不纳入社会化职业技能等级认定申报范围，请删除该行`,
      'occupationCode',
    );
  }
  const subject = jobType === null ? describe(occ) : `${describe(occ)}的工种“${jobType}”`;
  if (index.offered !== null) {
    const coverage = index.offeredCoverage(occ.code, jobType);
    if (coverage === 'occupation' || coverage === 'job_type') {
      f.error('already_offered', `${subject}已在本市开展社会化职业技能等级认定，不纳入本次申报范围，请删除该行`, 'occupationCode');
    } else if (coverage === 'other_job_types' && jobType === null) {
      const listed = index.offered.filter((e) => e.occupationCode === occ.code && e.jobTypeName).map((e) => e.jobTypeName ?? '');
      f.warning(
        'already_offered',
        `${describe(occ)}的工种${quoteList(listed)}已在本市开展社会化职业技能等级认定，请确认本次推荐的范围，或申报到尚未开展的工种`,
        'jobTypeName',
      );
    }
  }
  checkShortage(row, subject, index.shortage === null ? null : index.inShortageCatalog(occ.code, jobType), f);
}

function yesNo(value: boolean): string {
  return value ? '是' : '否';
}

function checkShortage(row: CheckableRow, subject: string, listed: boolean | null, f: RowFindings): void {
  if (row.inShortageCatalog === null) {
    const should = listed === null ? `请对照${SHORTAGE_CATALOG}填写` : `根据${SHORTAGE_CATALOG}应填“${yesNo(listed)}”`;
    f.error('shortage_mismatch', `请填写“是否已纳入急需紧缺职业目录”，${should}`, 'inShortageCatalog');
    return;
  }
  if (listed === null || row.inShortageCatalog === listed) return;
  f.error(
    'shortage_mismatch',
    `“是否已纳入急需紧缺职业目录”填写为“${yesNo(row.inShortageCatalog)}”，但${subject}${listed ? '已列入' : '未列入'}${SHORTAGE_CATALOG}，请改为“${yesNo(listed)}”`,
    'inShortageCatalog',
  );
}

function checkIndustries(row: CheckableRow, tags: readonly string[], f: RowFindings): void {
  const typed: string[] = [];
  for (const raw of row.industries) {
    const tag = raw.trim();
    if (tag !== '') typed.push(tag);
  }
  if (typed.length === 0) {
    f.error('industry_invalid', `请至少选择一个产业类别（${tags.slice(0, 11).join('、')}），其他产业请按实填写`, 'industries');
    return;
  }
  for (let i = 0; i < typed.length; i++) {
    const problem = industryProblem(typed, i);
    if (problem !== null) f.error('industry_invalid', problem, 'industries');
  }
}

/** What is wrong with the i-th industry tag (a duplicate repeats an earlier one), or null. */
function industryProblem(tags: readonly string[], i: number): string | null {
  const tag = tags[i] ?? '';
  if (CONTROL_CHARS.test(tag)) return `产业类别“${tag.replace(new RegExp(CONTROL_CHARS, 'g'), '')}”含有不可见字符，请删除后重新填写`;
  if (INDUSTRY_SEPARATORS.test(tag)) return `产业类别“${tag}”包含多个产业，请拆分为多个标签分别填写`;
  if (tag.length > INDUSTRY_TAG_MAX_LENGTH && [...tag].length > INDUSTRY_TAG_MAX_LENGTH) {
    return `产业类别“${tag}”超过 ${String(INDUSTRY_TAG_MAX_LENGTH)} 个字，请简化`;
  }
  if (tag === '其他' || tag === '其他产业') return '产业类别请按实填写具体的产业名称，不要只填“其他”';
  for (let j = 0; j < i; j++) if (nameKey(tags[j] ?? '') === nameKey(tag)) return `产业类别“${tag}”重复，请删除重复的标签`;
  return null;
}

const INDUSTRY_SUFFIX = /(产业|行业|领域|类)$/;

/** Length of the longest run of characters that `a` and `b` share. */
function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a.charAt(i + k) === b.charAt(j + k)) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

/**
 * The campaign tags a free-text industry probably means, closest first (at most 3): `养老` → `养老护理`, `集成电路产业`
 * → `集成电路`, `医药` → `生物医药`. Empty when the text is a tag already, or nothing shares two characters with it.
 * The editor offers them for the unit to accept; it never replaces the text by itself.
 */
export function suggestIndustryTags(typed: string, tags: readonly string[]): string[] {
  const key = nameKey(typed.trim()).replace(INDUSTRY_SUFFIX, '');
  if (key.length < 2 || tags.some((t) => nameKey(t) === nameKey(typed.trim()))) return [];
  const scored: { tag: string; score: number }[] = [];
  for (const tag of tags) {
    const tagKey = nameKey(tag);
    const shared = tagKey.includes(key) || key.includes(tagKey) ? Math.min(key.length, tagKey.length) : longestCommonRun(key, tagKey);
    if (shared < 2 || shared < Math.min(key.length, tagKey.length) / 2) continue;
    scored.push({ tag, score: shared / Math.max(key.length, tagKey.length) });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((x) => x.tag);
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function checkExpected(row: CheckableRow, f: RowFindings): void {
  const value = typeof row.expectedAssessments === 'string' ? row.expectedAssessments.trim() : row.expectedAssessments;
  if (value === null || value === '') {
    f.error('expected_invalid', '请填写预计评价人次：三年内预计参加评价的人次，为不小于 1 的整数', 'expectedAssessments');
    return;
  }
  if (typeof value === 'string' && !DECIMAL.test(value)) {
    f.error('expected_invalid', `预计评价人次应为不小于 1 的整数，填写的“${value}”不是数字`, 'expectedAssessments');
    return;
  }
  const n = Number(value);
  if (n > EXPECTED_MAX) {
    f.error('expected_invalid', `预计评价人次不能超过 ${String(EXPECTED_MAX)}，请按三年内的实际需求预估`, 'expectedAssessments');
  } else if (!Number.isInteger(n) || n < 1) {
    f.error('expected_invalid', `预计评价人次应为不小于 1 的整数，填写的“${String(value)}”不符合要求`, 'expectedAssessments');
  }
}

function checkReason(row: CheckableRow, f: RowFindings): void {
  if (row.reason.trim() === '') {
    f.error('reason_missing', '请填写推荐理由，简述文件依据、行业规划、重要会议或调研摸底等情况', 'reason');
  }
}

/** Findings of one row on its own (everything except `duplicate_row`, which needs the whole form). */
export function checkRow(row: CheckableRow, index: ReferenceIndex, options: CheckRowsOptions = {}): Finding[] {
  const f = new RowFindings();
  const occ = checkCode(row, normalizeOccupationCode(row.occupationCode), index, f);
  if (occ) {
    checkName(row, occ, index, f);
    checkSkillType(occ, index, f);
    const jobType = checkJobType(row, occ, index, f);
    checkStandard(row, occ, jobType, index, f);
    checkCatalogues(row, occ, jobType, index, f);
  }
  checkIndustries(row, options.industryTags ?? DEFAULT_INDUSTRY_TAGS, f);
  checkExpected(row, f);
  checkReason(row, f);
  return f.list;
}

/** Adds a `duplicate_row` error to every row that names the same occupation and 工种 as another row. */
function markDuplicates(rows: readonly CheckableRow[], findings: Finding[][]): void {
  const byKey = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const code = normalizeOccupationCode(row.occupationCode);
    if (!OCCUPATION_CODE_PATTERN.test(code)) return;
    const key = `${code}|${nameKey(row.jobTypeName)}`;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  for (const [key, positions] of byKey) {
    if (positions.length < 2) continue;
    const [code = '', jobTypeKey = ''] = key.split('|');
    for (const i of positions) {
      const others = positions.filter((j) => j !== i).map((j) => String(j + 1));
      const what = jobTypeKey === '' ? `职业编码 ${code}` : `职业编码 ${code}、工种“${rows[i]?.jobTypeName.trim() ?? ''}”`;
      findings[i]?.push({
        code: 'duplicate_row',
        severity: 'error',
        message: `与第 ${others.join('、')} 行重复（${what}），同一职业（工种）只能推荐一次，请删除重复的行`,
        field: 'occupationCode',
      });
    }
  }
}

/** Checks every row of a form against the reference data; answers one findings array per row, in row order. */
export function checkRows(rows: readonly CheckableRow[], index: ReferenceIndex, options: CheckRowsOptions = {}): Finding[][] {
  const remembered = rowFindingsCache(index, options.industryTags);
  const findings = rows.map((row) => [...remembered(row, () => checkRow(row, index, options))]);
  markDuplicates(rows, findings);
  return findings;
}

/** True when any finding (of one row, or of every row) is an error, i.e. the form cannot be submitted. */
export function hasErrors(findings: readonly Finding[] | readonly (readonly Finding[])[]): boolean {
  return findings.some((item) => (Array.isArray(item) ? (item as readonly Finding[]).some(isError) : isError(item as Finding)));
}

const isError = (f: Finding): boolean => f.severity === 'error';
