import { checkKnownKeys, checkString, describe, isRecord, SchemaErrors } from '../definition/schema-reader';
import { isSupportedTimeZone, SUPPORTED_TIME_ZONES } from './time-zone';
import { isIsoDate, weekdayOf } from './working-calendar';
import type { WorkingCalendar } from './working-calendar.types';

export type CalendarValidationResult =
  { ok: true; definition: WorkingCalendar; calendar: WorkingCalendar } | { ok: false; errors: string[] };

export function validateCalendar(input: unknown): CalendarValidationResult {
  const errors = new SchemaErrors();
  if (!isRecord(input)) return { ok: false, errors: [`calendar: must be an object (${describe(input)})`] };
  checkKnownKeys(errors, input, 'calendar', [
    'id',
    'name',
    'timeZone',
    'weekendDays',
    'holidays',
    'makeUpWorkingDays',
    'coverage',
  ]);
  checkString(errors, input.id, 'id', /^[a-z0-9][a-z0-9-]*$/);
  checkString(errors, input.name, 'name');
  if (input.timeZone !== undefined && !isSupportedTimeZone(input.timeZone)) {
    errors.add('timeZone', `must be one of ${SUPPORTED_TIME_ZONES.join(', ')} (${describe(input.timeZone)})`);
  }
  const weekend = input.weekendDays;
  if (!Array.isArray(weekend) || !weekend.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) {
    errors.add('weekendDays', `must list weekdays 0 (Sunday) to 6 (Saturday) (${describe(weekend)})`);
  } else if (new Set(weekend).size !== weekend.length) errors.add('weekendDays', 'lists a day twice');
  else if (weekend.length === 7) errors.add('weekendDays', 'leaves no working day in the week');
  const holidays = checkDays(errors, input.holidays, 'holidays');
  const makeUp = checkDays(errors, input.makeUpWorkingDays, 'makeUpWorkingDays');
  makeUp.forEach(({ date, index }) => {
    if (holidays.some((h) => h.date === date)) errors.add(`makeUpWorkingDays[${index}]`, `${date} is also a holiday`);
    if (Array.isArray(weekend) && !weekend.includes(weekdayOf(date))) {
      errors.add(`makeUpWorkingDays[${index}]`, `${date} is already a working day (not a weekend day)`);
    }
  });
  if (input.coverage !== undefined) {
    const c = input.coverage;
    if (!isRecord(c) || !isIsoDate(c.from) || !isIsoDate(c.to) || c.from > c.to) {
      errors.add('coverage', `must be { from, to } dates in order (${describe(c)})`);
    } else {
      const outside = [...holidays, ...makeUp].filter(({ date }) => date < String(c.from) || date > String(c.to));
      for (const { date } of outside) errors.add('coverage', `${date} lies outside the coverage it claims`);
    }
  } else if (input.timeZone !== undefined) {
    // A zoned calendar is a current one: it says which years its holidays are known for.
    errors.add('coverage', 'must say which days the holidays are known for ({ from, to })');
  }
  if (errors.list.length > 0) return { ok: false, errors: errors.list };
  const calendar = JSON.parse(JSON.stringify(input)) as WorkingCalendar;
  return { ok: true, definition: calendar, calendar };
}

function checkDays(errors: SchemaErrors, value: unknown, path: string): { date: string; index: number }[] {
  if (!Array.isArray(value)) {
    errors.add(path, `must be a list of { date, name } (${describe(value)})`);
    return [];
  }
  const seen = new Set<string>();
  const days: { date: string; index: number }[] = [];
  value.forEach((day, index) => {
    const p = `${path}[${index}]`;
    if (!isRecord(day)) return errors.add(p, 'must be { date, name }');
    checkKnownKeys(errors, day, p, ['date', 'name']);
    checkString(errors, day.name, `${p}.name`);
    if (!isIsoDate(day.date)) return errors.add(`${p}.date`, `must be a YYYY-MM-DD date (${describe(day.date)})`);
    if (seen.has(day.date)) errors.add(`${p}.date`, `${day.date} is listed twice`);
    seen.add(day.date);
    days.push({ date: day.date, index });
  });
  return days;
}
