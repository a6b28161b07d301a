import { DomainError } from '../shared/errors.ts';
import { createWorkingDayCalendar, noticeEndFailure, noticePeriod, noticeStartFailure, type DayOverrides } from './working-days.ts';

/**
 * The end date of a notice starting today or later: as given (never before the N-th working day), or N working days
 * from the start on the corrected calendar. Throws VALIDATION with the reason.
 */
export function resolveNoticeEnd(
  startDate: string,
  endDate: string | undefined,
  overrides: DayOverrides,
  now: Date,
): { endDate: string; uncoveredDays: string[] } {
  const startFailure = noticeStartFailure(startDate, now);
  if (startFailure) throw new DomainError('VALIDATION', startFailure);
  const calendar = createWorkingDayCalendar(overrides);
  const period = noticePeriod(startDate, undefined, calendar);
  const end = endDate ?? period.endDate;
  calendar.isWorkday(end);
  const endFailure = noticeEndFailure(period, end);
  if (endFailure) throw new DomainError('VALIDATION', endFailure);
  return { endDate: end, uncoveredDays: period.uncoveredDays };
}
