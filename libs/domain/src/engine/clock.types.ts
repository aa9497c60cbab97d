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
  /** The last permitted day, for day-based units. */
  dueDate?: string;
  pausedAt?: string;
  /** Why the clock is stopped; it runs again when the last reason is removed. */
  pausedBy: string[];
  remaining?: number;
  pauses: ClockPause[];
  extensions: Duration[];
}
