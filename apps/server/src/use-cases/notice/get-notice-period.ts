import { createWorkingDayCalendar, noticePeriod, type DayOverrides } from '@zhengji/domain';
import type { UseCaseContext } from '../context.ts';
import { authorizeNotice } from '../../db/queries/notice.ts';

/** The default period of a notice starting on a date: five working days on the mainland calendar with the center's corrections. */
export function getNoticePeriod(ctx: UseCaseContext, startDate: string, overrides: DayOverrides) {
  authorizeNotice(ctx, 'notice.manage');
  const calendar = createWorkingDayCalendar(overrides);
  const p = noticePeriod(startDate, undefined, calendar);
  return { startDate: p.startDate, endDate: p.endDate, workingDays: p.workingDays, uncoveredDays: p.uncoveredDays };
}
