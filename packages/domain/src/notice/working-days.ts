/*
 * The mainland China working-day calendar, from the data of the `chinese-days` package (public holidays and
 * make-up working days 调休, per the State Council's yearly arrangement).
 *
 * We read the package's JSON data rather than calling its isWorkday(): its functions build their date tables
 * with the host's local time zone and give wrong answers west of UTC (e.g. TZ=America/New_York says
 * 2024-09-29, a 调休 Sunday, is not a working day). Here every date is a plain ISO string and weekdays are
 * computed in UTC, so the answer is the same on any server and in any browser. A test checks that the two
 * agree, day by day, in Asia/Shanghai.
 */
import calendarData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { DomainError } from '../shared/errors.ts';
import { endOfShanghaiDay, formatChineseDate, shanghaiIsoDate } from '../shared/clock.ts';

/** The default length of a public notice, in working days (product.md §2). */
export const DEFAULT_NOTICE_WORKING_DAYS = 5;

/** A correction of one day by the center: force it to be a working day or a day off. */
export type DayOverride = 'workday' | 'holiday';

/** The center's corrections of the calendar, by ISO date (YYYY-MM-DD). */
export type DayOverrides = Readonly<Record<string, DayOverride>>;

const HOLIDAYS: ReadonlySet<string> = new Set(Object.keys(calendarData.holidays));
const MAKEUP_WORKDAYS: ReadonlySet<string> = new Set(Object.keys(calendarData.workdays));
const DATA_YEARS = [...HOLIDAYS, ...MAKEUP_WORKDAYS].map((d) => Number(d.slice(0, 4)));

/** The years for which the package has the official holiday arrangement (inclusive). */
export const CALENDAR_DATA_YEARS: { first: number; last: number } = { first: Math.min(...DATA_YEARS), last: Math.max(...DATA_YEARS) };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date; throws DomainError('VALIDATION') for an invalid date. */
function toDay(iso: string): number {
  const m = ISO.exec(iso);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || fromDay(ms / 86_400_000) !== iso) {
    throw new DomainError('VALIDATION', `日期“${iso}”格式不正确，应为 YYYY-MM-DD 形式的有效日期`);
  }
  return ms / 86_400_000;
}

function fromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Why a day is or is not a working day. */
export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'makeup_workday' | 'override_workday' | 'override_holiday';

/** A working-day calendar: the package's data with the center's corrections on top. */
export interface WorkingDayCalendar {
  /** Whether the ISO date is a working day. */
  isWorkday(isoDate: string): boolean;
  /** Why the ISO date is (not) a working day. */
  kind(isoDate: string): DayKind;
  /** Whether the calendar knows the official arrangement for the date's year (or the center corrected the day). */
  covers(isoDate: string): boolean;
}

type OverrideMap = ReadonlyMap<string, DayOverride>;

function kindOfDay(day: number, iso: string, overrides: OverrideMap): DayKind {
  const override = overrides.get(iso);
  if (override === 'workday') return 'override_workday';
  if (override === 'holiday') return 'override_holiday';
  if (MAKEUP_WORKDAYS.has(iso)) return 'makeup_workday';
  if (HOLIDAYS.has(iso)) return 'holiday';
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return weekday === 0 || weekday === 6 ? 'weekend' : 'weekday';
}

function coversDay(iso: string, overrides: OverrideMap): boolean {
  const year = Number(iso.slice(0, 4));
  return overrides.has(iso) || (year >= CALENDAR_DATA_YEARS.first && year <= CALENDAR_DATA_YEARS.last);
}

/** The corrections behind the calendars made here, so that noticePeriod can skip re-validating every day. */
const OVERRIDES_OF = new WeakMap<WorkingDayCalendar, OverrideMap>();

const WORKING: ReadonlySet<DayKind> = new Set<DayKind>(['weekday', 'makeup_workday', 'override_workday']);

/** The calendar with the center's corrections (a map ISO date → 'workday' | 'holiday'). */
export function createWorkingDayCalendar(overrides: DayOverrides = {}): WorkingDayCalendar {
  const map = new Map<string, DayOverride>();
  for (const [date, value] of Object.entries(overrides)) {
    toDay(date);
    if (value !== 'workday' && value !== 'holiday') throw new DomainError('VALIDATION', `日期${date}的设置须为“工作日”或“休息日”`);
    map.set(date, value);
  }
  const calendar: WorkingDayCalendar = {
    isWorkday: (iso) => WORKING.has(kindOfDay(toDay(iso), iso, map)),
    kind: (iso) => kindOfDay(toDay(iso), iso, map),
    covers: (iso) => {
      toDay(iso);
      return coversDay(iso, map);
    },
  };
  OVERRIDES_OF.set(calendar, map);
  return calendar;
}

