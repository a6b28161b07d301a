import { fieldLabel } from './field-labels.ts';

/**
 * Characters no text a person types may hold: C0 controls except tab, line feed and carriage return (so multi-line
 * text keeps its lines and tabs), DEL, C1 controls, and unpaired UTF-16 surrogates (not valid Unicode; PostgreSQL
 * refuses NUL in text and json outright).
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A string that looks like a date or a date-time (YYYY-MM-DD, optionally THH:MM[:SS[.fff]] and a zone). */
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The message when a text holds a control character (the field is named before it). */
export const CONTROL_CHARACTER_MESSAGE = '含有不可见的控制字符（常见于从其他软件复制的内容），请删除后重新输入';
/** The message when a date names a day that does not exist (the field is named before it). */
export const IMPOSSIBLE_DATE_MESSAGE = '不是存在的日期，请检查年、月、日（如 2 月没有 30 日）';

/** True when the text holds a character that no field may hold (see FORBIDDEN). */
export function hasControlCharacters(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** True when the text is shaped like a date (or date-time) but names a day or time that does not exist: 2024-02-30, 2024-13-01, 25:00. */
export function isImpossibleDate(text: string): boolean {
  const m = DATE_SHAPE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysInMonth = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  if (day < 1 || day > daysInMonth) return true;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return true;
  const zone = m[7];
  if (zone && zone !== 'Z') {
    const digits = zone.replace(':', '');
    if (Number(digits.slice(1, 3)) > 14 || Number(digits.slice(3, 5)) > 59) return true;
  }
  return false;
}

/** What is wrong with one text value (a Chinese message to put after the field's name), or null when nothing is. */
export function textProblem(text: string): string | null {
  if (hasControlCharacters(text)) return CONTROL_CHARACTER_MESSAGE;
  if (isImpossibleDate(text)) return IMPOSSIBLE_DATE_MESSAGE;
  return null;
}

/**
 * The first string in a parsed value (JSON body, query, form fields) that no field may hold, with its path: keys are
 * checked as well as values. Null when every string is acceptable.
 */
export function findTextProblem(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; message: string } | null {
  const found = search(value, 0);
  return found ? { path: [...path, ...found.path.reverse()], message: found.message } : null;
}

/** Depth-first search; the path is built (reversed) on the way back up, so that clean values allocate nothing. */
function search(value: unknown, depth: number): { path: (string | number)[]; message: string } | null {
  if (typeof value === 'string') {
    const message = textProblem(value);
    return message ? { path: [], message } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth > 64) return { path: [], message: '嵌套层次过深，请检查提交的内容' };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = search(value[i], depth + 1);
      if (found) {
        found.path.push(i);
        return found;
      }
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (hasControlCharacters(key)) return { path: [key], message: CONTROL_CHARACTER_MESSAGE };
    const found = search((value as Record<string, unknown>)[key], depth + 1);
    if (found) {
      found.path.push(key);
      return found;
    }
  }
  return null;
}

/**
 * The Chinese sentence for a problem found by findTextProblem, naming the field: "“退回理由”含有不可见的控制字符…";
 * a cell of a table's rows is named by row and column ("第 2 行“推荐理由”…", with the columns' labels given).
 */
export function textProblemMessage(
  found: { path: readonly (string | number)[]; message: string },
  labels: Record<string, string> = {},
  rowLabels: Record<string, string> = {},
): string {
  const p = found.path;
  const row = p.findIndex((x, i) => typeof x === 'number' && p[i - 1] === 'rows');
  if (row > 0 && p.length > row + 1) {
    const key = String(p[row + 1]);
    return `第 ${String(Number(p[row]) + 1)} 行“${rowLabels[key] ?? fieldLabel([key], labels)}”${found.message}`;
  }
  const label = fieldLabel(p, labels);
  return label ? `“${label}”${found.message}` : `提交的内容${found.message}`;
}
