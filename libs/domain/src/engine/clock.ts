import {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  countWorkingDays,
  dayOf,
  endOfDay,
  isWorkingDay,
  localMinutesOf,
  parseInstant,
  rollForward,
  toInstant,
  workingDaysBetween,
} from '../calendar/working-calendar';
import type { WorkingCalendar } from '../calendar/working-calendar.types';
import { minutesOfTime } from '../definition/duration-schema';
import type { Duration, DurationUnit } from '../definition/process-definition.types';
import type { Clock } from './clock.types';

/** Units counted on the calendar's local dates; the others are exact spans of time. */
type DateUnit = 'workingDays' | 'calendarDays' | 'months' | 'years';

const UNIT_MS: Record<Exclude<DurationUnit, DateUnit>, number> = { hours: 3_600_000, minutes: 60_000, seconds: 1_000 };

export function isDateUnit(unit: DurationUnit): unit is DateUnit {
  return unit === 'workingDays' || unit === 'calendarDays' || unit === 'months' || unit === 'years';
}

/** What a stopped clock's remainder counts in: working days, or calendar days (a month has no fixed length). */
function remainderUnit(unit: DateUnit): 'workingDays' | 'calendarDays' {
  return unit === 'workingDays' ? 'workingDays' : 'calendarDays';
}

function daysBetween(calendar: WorkingCalendar, unit: DateUnit, from: string, to: string): number {
  return unit === 'workingDays' ? workingDaysBetween(calendar, from, to) : calendarDaysBetween(from, to);
}

/** The day `count` units of `unit` after `from` (months and years by the corresponding-day rule). */
function countOn(
  calendar: WorkingCalendar,
  unit: DateUnit,
  from: string,
  count: number,
  counting: Duration['counting'],
): { date: string; provisional: boolean } {
  switch (unit) {
    case 'workingDays':
      return countWorkingDays(calendar, from, count);
    case 'calendarDays':
      return { date: addCalendarDays(from, count), provisional: false };
    case 'months':
    case 'years':
      return { date: addMonths(from, unit === 'years' ? count * 12 : count, counting?.from), provisional: false };
  }
}

export interface Due {
  dueAt: string;
  dueDate?: string;
  /** Counted over days the calendar does not cover yet: shown as provisional until a calendar covers them. */
  provisional?: boolean;
}

type Basis = NonNullable<Clock['basis']>;

interface DayDue extends Due {
  dueDate: string;
  basis: Basis;
}

/**
 * The local day a period counts from, after the definition's start convention: an event on a non-working
 * day or at/after the cut-off counts as on the next working day; "beginning with" makes the event's day day 1,
 * i.e. the count runs from the day before it.
 */
function countingBase(
  calendar: WorkingCalendar,
  at: string,
  duration: Duration,
): { from: string; provisional: boolean } {
  const c = duration.counting ?? {};
  let day = dayOf(at, calendar);
  let provisional = false;
  if (c.start === 'next-working-day') {
    const late = c.cutOff !== undefined && localMinutesOf(at, calendar) >= minutesOfTime(c.cutOff);
    if (late || !isWorkingDay(calendar, day)) {
      const next = countWorkingDays(calendar, day, 1);
      day = next.date;
      provisional = next.provisional;
    }
  }
  // Months and years apply "beginning with" in their corresponding-day rule (see addMonths).
  const dayCount = duration.unit === 'workingDays' || duration.unit === 'calendarDays';
  return { from: dayCount && c.from === 'beginning-with' ? addCalendarDays(day, -1) : day, provisional };
}

/** The due day `days` units (the basis's, else `duration`'s) after `from`, with the roll-forward and end time. */
function dueOnBasis(calendar: WorkingCalendar, basis: Basis, duration: Duration): DayDue {
  const c = duration.counting ?? {};
  let counted = countOn(calendar, basisUnit(basis, duration), basis.from, basis.days, c);
  if (duration.unit !== 'workingDays' && c.rollForward) counted = rollForward(calendar, counted.date);
  const endsAt = c.endsAt === undefined ? undefined : minutesOfTime(c.endsAt);
  return {
    dueDate: counted.date,
    dueAt: endOfDay(counted.date, calendar, endsAt),
    basis: { ...basis },
    ...(counted.provisional ? { provisional: true } : {}),
  };
}

/**
 * When a period triggered at `from` runs out. Day periods count local days of the calendar per the
 * period's counting conventions and end with the last day; hour/minute/second periods are exact.
 */
export function dueFrom(calendar: WorkingCalendar, from: string, duration: Duration): Due {
  if (!isDateUnit(duration.unit))
    return { dueAt: toInstant(parseInstant(from) + duration.value * UNIT_MS[duration.unit]) };
  const { basis, ...due } = dayDueFrom(calendar, from, duration);
  void basis;
  return due;
}

