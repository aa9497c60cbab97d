import { checkKnownKeys, checkString, describe, isRecord, SchemaErrors } from '../definition/schema-reader';
import { isRuleTimeZone } from './time-zone';
import { isInstant, isIsoDate, weekdayOf } from './working-calendar';
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
    'noPeriodEndDays',
    'coverage',
    'utcOffsets',
  ]);
  checkString(errors, input.id, 'id', /^[a-z0-9][a-z0-9-]*$/);
  checkString(errors, input.name, 'name');
  checkZone(errors, input);
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
  const noEnd = input.noPeriodEndDays === undefined ? [] : checkDays(errors, input.noPeriodEndDays, 'noPeriodEndDays');
  noEnd.forEach(({ date, index }) => {
    // A closed day never ends a period already: listing it again would hide a mistake in one of the lists.
    if (holidays.some((h) => h.date === date)) errors.add(`noPeriodEndDays[${index}]`, `${date} is already a holiday`);
  });
  if (input.coverage !== undefined) {
    const c = input.coverage;
    if (!isRecord(c) || !isIsoDate(c.from) || !isIsoDate(c.to) || c.from > c.to) {
      errors.add('coverage', `must be { from, to } dates in order (${describe(c)})`);
    } else {
      const outside = [...holidays, ...makeUp, ...noEnd].filter(
        ({ date }) => date < String(c.from) || date > String(c.to),
      );
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

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
const DAY_MS = 86_400_000;

/**
 * A zone is an IANA name with its offsets as data (generated at publish); a calendar from before offsets were
 * kept may name a zone of the rule table without them. The offsets must reach back to the coverage's start.
 */
function checkZone(errors: SchemaErrors, input: Record<string, unknown>): void {
  const { timeZone, utcOffsets } = input;
  if (timeZone === undefined) {
    if (utcOffsets !== undefined) errors.add('utcOffsets', 'needs the timeZone they belong to');
    return;
  }
  if (typeof timeZone !== 'string' || !ZONE_NAME.test(timeZone)) {
    return errors.add('timeZone', `must be an IANA time-zone name such as Europe/Berlin (${describe(timeZone)})`);
  }
  if (utcOffsets === undefined) {
    if (!isRuleTimeZone(timeZone)) {
      errors.add('utcOffsets', `are missing for '${timeZone}': they are generated when the calendar is published`);
    }
    return;
  }
  if (!isRecord(utcOffsets))
    return errors.add('utcOffsets', `must be { source, transitions } (${describe(utcOffsets)})`);
  checkKnownKeys(errors, utcOffsets, 'utcOffsets', ['source', 'transitions']);
  checkString(errors, utcOffsets.source, 'utcOffsets.source');
  const list = utcOffsets.transitions;
  if (!Array.isArray(list) || list.length === 0) {
    return errors.add('utcOffsets.transitions', `must be a non-empty list of { from, offset } (${describe(list)})`);
  }
  let previous = -Infinity;
  list.forEach((t, i) => {
    const p = `utcOffsets.transitions[${i}]`;
    if (!isRecord(t)) return errors.add(p, 'must be { from, offset }');
    checkKnownKeys(errors, t, p, ['from', 'offset']);
    if (!isInstant(t.from)) return errors.add(`${p}.from`, `must be an ISO-8601 instant (${describe(t.from)})`);
    const at = Date.parse(t.from);
    if (at <= previous) errors.add(`${p}.from`, 'must come after the transition before it');
    previous = at;
    const offset = t.offset;
    if (typeof offset !== 'number' || !Number.isInteger(offset) || Math.abs(offset) > 18 * 60) {
      errors.add(`${p}.offset`, `must be whole minutes east of UTC, at most 18 hours (${describe(offset)})`);
    }
  });
  const first = list[0] as Record<string, unknown> | undefined;
  const c = input.coverage;
  if (isRecord(c) && isIsoDate(c.from) && isInstant(first?.from)) {
    // The coverage's first local day may begin up to 14 hours before its UTC midnight.
    if (Date.parse(first.from) > Date.parse(`${String(c.from)}T00:00:00Z`) - DAY_MS) {
      errors.add('utcOffsets.transitions[0].from', `must reach back before the coverage's first day ${c.from}`);
    }
  }
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
