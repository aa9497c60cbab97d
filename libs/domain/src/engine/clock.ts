import {
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  dayOf,
  endOfDay,
  parseInstant,
  toInstant,
  workingDaysBetween,
} from '../calendar/working-calendar';
import type { WorkingCalendar } from '../calendar/working-calendar.types';
import type { Duration, DurationUnit } from '../definition/process-definition.types';
import type { Clock } from './clock.types';

type DayUnit = 'workingDays' | 'calendarDays';

const UNIT_MS: Record<Exclude<DurationUnit, DayUnit>, number> = { hours: 3_600_000, minutes: 60_000, seconds: 1_000 };

export function isDayUnit(unit: DurationUnit): unit is DayUnit {
  return unit === 'workingDays' || unit === 'calendarDays';
}

function addDays(calendar: WorkingCalendar, unit: DayUnit, date: string, count: number): string {
  return unit === 'workingDays' ? addWorkingDays(calendar, date, count) : addCalendarDays(date, count);
}

function daysBetween(calendar: WorkingCalendar, unit: DayUnit, from: string, to: string): number {
  return unit === 'workingDays' ? workingDaysBetween(calendar, from, to) : calendarDaysBetween(from, to);
}

export interface Due {
  dueAt: string;
  dueDate?: string;
}

/**
 * When a period that starts at `from` runs out. Day periods end with the last day (the start day is not
 * counted); hour/minute/second periods are exact.
 */
export function dueFrom(calendar: WorkingCalendar, from: string, duration: Duration): Due {
  return dueAfter(calendar, from, duration.unit, duration.value);
}

function dueAfter(calendar: WorkingCalendar, from: string, unit: DurationUnit, amount: number): Due {
  if (isDayUnit(unit)) {
    const dueDate = addDays(calendar, unit, dayOf(from), amount);
    return { dueAt: endOfDay(dueDate), dueDate };
  }
  return { dueAt: toInstant(parseInstant(from) + amount * UNIT_MS[unit]) };
}

export function startClock(calendar: WorkingCalendar, at: string, duration: Duration): Clock {
  return { duration, startedAt: at, ...dueFrom(calendar, at, duration), pausedBy: [], pauses: [], extensions: [] };
}

export function isPaused(clock: Clock): boolean {
  return clock.pausedBy.length > 0;
}

/** What is left at `at`, in the clock's unit (days) or milliseconds; negative when overdue. */
function remainingAt(calendar: WorkingCalendar, clock: Clock, at: string): number {
  const unit = clock.duration.unit;
  if (isDayUnit(unit)) return daysBetween(calendar, unit, dayOf(at), clock.dueDate ?? dayOf(clock.dueAt));
  return parseInstant(clock.dueAt) - parseInstant(at);
}

/** Stops the clock for `reason`; returns true when this stopped a running clock. */
export function pauseClock(calendar: WorkingCalendar, clock: Clock, reason: string, at: string): boolean {
  if (clock.pausedBy.includes(reason)) return false;
  clock.pausedBy.push(reason);
  clock.pauses.push({ reason, from: at });
  if (clock.pausedBy.length > 1) return false;
  clock.pausedAt = at;
  clock.remaining = remainingAt(calendar, clock, at);
  return true;
}

/** Removes `reason`; when nothing holds the clock any more it runs again with its remaining time. */
export function resumeClock(calendar: WorkingCalendar, clock: Clock, reason: string, at: string): boolean {
  if (!clock.pausedBy.includes(reason)) return false;
  clock.pausedBy = clock.pausedBy.filter((r) => r !== reason);
  const pause = clock.pauses.find((p) => p.reason === reason && p.to === undefined);
  if (pause) pause.to = at;
  if (clock.pausedBy.length > 0) return false;
  const unit = clock.duration.unit;
  const remaining = clock.remaining ?? 0;
  const due = isDayUnit(unit)
    ? { dueDate: addDays(calendar, unit, dayOf(at), remaining) }
    : { dueAt: toInstant(parseInstant(at) + remaining) };
  Object.assign(clock, due.dueDate ? { dueAt: endOfDay(due.dueDate), dueDate: due.dueDate } : due);
  delete clock.pausedAt;
  delete clock.remaining;
  return true;
}

/** A fresh full period from `at` (e.g. a resubmittal restarts the completeness clock). */
export function restartClock(calendar: WorkingCalendar, clock: Clock, at: string): void {
  for (const pause of clock.pauses) if (pause.to === undefined) pause.to = at;
  clock.pausedBy = [];
  delete clock.pausedAt;
  delete clock.remaining;
  clock.startedAt = at;
  clock.extensions = [];
  Object.assign(clock, dueFrom(calendar, at, clock.duration));
}

/** Adds an agreed extension; its unit must be the clock's. */
export function extendClock(calendar: WorkingCalendar, clock: Clock, by: Duration): void {
  clock.extensions.push(by);
  if (isPaused(clock)) {
    clock.remaining = (clock.remaining ?? 0) + (isDayUnit(by.unit) ? by.value : by.value * UNIT_MS[by.unit]);
    return;
  }
  const unit = by.unit;
  if (isDayUnit(unit)) {
    const dueDate = addDays(calendar, unit, clock.dueDate ?? dayOf(clock.dueAt), by.value);
    Object.assign(clock, { dueDate, dueAt: endOfDay(dueDate) });
  } else {
    clock.dueAt = toInstant(parseInstant(clock.dueAt) + by.value * UNIT_MS[unit]);
  }
}

export interface ClockStatus {
  paused: boolean;
  dueAt: string;
  dueDate?: string;
  /** Days (working or calendar, per the clock's unit) or milliseconds left; negative when overdue. */
  remaining: number;
  remainingUnit: 'workingDays' | 'calendarDays' | 'milliseconds';
  overdue: boolean;
}

/** The clock as an applicant's status page shows it at `at`. */
export function clockStatus(calendar: WorkingCalendar, clock: Clock, at: string): ClockStatus {
  const unit = clock.duration.unit;
  const paused = isPaused(clock);
  const remaining = paused ? (clock.remaining ?? 0) : remainingAt(calendar, clock, at);
  const due = paused ? projectedDue(calendar, clock, at) : { dueAt: clock.dueAt, dueDate: clock.dueDate };
  return {
    paused,
    ...due,
    remaining,
    remainingUnit: isDayUnit(unit) ? unit : 'milliseconds',
    overdue: !paused && parseInstant(at) >= parseInstant(clock.dueAt),
  };
}

/** Where the due time would land if the clock resumed at `at`. */
function projectedDue(calendar: WorkingCalendar, clock: Clock, at: string): Due {
  const unit = clock.duration.unit;
  const remaining = clock.remaining ?? 0;
  if (isDayUnit(unit)) return dueAfter(calendar, at, unit, remaining);
  return { dueAt: toInstant(parseInstant(at) + remaining) };
}
