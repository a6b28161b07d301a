import { createWorkingDayCalendar, DEFAULT_NOTICE_WORKING_DAYS, noticePeriod } from '@zhengji/domain';

function isoDays(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The end of a five-working-day notice for every start date of 2024 and of 2025, with one correction by the center. */
export async function run(): Promise<Record<string, number | string>> {
  const calendar = createWorkingDayCalendar({ '2025-12-31': 'holiday' });
  const starts = [...isoDays(2024), ...isoDays(2025)];
  for (const s of starts) noticePeriod(s, DEFAULT_NOTICE_WORKING_DAYS, calendar);
  const times: number[] = [];
  let longest = 0;
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    for (const s of starts) {
      const p = noticePeriod(s, DEFAULT_NOTICE_WORKING_DAYS, calendar);
      if (i === 0) longest = Math.max(longest, (Date.parse(p.endDate) - Date.parse(s)) / 86_400_000 + 1);
    }
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  return {
    benchmark: 'notice end date (5 working days) for every start date of a year',
    startDates: starts.length,
    medianMsPerYear: Number(((median * 365) / starts.length).toFixed(3)),
    medianMsBothYears: Number(median.toFixed(3)),
    longestPeriodCalendarDays: longest,
    sample: `2024-09-27 → ${noticePeriod('2024-09-27').endDate}`,
  };
}
