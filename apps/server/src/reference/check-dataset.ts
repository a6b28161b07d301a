import { OCCUPATION_CODE_PATTERN, normalizeOccupationCode, type ReferenceDatasetKind } from '@zhengji/domain';
import type { ParsedDataset } from './parse-dataset.ts';

/** What the cross-checks know of the dictionary an import is checked against. */
export interface KnownOccupations {
  has(code: string): boolean;
  jobTypesOf(code: string): readonly string[];
}

/** Checks a dictionary import against itself: levels match codes, every parent exists one level up. */
function checkTree(parsed: ParsedDataset): void {
  const levels = new Map<string, number>();
  for (const r of parsed.records) if (r.type === 'occupation') levels.set(r.key, Number(r.data.level));
  parsed.records.forEach((r, i) => {
    const row = parsed.rows[i] ?? null;
    if (r.type === 'newOccupation') {
      const parent = typeof r.data.parentOccupationCode === 'string' ? normalizeOccupationCode(r.data.parentOccupationCode) : null;
      if (r.data.kind === 'jobType' && parent && levels.get(parent) !== 4)
        parsed.warnings.push({ row, key: r.key, message: `新工种“${String(r.data.name)}”的所属职业 ${parent} 不在本大典中` });
      return;
    }
    if (r.type !== 'occupation') return;
    const level = Number(r.data.level);
    const segments = r.key.split('-').length;
    if (segments !== level) parsed.errors.push({ row, key: r.key, message: `编码 ${r.key} 有 ${segments} 段，与层级 ${level} 不符` });
    if (level === 4 && !OCCUPATION_CODE_PATTERN.test(r.key)) parsed.errors.push({ row, key: r.key, message: `细类编码 ${r.key} 格式不正确，应为 X-XX-XX-XX` });
    if (level === 1) return;
    const parent = typeof r.data.parentCode === 'string' ? normalizeOccupationCode(r.data.parentCode) : '';
    const parentLevel = levels.get(parent);
    if (parentLevel === undefined) parsed.errors.push({ row, key: r.key, message: `上级编码 ${parent || '（空）'} 不存在（编码 ${r.key}）` });
    else if (parentLevel !== level - 1) parsed.errors.push({ row, key: r.key, message: `上级编码 ${parent} 的层级为 ${parentLevel}，应为 ${level - 1}` });
  });
}

function checkCode(parsed: ParsedDataset, known: KnownOccupations | null, row: number | null, key: string, code: string, what: string): void {
  const c = normalizeOccupationCode(code);
  if (!OCCUPATION_CODE_PATTERN.test(c)) parsed.errors.push({ row, key, message: `${what}的职业编码“${code}”格式不正确，应为 X-XX-XX-XX` });
  else if (known && !known.has(c)) parsed.errors.push({ row, key, message: `${what}指向的职业 ${c} 不在现行职业分类大典中` });
}

/**
 * Cross-checks of an import: the dictionary's tree; standards, qualifications and the Shanghai lists against the
 * dictionary (`known`, null when no dictionary is active — then a warning says the codes were not checked).
 */
export function checkDataset(kind: ReferenceDatasetKind, parsed: ParsedDataset, known: KnownOccupations | null): void {
  if (kind === 'occupations') return checkTree(parsed);
  if (!known) parsed.warnings.push({ row: null, message: '尚无生效的职业分类大典，未核对职业编码是否存在' });
  parsed.records.forEach((r, i) => {
    const row = parsed.rows[i] ?? null;
    const d = r.data;
    if (r.type === 'standard' && typeof d.mappedOccupationCode2022 === 'string') {
      checkCode(parsed, known, row, r.key, d.mappedOccupationCode2022, `标准“${String(d.standardName)}”`);
    } else if (r.type === 'qualification') {
      for (const code of (d.mappedOccupationCodes as string[] | null) ?? []) checkCode(parsed, known, row, r.key, code, `资格“${String(d.qualificationItem)}”`);
    } else if (r.type === 'entry') {
      const code = String(d.occupationCode);
      checkCode(parsed, known, row, r.key, code, '条目');
      const jt = typeof d.jobTypeName === 'string' ? d.jobTypeName : null;
      if (jt && known?.has(code) && !known.jobTypesOf(code).includes(jt)) {
        parsed.warnings.push({ row, key: r.key, message: `工种“${jt}”不在职业 ${code} 的工种列表中，请核对` });
      }
    }
  });
}