function dayDueFrom(calendar: WorkingCalendar, at: string, duration: Duration): DayDue {
  const base = countingBase(calendar, at, duration);
  const due = dueOnBasis(calendar, { from: base.from, days: duration.value }, duration);
  return base.provisional ? { ...due, provisional: true } : due;
}

/**
 * Sets a running clock's due fields from a day due (clearing a stale provisional flag). The basis is kept for
 * zoned calendars only: a case started on a snapshot from before them keeps the state it always had.
 */
function setDue(calendar: WorkingCalendar, clock: Clock, due: DayDue): void {
  clock.dueDate = due.dueDate;
  clock.dueAt = due.dueAt;
  if (calendar.timeZone !== undefined) clock.basis = due.basis;
  if (due.provisional) clock.provisional = true;
  else delete clock.provisional;
}

export function startClock(calendar: WorkingCalendar, at: string, duration: Duration): Clock {
  const clock: Clock = { duration, startedAt: at, dueAt: at, pausedBy: [], pauses: [], extensions: [] };
  if (isDateUnit(duration.unit)) setDue(calendar, clock, dayDueFrom(calendar, at, duration));
  else clock.dueAt = dueFrom(calendar, at, duration).dueAt;
  return clock;
}

export function isPaused(clock: Clock): boolean {
  return clock.pausedBy.length > 0;
}

/**
 * What is left at `at`, in the clock's unit (days) or milliseconds; negative when overdue. Counted to the due
 * date, or with `exact` to the last day counted before any roll-forward: a stopped clock keeps that remainder
 * and rolls forward once, when it ends, so a pause never gains the days a weekend or holiday added. A clock
 * stopped past that day, in the days its end rolled over, keeps what is left to the rolled day: the roll-forward
 * is already spent, and counting to the earlier day would bring it back overdue.
 */
function remainingAt(calendar: WorkingCalendar, clock: Clock, at: string, exact = false): number {
  const unit = clock.duration.unit;
  if (isDateUnit(unit)) {
    const day = dayOf(at, calendar);
    const due = clock.dueDate ?? dayOf(clock.dueAt, calendar);
    const counted = exact ? lastCountedDay(calendar, clock) : due;
    return daysBetween(calendar, remainderUnit(unit), day, day > counted ? due : counted);
  }
  return parseInstant(clock.dueAt) - parseInstant(at);
}

/** The period's last day before rolling forward; clocks from before the basis was kept only know the due date. */
function lastCountedDay(calendar: WorkingCalendar, clock: Clock): string {
  const basis = clock.basis;
  if (!basis || clock.duration.unit === 'workingDays') return clock.dueDate ?? dayOf(clock.dueAt, calendar);
  return countOn(calendar, basisUnit(basis, clock.duration), basis.from, basis.days, clock.duration.counting).date;
}

function basisUnit(basis: Basis, duration: Duration): DateUnit {
  return basis.unit ?? (duration.unit as DateUnit);
}

/** Stops the clock for `reason`; returns true when this stopped a running clock. */
export function pauseClock(calendar: WorkingCalendar, clock: Clock, reason: string, at: string): boolean {
  if (clock.pausedBy.includes(reason)) return false;
  clock.pausedBy.push(reason);
  clock.pauses.push({ reason, from: at });
  if (clock.pausedBy.length > 1) return false;
  clock.pausedAt = at;
  clock.remaining = remainingAt(calendar, clock, at, true);
  return true;
}

/** Removes `reason`; when nothing holds the clock any more it runs again with its remaining time. */
export function resumeClock(calendar: WorkingCalendar, clock: Clock, reason: string, at: string): boolean {
  if (!clock.pausedBy.includes(reason)) return false;
  clock.pausedBy = clock.pausedBy.filter((r) => r !== reason);
  const pause = clock.pauses.find((p) => p.reason === reason && p.to === undefined);
  if (pause) pause.to = at;
  if (clock.pausedBy.length > 0) return false;
  const remaining = clock.remaining ?? 0;
  if (isDateUnit(clock.duration.unit)) {
    // The rest of the period counts from the day the clock runs again.
    setDue(calendar, clock, dueOnBasis(calendar, restBasis(calendar, clock, at, remaining), clock.duration));
  } else clock.dueAt = toInstant(parseInstant(at) + remaining);
  delete clock.pausedAt;
  delete clock.remaining;
  return true;
}

/** The remainder of a stopped date clock, counted from the day it runs again (in days: see remainderUnit). */
function restBasis(calendar: WorkingCalendar, clock: Clock, at: string, remaining: number): Basis {
  const monthly = clock.duration.unit === 'months' || clock.duration.unit === 'years';
  return { from: dayOf(at, calendar), days: remaining, ...(monthly ? { unit: 'calendarDays' as const } : {}) };
}

/** Calendar days that `months` added to the last day `from` makes (an extension of a month clock counted in days). */
function monthsAsDays(from: string, months: number, unit: DurationUnit): number {
  return calendarDaysBetween(from, addMonths(from, unit === 'years' ? months * 12 : months));
}

