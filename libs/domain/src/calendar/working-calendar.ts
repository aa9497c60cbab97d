import { DomainError } from '../domain-error';
import type { IsoDate, WorkingCalendar } from './working-calendar.types';

/*
 * Day arithmetic works on UTC calendar dates: an instant belongs to the UTC day it falls in. Statutory
 * periods count whole days, and the engine only needs a stable, deterministic day boundary; shifting it to
 * the jurisdiction's local midnight would change no count by more than the few hours around midnight.
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

/** The UTC day an instant falls in. */
export function dayOf(iso: string): IsoDate {
  return formatDate(Math.floor(parseInstant(iso) / DAY_MS));
}

/** The first instant after the given day ends: when a deadline "by the end of `date`" expires. */
export function endOfDay(date: IsoDate): string {
  return toInstant((indexOf(date) + 1) * DAY_MS);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return formatDate(indexOf(date) + days);
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
    };
    compiled.set(calendar, c);
  }
  return c;
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
  assertCount(count);
  const step = count < 0 ? -1 : 1;
  const c = compile(calendar);
  let index = indexOf(date);
  for (let left = Math.abs(count); left > 0;) {
    index += step;
    if (isWorkingIndex(c, index)) left -= 1;
  }
  return formatDate(index);
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
