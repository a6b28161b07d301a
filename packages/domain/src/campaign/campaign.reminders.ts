import { endOfShanghaiDay, shanghaiIsoDate } from '../shared/clock.ts';
import { REMINDER_DAYS, type ReminderDays } from './campaign.schemas.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole Shanghai calendar days from today to the inclusive deadline (0 on the last day, negative after). */
export function daysUntilDeadline(deadline: string, now: Date): number {
  const today = endOfShanghaiDay(shanghaiIsoDate(now)).getTime();
  return Math.round((endOfShanghaiDay(deadline).getTime() - today) / DAY_MS);
}

/**
 * The reminder threshold due now: the smallest of 7, 3, 1 that is ≥ the days left, so that a tick missed on the
 * exact day still sends the reminder of that threshold later (once — the caller dedupes by threshold); null before
 * 7 days and after the deadline.
 */
export function dueReminderDays(deadline: string, now: Date): ReminderDays | null {
  const left = daysUntilDeadline(deadline, now);
  if (left < 0) return null;
  let due: ReminderDays | null = null;
  for (const d of REMINDER_DAYS) if (left <= d) due = d;
  return due;
}