/** A fresh full period from `at` (e.g. a resubmittal restarts the completeness clock). */
export function restartClock(calendar: WorkingCalendar, clock: Clock, at: string): void {
  for (const pause of clock.pauses) if (pause.to === undefined) pause.to = at;
  clock.pausedBy = [];
  delete clock.pausedAt;
  delete clock.remaining;
  clock.startedAt = at;
  clock.extensions = [];
  Object.assign(clock, startClock(calendar, at, clock.duration), { pauses: clock.pauses });
}

/** Adds an extension; its unit must be the clock's. */
export function extendClock(calendar: WorkingCalendar, clock: Clock, by: Duration): void {
  clock.extensions.push(by);
  const unit = by.unit;
  if (isPaused(clock)) {
    if (!isDateUnit(unit)) clock.remaining = (clock.remaining ?? 0) + by.value * UNIT_MS[unit];
    else if (unit === 'workingDays' || unit === 'calendarDays') clock.remaining = (clock.remaining ?? 0) + by.value;
    else {
      // A month clock stopped with N days left: the extension runs from where its period would end.
      const end = addCalendarDays(dayOf(clock.pausedAt ?? clock.dueAt, calendar), clock.remaining ?? 0);
      clock.remaining = (clock.remaining ?? 0) + monthsAsDays(end, by.value, unit);
    }
    return;
  }
  if (isDateUnit(unit)) {
    const basis = clock.basis ?? { from: clock.dueDate ?? dayOf(clock.dueAt, calendar), days: 0 };
    // A month clock resumed after a stop counts its rest in days: the extension's months become days.
    const more = basis.unit === undefined ? by.value : monthsAsDays(lastCountedDay(calendar, clock), by.value, unit);
    setDue(calendar, clock, dueOnBasis(calendar, { ...basis, days: basis.days + more }, clock.duration));
  } else {
    clock.dueAt = toInstant(parseInstant(clock.dueAt) + by.value * UNIT_MS[unit]);
  }
}

/**
 * Recounts a running day clock on a newly published calendar (a new year's holidays, a corrected holiday).
 * Returns the old due fields when the due date or its provisional mark changed, otherwise undefined.
 */
export function recountClock(
  calendar: WorkingCalendar,
  clock: Clock,
): { dueAt: string; dueDate?: string; provisional: boolean } | undefined {
  const basis = clock.basis;
  if (isPaused(clock) || !basis || !isDateUnit(clock.duration.unit)) return undefined;
  const before = { dueAt: clock.dueAt, dueDate: clock.dueDate, provisional: clock.provisional === true };
  setDue(calendar, clock, dueOnBasis(calendar, basis, clock.duration));
  const changed = before.dueAt !== clock.dueAt || before.provisional !== (clock.provisional === true);
  return changed ? before : undefined;
}

export interface ClockStatus {
  paused: boolean;
  dueAt: string;
  dueDate?: string;
  /** The due date counts over days the calendar does not cover yet. */
  provisional: boolean;
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
  const due: Due = paused
    ? projectedDue(calendar, clock, at)
    : { dueAt: clock.dueAt, dueDate: clock.dueDate, provisional: clock.provisional };
  return {
    paused,
    dueAt: due.dueAt,
    ...(due.dueDate !== undefined ? { dueDate: due.dueDate } : {}),
    provisional: due.provisional === true,
    remaining,
    remainingUnit: isDateUnit(unit) ? remainderUnit(unit) : 'milliseconds',
    overdue: !paused && parseInstant(at) >= parseInstant(clock.dueAt),
  };
}

/** Where the due time would land if the clock resumed at `at`. */
function projectedDue(calendar: WorkingCalendar, clock: Clock, at: string): Due {
  const remaining = clock.remaining ?? 0;
  if (isDateUnit(clock.duration.unit)) {
    const { basis, ...due } = dueOnBasis(calendar, restBasis(calendar, clock, at, remaining), clock.duration);
    void basis;
    return due;
  }
  return { dueAt: toInstant(parseInstant(at) + remaining) };
}

/** When a threshold `after` the clock's due date is reached: counted from the last day like the clock itself. */
export function thresholdDue(calendar: WorkingCalendar, clock: Clock, after: Duration): Due {
  if (isDateUnit(after.unit)) {
    const base = clock.dueDate ?? dayOf(clock.dueAt, calendar);
    const { basis, ...due } = dueOnBasis(
      calendar,
      { from: base, days: after.value },
      { ...after, counting: { ...after.counting, from: 'after', start: 'on-receipt' } },
    );
    void basis;
    return clock.provisional ? { ...due, provisional: true } : due;
  }
  return { dueAt: toInstant(parseInstant(clock.dueAt) + after.value * UNIT_MS[after.unit]) };
}
