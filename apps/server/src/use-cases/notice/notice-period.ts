import { DomainError, createWorkingDayCalendar, noticePeriod, type DayOverrides } from '@zhengji/domain';

/** The end date of a notice: as given, or five working days from the start on the corrected calendar; checks order. */
export function resolveNoticeEnd(startDate: string, endDate: string | undefined, overrides: DayOverrides): { endDate: string; uncoveredDays: string[] } {
  const calendar = createWorkingDayCalendar(overrides);
  const period = noticePeriod(startDate, undefined, calendar);
  const end = endDate ?? period.endDate;
  calendar.isWorkday(end);
  if (end < startDate) throw new DomainError('VALIDATION', `公示结束日期（${end}）不能早于开始日期（${startDate}）`);
  return { endDate: end, uncoveredDays: period.uncoveredDays };
}
