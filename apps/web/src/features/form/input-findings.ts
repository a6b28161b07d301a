import { EXPECTED_MAX, FORM_COLUMN_LABELS as L, INDUSTRY_TAG_MAX_LENGTH, REASON_MAX_LENGTH, type Finding, type FormRow } from '@zhengji/domain';

/**
 * A finding shown in the editor: one of the eligibility rules' findings, or `input_changed` — what the editor itself
 * had to change (or could not keep) to save a value as typed, so that no value changes silently.
 */
export type EditorFinding = Omit<Finding, 'code'> & { code: Finding['code'] | 'input_changed' };

/** The longest text each field of a row is saved with (FormRowSchema's limits). */
export const ROW_TEXT_LIMITS = {
  occupationCode: 30,
  occupationName: 100,
  jobTypeName: 100,
  standardName: 200,
  standardVersion: 50,
  reason: REASON_MAX_LENGTH,
} as const;
const MAX_TAGS = 20;

/** How a typed 预计评价人次 is saved: the number (or null) and, when it differs from the text, why. */
export interface ReadExpected {
  value: number | null;
  finding: EditorFinding | null;
}

const field = 'expectedAssessments' as const;

/**
 * Reads the typed 预计评价人次 without clamping or rounding: `0` stays 0 (the rules then say it must be ≥ 1), full-width
 * digits are read as digits (and said so), anything that is not a whole number from 0 to EXPECTED_MAX is kept on the
 * screen, saved as empty, and reported as an error.
 */
export function readExpected(text: string): ReadExpected {
  const typed = text.trim();
  if (typed === '') return { value: null, finding: null };
  const digits = typed.normalize('NFKC').replace(/[,，\s]/g, '');
  if (/^\d+$/.test(digits) && Number(digits) <= EXPECTED_MAX) {
    const value = Number(digits);
    if (digits === typed) return { value, finding: null };
    return {
      value,
      finding: { code: 'input_changed', severity: 'warning', field, message: `“${L.expectedAssessments}”填写的“${typed}”已按 ${String(value)} 保存，请核对` },
    };
  }
  const why = /^[+-]?\d+(\.\d+)?$/.test(digits) ? (Number(digits) > EXPECTED_MAX ? `超过上限 ${String(EXPECTED_MAX)}` : '不是不小于 1 的整数') : '不是数字';
  return {
    value: null,
    finding: {
      code: 'input_changed',
      severity: 'error',
      field,
      message: `“${L.expectedAssessments}”填写的“${typed}”${why}，未保存（按空白保存），请改为 1 至 ${String(EXPECTED_MAX)} 之间的整数`,
    },
  };
}

/** The editor's own findings of a row: a typed number it cannot save as typed, and text longer than can be saved. */
export function inputFindingsOf(row: FormRow & { expectedText?: string }): EditorFinding[] {
  const out: EditorFinding[] = [];
  if (row.expectedText !== undefined) {
    const { finding } = readExpected(row.expectedText);
    if (finding) out.push(finding);
  }
  for (const [key, max] of Object.entries(ROW_TEXT_LIMITS) as [keyof typeof ROW_TEXT_LIMITS, number][]) {
    const length = [...row[key]].length;
    if (length > max) {
      out.push({
        code: 'input_changed',
        severity: 'error',
        field: key,
        message: `“${L[key]}”共 ${String(length)} 字，超过 ${String(max)} 字的上限；只保存了前 ${String(max)} 字，请精简`,
      });
    }
  }
  for (const tag of row.industries) {
    if ([...tag].length > INDUSTRY_TAG_MAX_LENGTH) {
      out.push({
        code: 'input_changed',
        severity: 'error',
        field: 'industries',
        message: `产业类别“${tag}”超过 ${String(INDUSTRY_TAG_MAX_LENGTH)} 个字；只保存了前 ${String(INDUSTRY_TAG_MAX_LENGTH)} 个字，请简化`,
      });
    }
  }
  if (row.industries.length > MAX_TAGS) {
    out.push({
      code: 'input_changed',
      severity: 'error',
      field: 'industries',
      message: `产业类别最多 ${String(MAX_TAGS)} 个，填写了 ${String(row.industries.length)} 个；只保存了前 ${String(MAX_TAGS)} 个，请删减`,
    });
  }
  return out;
}

const cut = (text: string, max: number): string => ([...text].length > max ? [...text].slice(0, max).join('') : text);

/** A row as it can be saved: text cut to the schema's limits (inputFindingsOf says so on the screen). */
export function savableRow(row: FormRow): FormRow {
  const out = { ...row };
  for (const [key, max] of Object.entries(ROW_TEXT_LIMITS) as [keyof typeof ROW_TEXT_LIMITS, number][]) out[key] = cut(row[key], max);
  out.industries = row.industries.slice(0, MAX_TAGS).map((t) => cut(t, INDUSTRY_TAG_MAX_LENGTH));
  return out;
}

/**
 * The findings to show for a row: the rules', then the editor's own. A number that could not be saved is saved as
 * empty, so the rules' "请填写预计评价人次" about it is left out: the editor's finding says what is really wrong.
 */
export function mergeFindings(rules: readonly EditorFinding[], own: readonly EditorFinding[]): EditorFinding[] {
  if (own.length === 0) return rules as EditorFinding[];
  const unsaved = own.some((f) => f.field === field && f.severity === 'error');
  return [...(unsaved ? rules.filter((f) => f.field !== field) : rules), ...own];
}
