import type { ReferenceDatasetKind } from '@zhengji/domain';

/** One documented column of a CSV / Excel import: the template's header, accepted aliases, and whether it is required. */
export interface DatasetColumn {
  field: string;
  header: string;
  aliases: readonly string[];
  required: boolean;
  /** What to write in it (shown in the template's note row and the docs). */
  help: string;
  example: string;
}

const col = (field: string, header: string, required: boolean, help: string, example: string, aliases: string[] = []): DatasetColumn => ({
  field,
  header,
  aliases: [field, ...aliases],
  required,
  help,
  example,
});

/** Separator of multi-valued cells (工种, main tasks, codes): `；` (`;`, `|` and line breaks also accepted). */
export const LIST_SEPARATOR = '；';

/** The documented columns of the CSV / Excel import of each dataset kind (the template's header row). */
export const DATASET_COLUMNS: Record<ReferenceDatasetKind, readonly DatasetColumn[]> = {
  occupations: [
    col('code', '编码', true, '大类 X、中类 X-XX、小类 X-XX-XX 或细类（职业）X-XX-XX-XX', '4-10-01-05', ['职业编码']),
    col('name', '名称', true, '大典中的名称', '养老护理员', ['职业名称']),
    col('level', '层级', false, '1 大类、2 中类、3 小类、4 细类；空则按编码推断', '4'),
    col('parentCode', '上级编码', false, '空则按编码推断', '4-10-01'),
    col('markers', '标识', false, 'S（数字职业）、L（绿色职业）、L/S；空表示无', '', ['标识（S/L）']),
    col('jobTypes', '工种', false, '多个工种以“；”分隔', '', ['工种名称']),
    col('definition', '定义', false, '职业定义', '从事老年人生活照料、护理服务工作的人员。'),
    col('mainTasks', '主要工作任务', false, '多项以“；”或换行分隔', ''),
    col('status', '状态', false, 'current 现行、recoded 已改码、print-only 仅见于印刷版；空为现行', 'current'),
    col('replacedBy', '新编码', false, '已改码职业的新编码', ''),
    col('printEditionName', '印刷版名称', false, '与 2022 年印刷版名称不同时填写', ''),
  ],
  standards: [
    col('code', '标准编码', true, '国家职业标准目录中的编码（可为 2015 年版编码）', '4-10-01-05', ['编码']),
    col('standardName', '标准名称', true, '目录中的标准名称', '养老护理员'),
    col('occupationName', '职业名称', false, '', '养老护理员'),
    col('mappedOccupationCode2022', '对应职业编码（2022）', false, '对应大典 2022 年版细类编码；空表示未对应', '4-10-01-05', ['对应职业编码']),
    col('jobTypesCovered', '覆盖工种', false, '标准专门针对的工种，以“；”分隔', ''),
    col('editionYear', '版本年份', false, '如 2019', '2019'),
    col('trial', '试行', false, '是 / 否', '否'),
  ],
  qualifications: [
    col('qualificationItem', '资格名称', true, '国家职业资格目录中的技能人员职业资格', '消防员'),
    col('mappedOccupationCodes', '对应职业编码', false, '对应的大典细类编码，以“；”分隔', '3-02-03-01'),
  ],
  shortage: [
    col('occupationCode', '职业编码', true, '大典细类编码 X-XX-XX-XX', '4-04-05-05', ['编码']),
    col('jobTypeName', '工种', false, '空表示整个职业', ''),
    col('note', '备注', false, '', ''),
    col('source', '依据文件', false, '如 沪人社职〔2024〕1号', '沪人社职〔2024〕1号', ['来源']),
    col('isDemo', '演示数据', false, '是 / 否', '否'),
  ],
  offered: [
    col('occupationCode', '职业编码', true, '大典细类编码 X-XX-XX-XX', '4-10-01-05', ['编码']),
    col('jobTypeName', '工种', false, '空表示整个职业', ''),
    col('note', '备注', false, '', ''),
    col('source', '依据文件', false, '开展认定的依据', '', ['来源']),
    col('isDemo', '演示数据', false, '是 / 否', '否'),
  ],
};

/** Splits a multi-valued cell on `；`, `;`, `|` or line breaks (falling back to `、` when none is present). */
export function splitList(cell: string | undefined): string[] {
  if (!cell) return [];
  const parts = /[；;|\n]/.test(cell) ? cell.split(/[；;|\n]+/) : cell.split('、');
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** 是/否, 1/0, true/false, Y/N → boolean; empty → null. */
export function parseYesNo(cell: string | undefined): boolean | null {
  const v = (cell ?? '').trim().toLowerCase();
  if (v === '') return null;
  return ['是', '1', 'true', 'y', 'yes', '√'].includes(v);
}
