import { cnCalendar, gbEngCalendar, usCaCalendar } from './calendars';
import {
  addWorkingDays,
  dayOf,
  endOfDay,
  isWorkingDay,
  nextWorkingDay,
  parseInstant,
  weekdayOf,
  workingDaysBetween,
} from './working-calendar';

describe('working-calendar', () => {
  describe(isWorkingDay.name, () => {
    it.each([
      ['2026-01-04', true, 'a Sunday made a working day after New Year'],
      ['2026-02-14', true, 'a Saturday made a working day before Spring Festival'],
      ['2026-02-16', false, 'Spring Festival on a Monday'],
      ['2026-02-21', false, 'a Saturday inside Spring Festival'],
      ['2026-03-07', false, 'an ordinary Saturday'],
      ['2026-03-09', true, 'an ordinary Monday'],
      ['2026-10-10', true, 'a Saturday made a working day after National Day'],
    ])('cn %s is a working day: %s (%s)', (date, expected) => {
      expect(isWorkingDay(cnCalendar, date)).toBe(expected);
    });

    it('knows the England and Wales bank holidays of Easter 2026', () => {
      expect(isWorkingDay(gbEngCalendar, '2026-04-03')).toBe(false);
      expect(isWorkingDay(gbEngCalendar, '2026-04-06')).toBe(false);
      expect(isWorkingDay(gbEngCalendar, '2026-04-07')).toBe(true);
    });
  });

  describe(addWorkingDays.name, () => {
    it('counts make-up Saturdays and skips the whole Spring Festival block', () => {
      expect(addWorkingDays(cnCalendar, '2026-02-12', 1)).toBe('2026-02-13');
      expect(addWorkingDays(cnCalendar, '2026-02-12', 2)).toBe('2026-02-14');
      expect(addWorkingDays(cnCalendar, '2026-02-12', 3)).toBe('2026-02-24');
    });

    it('skips Easter and the Christmas substitute day in England', () => {
      expect(addWorkingDays(gbEngCalendar, '2026-04-02', 1)).toBe('2026-04-07');
      expect(addWorkingDays(gbEngCalendar, '2026-12-24', 1)).toBe('2026-12-29');
    });

    it('skips Thanksgiving and the day after in California', () => {
      expect(addWorkingDays(usCaCalendar, '2026-11-25', 1)).toBe('2026-11-30');
    });

    it('does not count the start day, returns it for 0, and goes backwards for negative counts', () => {
      expect(addWorkingDays(gbEngCalendar, '2026-03-02', 5)).toBe('2026-03-09');
      expect(addWorkingDays(gbEngCalendar, '2026-03-02', 0)).toBe('2026-03-02');
      expect(addWorkingDays(gbEngCalendar, '2026-03-09', -5)).toBe('2026-03-02');
    });

    it('refuses runaway counts', () => {
      expect(() => addWorkingDays(gbEngCalendar, '2026-03-02', 1e9)).toThrow(/day count/);
    });
  });

  describe(workingDaysBetween.name, () => {
    it('counts working days in (from, to], make-up days included', () => {
      expect(workingDaysBetween(cnCalendar, '2026-02-13', '2026-02-27')).toBe(5);
      expect(workingDaysBetween(cnCalendar, '2026-02-27', '2026-02-13')).toBe(-5);
      expect(workingDaysBetween(cnCalendar, '2026-02-27', '2026-02-27')).toBe(0);
    });

    it('is the inverse of addWorkingDays', () => {
      for (const n of [1, 7, 20, 45]) {
        const due = addWorkingDays(cnCalendar, '2026-09-15', n);
        expect(workingDaysBetween(cnCalendar, '2026-09-15', due)).toBe(n);
      }
    });
  });

  it('reads instants at UTC day granularity and ends a day at the next UTC midnight', () => {
    expect(dayOf('2026-03-02T23:30:00-05:00')).toBe('2026-03-03');
    expect(endOfDay('2026-12-31')).toBe('2027-01-01T00:00:00.000Z');
    expect(weekdayOf('2026-03-02')).toBe(1);
    expect(nextWorkingDay(cnCalendar, '2026-09-30')).toBe('2026-10-08');
  });

  it('refuses times without a zone, which would be read in the host time zone', () => {
    expect(() => parseInstant('2026-03-02T09:00:00')).toThrow(/ISO-8601/);
  });
});