/** The default calendar, without corrections. */
export const DEFAULT_CALENDAR: WorkingDayCalendar = createWorkingDayCalendar();

/** The period of a public notice in Shanghai calendar days. */
export interface NoticePeriod {
  /** First day (ISO date) as given. */
  startDate: string;
  /** Last day (ISO date), inclusive: the N-th working day. */
  endDate: string;
  /** The working days counted, in order (length N). */
  workingDays: string[];
  /** Days examined that lie outside the calendar's data and were not corrected (then only weekends count as off). */
  uncoveredDays: string[];
  /** First instant of the notice: 00:00 of the start day in Asia/Shanghai. */
  startsAt: Date;
  /** Last instant of the notice: 23:59:59.999 of the end day in Asia/Shanghai. */
  endsAt: Date;
}

/**
 * The period of a notice that starts on `startDate` and lasts N working days. Convention: the start day counts
 * as day 1 when it is a working day; otherwise day 1 is the next working day. The end is the N-th working day,
 * inclusive, to the end of that Shanghai day. E.g. a start on Friday 2024-09-27 with N = 5 counts 09-27,
 * 09-29 (调休 Sunday), 09-30, then skips 国庆 10-01..07, and ends on 10-08 and 10-09 → endDate 2024-10-09.
 */
export function noticePeriod(
  startDate: string,
  workingDayCount: number = DEFAULT_NOTICE_WORKING_DAYS,
  calendar: WorkingDayCalendar = DEFAULT_CALENDAR,
): NoticePeriod {
  if (!Number.isInteger(workingDayCount) || workingDayCount < 1 || workingDayCount > 366) {
    throw new DomainError('VALIDATION', '公示期须为1至366个工作日');
  }
  const workingDays: string[] = [];
  const uncoveredDays: string[] = [];
  let day = toDay(startDate);
  let iso = startDate;
  const map = OVERRIDES_OF.get(calendar);
  const covers = map ? (d: string) => coversDay(d, map) : (d: string) => calendar.covers(d);
  const isWorkday = map ? (d: string) => WORKING.has(kindOfDay(day, d, map)) : (d: string) => calendar.isWorkday(d);
  for (;;) {
    if (!covers(iso)) uncoveredDays.push(iso);
    if (isWorkday(iso)) {
      workingDays.push(iso);
      if (workingDays.length === workingDayCount) break;
    }
    day += 1;
    iso = fromDay(day);
  }
  return {
    startDate,
    endDate: iso,
    workingDays,
    uncoveredDays,
    startsAt: new Date(`${startDate}T00:00:00+08:00`),
    endsAt: endOfShanghaiDay(iso),
  };
}

/** An ISO date written the Chinese way: 2024-10-22 → 2024年10月22日. */
export function chineseIsoDate(isoDate: string): string {
  return formatChineseDate(endOfShanghaiDay(isoDate));
}

/**
 * Why a notice cannot start on `startDate` at `now`, or null: the notice period cannot begin in the past (before
 * today in Asia/Shanghai), else part of it would be over before anyone could read the notice.
 */
export function noticeStartFailure(startDate: string, now: Date): string | null {
  const today = shanghaiIsoDate(now);
  if (startDate >= today) return null;
  return `公示开始日期${chineseIsoDate(startDate)}早于今天（${chineseIsoDate(today)}），公示期不能从过去开始，请改为今天或以后的日期`;
}

/**
 * Why an end date chosen by hand is too early, or null: the notice lasts at least N working days (product.md §2),
 * so a later end is allowed and an earlier one is not.
 */
export function noticeEndFailure(period: NoticePeriod, endDate: string): string | null {
  if (endDate < period.startDate) return `公示结束日期${chineseIsoDate(endDate)}不能早于开始日期${chineseIsoDate(period.startDate)}`;
  if (endDate >= period.endDate) return null;
  return `公示期不得少于${String(period.workingDays.length)}个工作日：自${chineseIsoDate(period.startDate)}开始，结束日期不能早于${chineseIsoDate(period.endDate)}`;
}
