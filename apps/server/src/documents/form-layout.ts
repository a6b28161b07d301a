import { formatChineseDate } from '@zhengji/domain';
import { FORM_COLUMN_LABELS, type FormDocumentData, type FormHeader, type FormRow } from '@zhengji/domain/form/form.schemas.ts';

/** What every rendering of the 推荐表 (Word, PDF, Excel) shares: texts, column order and widths. */

/** The line at the top left above the title, as in the notice's attachment. */
export const ATTACHMENT_LINE = '附件';
export const FORM_TITLE = '社会化职业技能等级认定职业（工种）推荐表';
export const UNIT_LABEL = '推荐单位（加盖公章）：';
export const CONTACT_LABEL = '联系人：';
export const PHONE_LABEL = '联系方式：';
export const FILL_DATE_LABEL = '填表日期：';
export const INSTRUCTIONS_TITLE = '填表说明';
export const DRAFT_MARK = '草稿';
export const DRAFT_NOTICE = '草稿 · 尚未定稿，不能作为正式推荐材料';
/** The mark of a version whose finalization was voided. */
export const VOIDED_NOTICE = '已作废 · 该版定稿已撤销，不能作为正式推荐材料';
/** The line beside the QR code of a finalized version. */
export function formCodeCaption(code: { versionNo: number; verificationCode: string }): string {
  return `定稿第 ${String(code.versionNo)} 版　校验码：${code.verificationCode}`;
}
/** The hint under the QR code: where the seal goes, and that the code must stay legible. */
export const FORM_CODE_HINT = '盖章时请勿遮挡二维码';

export type FormColumnKey = keyof typeof FORM_COLUMN_LABELS;

/** The ten columns in the notice's order, with relative widths (sum 100) tuned for A4 landscape. */
export const FORM_COLUMNS: readonly { key: FormColumnKey; label: string; width: number }[] = [
  { key: 'priority', label: FORM_COLUMN_LABELS.priority, width: 4 },
  { key: 'occupationCode', label: FORM_COLUMN_LABELS.occupationCode, width: 8 },
  { key: 'occupationName', label: FORM_COLUMN_LABELS.occupationName, width: 10 },
  { key: 'jobTypeName', label: FORM_COLUMN_LABELS.jobTypeName, width: 9 },
  { key: 'standardName', label: FORM_COLUMN_LABELS.standardName, width: 11 },
  { key: 'standardVersion', label: FORM_COLUMN_LABELS.standardVersion, width: 7 },
  { key: 'inShortageCatalog', label: FORM_COLUMN_LABELS.inShortageCatalog, width: 8 },
  { key: 'industries', label: FORM_COLUMN_LABELS.industries, width: 9 },
  { key: 'expectedAssessments', label: FORM_COLUMN_LABELS.expectedAssessments, width: 7 },
  { key: 'reason', label: FORM_COLUMN_LABELS.reason, width: 27 },
];

/** The seven 填表说明 of the notice (沪人社职〔2024〕319号, attachment). */
export const FORM_INSTRUCTIONS: readonly string[] = [
  '推荐的职业（工种）请按优先级顺序填写。',
  '职业编码、职业名称、工种：请按《中华人民共和国职业分类大典》（2022年版）规范填写。国家职业标准中职业下未分工种的，按职业进行申报；细分工种的，需申报到工种。',
  '国家职业标准名称、版本号：请登录以下链接查询后规范填写：http://osta.mohrss.gov.cn/skillstandard。',
  '是否已纳入急需紧缺职业目录：请根据《上海市人力资源和社会保障局关于发布上海市急需紧缺高技能人才职业（工种）目录（2024年）的通知》（沪人社职〔2024〕1号）填写。',
  '产业类别：（1）请按以下产业标签选择填写：“3+6”产业：集成电路、生物医药、人工智能，电子信息、生命健康、汽车、高端装备、先进材料、时尚消费品；两大民生产业：养老护理、家政服务；其他产业：按实填写；（2）每个职业（工种）可按实际情况选填多个产业标签，用“、”隔开。',
  '预计评价人次：请根据本行业或本区域实际需求，预估三年内评价计划。',
  '推荐理由：请简述推荐理由，如：文件依据、行业规划、重要会议、调研摸底等。',
];

/** Industries as printed: joined by 、. */
export function industriesText(industries: readonly string[]): string {
  return industries.join('、');
}

/** The shortage flag as printed: 是/否, empty when unknown. */
export function shortageText(flag: boolean | null): string {
  if (flag === null) return '';
  return flag ? '是' : '否';
}

/** The ten cell texts of a row, in column order; `index` is 0-based. */
export function rowCellTexts(row: FormRow, index: number): string[] {
  return FORM_COLUMNS.map(({ key }) => {
    switch (key) {
      case 'priority':
        return String(index + 1);
      case 'inShortageCatalog':
        return shortageText(row.inShortageCatalog);
      case 'industries':
        return industriesText(row.industries);
      case 'expectedAssessments':
        return row.expectedAssessments === null ? '' : String(row.expectedAssessments);
      case 'occupationCode':
      case 'occupationName':
      case 'jobTypeName':
      case 'standardName':
      case 'standardVersion':
      case 'reason':
        return row[key];
    }
  });
}

/** The fill date as printed (2024年10月22日), or blanks to fill by hand. */
export function fillDateText(header: FormHeader): string {
  if (header.fillDate === null) return '年　　月　　日';
  return formatChineseDate(new Date(`${header.fillDate}T12:00:00+08:00`));
}

/** The verification code line of the footer. */
export function verificationText(data: FormDocumentData): string {
  if (data.isDraft || data.verificationCode === null) return '校验码：无（草稿）';
  const version = data.formCode ? `定稿第 ${String(data.formCode.versionNo)} 版　` : '';
  return `${version}校验码：${data.verificationCode}`;
}

/** Page footer text, e.g. 第 1 页 / 共 3 页　校验码：9F3A2C1B. */
export function footerText(data: FormDocumentData, page: number, pages: number): string {
  return `第 ${page} 页 / 共 ${pages} 页　　${verificationText(data)}`;
}

/** Column widths scaled to a total, rounded, summing exactly to `total`. */
export function scaledWidths(total: number): number[] {
  const sum = FORM_COLUMNS.reduce((s, c) => s + c.width, 0);
  const widths = FORM_COLUMNS.map((c) => Math.floor((c.width * total) / sum));
  const rest = total - widths.reduce((s, w) => s + w, 0);
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}
