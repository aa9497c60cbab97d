import { DomainError } from '../domain-error';
import { formatInZone, localPartsOf, localToInstant, type ZoneSource } from './time-zone';
import type { IsoDate, WorkingCalendar } from './working-calendar.types';

/*
 * Day arithmetic works on the jurisdiction's local calendar dates: an instant belongs to the local day it
 * falls in (in the calendar's time zone), and a period "ends with" a day at that day's local midnight. Day
 * numbers (days since 1970-01-01) name local dates; the zone only matters where an instant meets a date.
 */

const DAY_MS = 86_400_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds since the epoch of an ISO-8601 instant; an explicit zone (Z or ±hh:mm) is required. */
export function parseInstant(iso: string): number {
  const ms = INSTANT.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) {
    throw new DomainError('INVALID_EVENT', `'${iso}' is not an ISO-8601 UTC time (e.g. 2026-03-02T09:00:00Z)`);
  }
  return ms;
}

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && DATE.test(value) && formatDate(indexOf(value)) === value;
}

export function toInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** The zone a calendar's days are local to; UTC for snapshots from before calendars carried one. */
export function zoneOf(calendar?: Pick<WorkingCalendar, 'timeZone'>): string {
  return calendar?.timeZone ?? 'UTC';
}

type Zoned = Pick<WorkingCalendar, 'timeZone' | 'utcOffsets'>;

/** Where the zone's offsets come from: the calendar's own data, else the rule table (older snapshots). */
function sourceOf(calendar?: Zoned): ZoneSource {
  const id = zoneOf(calendar);
  return calendar?.utcOffsets ? { id, utcOffsets: calendar.utcOffsets } : id;
}

/** The day an instant falls in: the calendar's local day, or the UTC day without a calendar. */
export function dayOf(iso: string, calendar?: Zoned): IsoDate {
  return formatDate(localPartsOf(sourceOf(calendar), parseInstant(iso)).dayIndex);
}

/** Minutes after local midnight of an instant, in the calendar's zone (e.g. 16:30 is 990). */
export function localMinutesOf(iso: string, calendar?: Zoned): number {
  return localPartsOf(sourceOf(calendar), parseInstant(iso)).minutes;
}

/**
 * When a deadline "by the end of `date`" expires: the next local midnight, or `closeOfBusiness` (minutes after
 * local midnight, e.g. 17:00 is 1020) on that day when the definition sets one.
 */
export function endOfDay(date: IsoDate, calendar?: Zoned, closeOfBusiness?: number): string {
  const zone = sourceOf(calendar);
  const index = indexOf(date);
  return toInstant(
    closeOfBusiness === undefined ? localToInstant(zone, index + 1, 0) : localToInstant(zone, index, closeOfBusiness),
  );
}

/** An instant shown with its zone's offset, e.g. `2027-01-05T00:00:00+08:00`. */
export function showInstant(iso: string, calendar?: Zoned): string {
  return formatInZone(sourceOf(calendar), parseInstant(iso));
}

/** Whether the calendar's holidays are known for `date` (a calendar without coverage claims every day). */
export function isCovered(calendar: WorkingCalendar, date: IsoDate): boolean {
  return compile(calendar).covered(indexOf(date));
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return formatDate(indexOf(date) + days);
}

/**
 * The last day of a period of `months` months from `date`, by the corresponding-day rule (BGB §188(2)-(3);
 * in England the corresponding-date rule of Dodds v Walker [1980]): counted `after` the event, it ends on the
 * day of the last month with the event's day number, or on that month's last day when it has no such day (a
 * month from 31 January ends on 28 or 29 February); counted `beginning-with` the event's day, it ends the day
 * before that corresponding day (or, again, on the last day of a month without it).
 */
export function addMonths(date: IsoDate, months: number, from: 'after' | 'beginning-with' = 'after'): IsoDate {
  assertCount(months);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = y * 12 + (m - 1) + months;
  const year = Math.floor(target / 12);
  const month = target - year * 12;
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  if (d > length) return formatDate(Date.UTC(year, month, length) / DAY_MS);
  const corresponding = Date.UTC(year, month, d) / DAY_MS;
  return formatDate(from === 'beginning-with' ? corresponding - 1 : corresponding);
}

/** Calendar days in (from, to]; negative when `to` is before `from`. */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return indexOf(to) - indexOf(from);
}

export function weekdayOf(date: IsoDate): number {
  return weekdayOfIndex(indexOf(date));
}

function weekdayOfIndex(index: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((index + 4) % 7) + 7) % 7;
}

/** A calendar with its days as day numbers (days since 1970-01-01), so counting loops never format dates. */
interface CompiledCalendar {
  weekend: Set<number>;
  holidays: Set<number>;
  makeUp: Set<number>;
  noPeriodEnd: Set<number>;
  covered: (index: number) => boolean;
}

