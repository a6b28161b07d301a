import { endOfShanghaiDay, formatChineseDate, formatChineseDateTime } from '@zhengji/domain';

/** The date pickers' display format: 2024年10月22日 (values stay ISO dates). */
export const DATE_FORMAT = 'YYYY年M月D日';
/** The date-time pickers' display format: 2024年10月22日 14:03. */
export const DATE_TIME_FORMAT = 'YYYY年M月D日 HH:mm';
/** What a date picker shows (the first) and also accepts when typed: 2024年10月22日, 2024-10-22, 2024/10/22. */
export const DATE_INPUT_FORMATS = [DATE_FORMAT, 'YYYY-MM-DD', 'YYYY/M/D'];
/** What a date-time picker shows (the first) and also accepts when typed. */
export const DATE_TIME_INPUT_FORMATS = [DATE_TIME_FORMAT, 'YYYY-MM-DD HH:mm', 'YYYY/M/D HH:mm'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  // A calendar date (2024-10-22) is a Shanghai day, whatever the browser's time zone.
  return ISO_DATE.test(value) ? endOfShanghaiDay(value) : new Date(value);
}

/** A date on screen: 2024年10月22日 (from an ISO date, an ISO date-time or a Date); '—' when there is none. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = toDate(value);
  return Number.isNaN(d.getTime()) ? String(value as string) : formatChineseDate(d);
}

/** A date with its time where the time matters: 2024年10月22日 14:03 (Shanghai time), optionally with seconds. */
export function formatDateTime(value: string | Date | null | undefined, options: { seconds?: boolean } = {}): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return String(value as string);
  if (!options.seconds) return formatChineseDateTime(d);
  return `${formatChineseDateTime(d)}:${String(d.getUTCSeconds()).padStart(2, '0')}`;
}
