import { describe, expect, it } from 'vitest';
import { isWorkday as packageIsWorkday } from 'chinese-days';
import { CALENDAR_DATA_YEARS, DEFAULT_CALENDAR, createWorkingDayCalendar, noticeEndFailure, noticePeriod, noticeStartFailure } from './working-days.ts';

describe('working-day calendar', () => {
  it.each([
    ['2024-09-27', true, 'weekday'],
    ['2024-09-28', false, 'weekend'],
    ['2024-09-29', true, 'makeup_workday'],
    ['2024-10-01', false, 'holiday'],
    ['2024-10-07', false, 'holiday'],
    ['2024-10-12', true, 'makeup_workday'],
    ['2024-10-13', false, 'weekend'],
    ['2025-01-26', true, 'makeup_workday'],
    ['2025-01-28', false, 'holiday'],
    ['2025-10-08', false, 'holiday'],
    ['2025-10-11', true, 'makeup_workday'],
  ] as const)('%s → working %s (%s)', (date, working, kind) => {
    expect(DEFAULT_CALENDAR.isWorkday(date)).toBe(working);
    expect(DEFAULT_CALENDAR.kind(date)).toBe(kind);
  });

  it('covers the package data years (2004 to at least 2026)', () => {
    expect(CALENDAR_DATA_YEARS.first).toBe(2004);
    expect(CALENDAR_DATA_YEARS.last).toBeGreaterThanOrEqual(2026);
    expect(DEFAULT_CALENDAR.covers('2026-12-31')).toBe(true);
    expect(DEFAULT_CALENDAR.covers(`${CALENDAR_DATA_YEARS.last + 1}-01-04`)).toBe(false);
  });

  it('agrees with chinese-days’ own isWorkday for every day of the data (TZ=Asia/Shanghai)', () => {
    expect(new Date('2024-01-01T00:00:00Z').getTimezoneOffset()).toBe(-480); // vitest.config sets TZ=Asia/Shanghai
    const mismatches: string[] = [];
    for (let t = Date.UTC(CALENDAR_DATA_YEARS.first, 0, 1); t <= Date.UTC(CALENDAR_DATA_YEARS.last, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (DEFAULT_CALENDAR.isWorkday(iso) !== packageIsWorkday(iso)) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  it('applies the center’s corrections', () => {
    const cal = createWorkingDayCalendar({ '2024-10-08': 'holiday', '2024-10-13': 'workday' });
    expect(cal.isWorkday('2024-10-08')).toBe(false);
    expect(cal.kind('2024-10-13')).toBe('override_workday');
    expect(cal.covers('2030-01-01')).toBe(false);
    expect(createWorkingDayCalendar({ '2030-01-01': 'holiday' }).covers('2030-01-01')).toBe(true);
  });

  it.each(['2024-02-30', '2024/10/01', '24-10-01', ''])('refuses the invalid date %j in Chinese', (bad) => {
    expect(() => DEFAULT_CALENDAR.isWorkday(bad)).toThrow('格式不正确');
    expect(() => createWorkingDayCalendar({ [bad]: 'holiday' })).toThrow('格式不正确');
  });
});

describe('noticePeriod: N working days, the start counting as day 1 when it is a working day', () => {
  it.each([
    // 国庆 2024: 10-01..07 off, 09-29 (Sun) and 10-12 (Sat) working.
    ['2024-09-27', 5, '2024-10-09', ['2024-09-27', '2024-09-29', '2024-09-30', '2024-10-08', '2024-10-09']],
    ['2024-09-28', 5, '2024-10-10', ['2024-09-29', '2024-09-30', '2024-10-08', '2024-10-09', '2024-10-10']],
    ['2024-09-30', 5, '2024-10-11', ['2024-09-30', '2024-10-08', '2024-10-09', '2024-10-10', '2024-10-11']],
    ['2024-10-01', 5, '2024-10-12', ['2024-10-08', '2024-10-09', '2024-10-10', '2024-10-11', '2024-10-12']],
    ['2024-10-09', 5, '2024-10-14', ['2024-10-09', '2024-10-10', '2024-10-11', '2024-10-12', '2024-10-14']],
    // 春节 2025: 01-28..02-04 off, 01-26 (Sun) and 02-08 (Sat) working.
    ['2025-01-24', 5, '2025-02-06', ['2025-01-24', '2025-01-26', '2025-01-27', '2025-02-05', '2025-02-06']],
    // 国庆/中秋 2025: 10-01..08 off, 09-28 (Sun) and 10-11 (Sat) working.
    ['2025-09-26', 5, '2025-10-09', ['2025-09-26', '2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09']],
    ['2024-10-21', 1, '2024-10-21', ['2024-10-21']],
    ['2024-10-19', 1, '2024-10-21', ['2024-10-21']],
  ] as [string, number, string, string[]][])('start %s, %i working days → ends %s', (start, n, end, days) => {
    const p = noticePeriod(start, n);
    expect(p.workingDays).toEqual(days);
    expect(p.endDate).toBe(end);
    expect(p.uncoveredDays).toEqual([]);
  });

  it('defaults to five working days and gives the Shanghai instants', () => {
    const p = noticePeriod('2024-09-27');
    expect(p.workingDays).toHaveLength(5);
    expect(p.startsAt.toISOString()).toBe('2024-09-26T16:00:00.000Z');
    expect(p.endsAt.toISOString()).toBe('2024-10-09T15:59:59.999Z');
  });

  it('uses the corrections, and reports days beyond the data', () => {
    const cal = createWorkingDayCalendar({ '2024-10-08': 'holiday' });
    expect(noticePeriod('2024-09-27', 5, cal).endDate).toBe('2024-10-10');
    const beyond = `${CALENDAR_DATA_YEARS.last + 1}-03-02`;
    expect(noticePeriod(beyond, 5).uncoveredDays.length).toBeGreaterThanOrEqual(5);
  });

  it('accepts any calendar implementation', () => {
    const everyDay = { isWorkday: () => true, kind: () => 'weekday' as const, covers: () => true };
    expect(noticePeriod('2024-10-01', 5, everyDay).endDate).toBe('2024-10-05');
  });

  it('handles dates before 1970 and leap days', () => {
    expect(DEFAULT_CALENDAR.kind('1969-12-31')).toBe('weekday');
    expect(DEFAULT_CALENDAR.kind('1969-12-28')).toBe('weekend');
    expect(noticePeriod('2024-02-28', 3).workingDays).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it.each([0, -1, 1.5, 367])('refuses %s working days', (n) => {
    expect(() => noticePeriod('2024-10-09', n)).toThrow('公示期须为1至366个工作日');
  });
});

describe('the statutory period: no start in the past, no end before the N-th working day', () => {
  it.each([
    ['2024-10-08', '2024-10-08T00:00:00+08:00', null],
    ['2024-10-08', '2024-10-08T23:59:59+08:00', null],
    ['2024-10-08', '2024-10-07T16:30:00Z', null],
    ['2024-10-08', '2024-10-08T16:00:00Z', '早于今天（2024年10月9日）'],
    ['2024-10-07', '2024-10-08T00:00:00+08:00', '公示开始日期2024年10月7日早于今天（2024年10月8日）'],
  ] as const)('start %s at %s → %s', (start, now, reason) => {
    const failure = noticeStartFailure(start, new Date(now));
    if (reason === null) expect(failure).toBeNull();
    else expect(failure).toContain(reason);
  });

  it.each([
    ['2024-10-12', null],
    ['2024-10-20', null],
    ['2024-10-11', '公示期不得少于5个工作日：自2024年10月8日开始，结束日期不能早于2024年10月12日'],
    ['2024-10-07', '公示结束日期2024年10月7日不能早于开始日期2024年10月8日'],
  ] as const)('end %s → %s', (end, reason) => {
    expect(noticeEndFailure(noticePeriod('2024-10-08'), end)).toBe(reason);
  });
});
