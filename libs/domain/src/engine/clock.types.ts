import type { Duration } from '../definition/process-definition.types';

export interface ClockPause {
  reason: string;
  from: string;
  to?: string;
}

/**
 * A statutory clock. While it runs, `dueAt` is when it expires; while paused, `remaining` holds what is
 * left (days for day units, milliseconds otherwise) and the due time is recomputed on resume.
 */
export interface Clock {
  duration: Duration;
  startedAt: string;
  dueAt: string;
  /** The last permitted day (a local day of the calendar), for day-based units. */
  dueDate?: string;
  /**
   * What the running due date was counted from: `days` units of the clock's unit (or of `unit`, calendar days
   * for the rest of a month clock resumed after a stop) after the local day `from`, before rolling forward. A
   * newly published calendar recomputes the due date from it.
   */
  basis?: { from: string; days: number; unit?: 'calendarDays' };
  /** The count reached days outside the calendar's coverage: the due date is provisional. */
  provisional?: boolean;
  pausedAt?: string;
  /** Why the clock is stopped; it runs again when the last reason is removed. */
  pausedBy: string[];
  remaining?: number;
  pauses: ClockPause[];
  extensions: Duration[];
  /** Named thresholds past the due date already reached (see CaseClockPolicy.thresholds). */
  thresholdsReached?: string[];
}
