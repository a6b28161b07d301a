/** A source of the current time; tests pass a fixed or movable one. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Formats a date as a Chinese date in Asia/Shanghai, e.g. 2024年10月22日. */
export function formatChineseDate(date: Date): string {
  const parts = shanghaiParts(date);
  return `${parts.year}年${parts.month}月${parts.day}日`;
}

/** Formats a date-time in Asia/Shanghai, e.g. 2024年10月22日 17:30. */
export function formatChineseDateTime(date: Date): string {
  const p = shanghaiParts(date);
  return `${p.year}年${p.month}月${p.day}日 ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** The calendar parts of an instant in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiParts(date: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const shifted = new Date(date.getTime() + 8 * 3600_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** The ISO date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiIsoDate(date: Date): string {
  const p = shanghaiParts(date);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The last instant of an inclusive Shanghai calendar date (YYYY-MM-DD): 23:59:59.999 that day. */
export function endOfShanghaiDay(isoDate: string): Date {
  return new Date(new Date(`${isoDate}T00:00:00+08:00`).getTime() + 86_400_000 - 1);
}

/** An instant as Asia/Shanghai wall time with seconds, e.g. 2024-10-22 14:03:05 (the dossier's CSVs, sortable). */
export function formatShanghaiTimestamp(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}