// Calendars are immutable snapshots, so compiling each once is safe and keeps loops cheap.
const compiled = new WeakMap<WorkingCalendar, CompiledCalendar>();

function compile(calendar: WorkingCalendar): CompiledCalendar {
  let c = compiled.get(calendar);
  if (!c) {
    c = {
      weekend: new Set(calendar.weekendDays),
      holidays: new Set(calendar.holidays.map((h) => indexOf(h.date))),
      makeUp: new Set(calendar.makeUpWorkingDays.map((d) => indexOf(d.date))),
      noPeriodEnd: new Set((calendar.noPeriodEndDays ?? []).map((d) => indexOf(d.date))),
      covered: coverageTest(calendar),
    };
    compiled.set(calendar, c);
  }
  return c;
}

function coverageTest(calendar: WorkingCalendar): (index: number) => boolean {
  const c = calendar.coverage;
  // Snapshots from before calendars carried a zone held coverage as information only; they count as then.
  if (!c || calendar.timeZone === undefined) return () => true;
  const from = indexOf(c.from);
  const to = indexOf(c.to);
  return (index) => index >= from && index <= to;
}

export function isWorkingDay(calendar: WorkingCalendar, date: IsoDate): boolean {
  return isWorkingIndex(compile(calendar), indexOf(date));
}

function isWorkingIndex(c: CompiledCalendar, index: number): boolean {
  if (c.makeUp.has(index)) return true;
  if (c.holidays.has(index)) return false;
  return !c.weekend.has(weekdayOfIndex(index));
}

/**
 * The day `count` working days after `date` (the start day itself is not counted, as statutes count
 * "within N working days of receipt"). A negative count goes backwards; 0 returns `date`.
 */
export function addWorkingDays(calendar: WorkingCalendar, date: IsoDate, count: number): IsoDate {
  return countWorkingDays(calendar, date, count).date;
}

/**
 * addWorkingDays that also tells whether the count relied on a day outside the calendar's coverage, where
 * only weekends are known: then the date is provisional until a calendar covering it is published.
 */
export function countWorkingDays(
  calendar: WorkingCalendar,
  date: IsoDate,
  count: number,
): { date: IsoDate; provisional: boolean } {
  assertCount(count);
  const step = count < 0 ? -1 : 1;
  const c = compile(calendar);
  let index = indexOf(date);
  let provisional = false;
  for (let left = Math.abs(count); left > 0;) {
    index += step;
    if (!c.covered(index)) provisional = true;
    if (isWorkingIndex(c, index)) left -= 1;
  }
  return { date: formatDate(index), provisional };
}

/**
 * The first day on or after `date` on which a period may end: a working day not listed among the calendar's
 * no-period-end days (a last day on a weekend, a holiday or such a day rolls forward to it).
 */
export function rollForward(calendar: WorkingCalendar, date: IsoDate): { date: IsoDate; provisional: boolean } {
  const c = compile(calendar);
  const mayEnd = (i: number) => isWorkingIndex(c, i) && !c.noPeriodEnd.has(i);
  let index = indexOf(date);
  let provisional = !c.covered(index);
  for (let guard = 0; !mayEnd(index) && guard < 366; guard++) {
    index += 1;
    if (!c.covered(index)) provisional = true;
  }
  return { date: formatDate(index), provisional };
}

/** Working days in (from, to]; negative (counting (to, from]) when `to` is before `from`. */
export function workingDaysBetween(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  const a = indexOf(from);
  const b = indexOf(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  const c = compile(calendar);
  let n = 0;
  for (let i = lo + 1; i <= hi; i++) if (isWorkingIndex(c, i)) n++;
  return sign * n;
}

export function nextWorkingDay(calendar: WorkingCalendar, date: IsoDate): IsoDate {
  return addWorkingDays(calendar, date, 1);
}

function assertCount(count: number): void {
  // A guard against runaway loops from bad data: no statutory period runs for a century.
  if (!Number.isInteger(count) || Math.abs(count) > 36_500) {
    throw new DomainError('INVALID_EVENT', `day count must be an integer up to 36500, got ${count}`);
  }
}

function indexOf(date: IsoDate): number {
  const ms = DATE.test(date) ? Date.parse(`${date}T00:00:00.000Z`) : NaN;
  if (Number.isNaN(ms)) throw new DomainError('INVALID_EVENT', `'${date}' is not a calendar date (YYYY-MM-DD)`);
  return Math.floor(ms / DAY_MS);
}

function formatDate(index: number): IsoDate {
  return new Date(index * DAY_MS).toISOString().slice(0, 10);
}
