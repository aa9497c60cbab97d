import { dayOf, workingDaysBetween } from '../calendar/working-calendar';
import type { WorkingCalendar } from '../calendar/working-calendar.types';

/** One case as the transition log tells it: when it was received, decided, and when its statutory period ended. */
export interface CaseTimes {
  definitionKey: string;
  receivedAt: string;
  decidedAt?: string;
  /** The case clock's due date in force when it was decided (extensions included); none without a clock. */
  dueAt?: string;
}

/** A process's figures for one quarter (of the jurisdiction's local days). */
export interface QuarterPerformance {
  definitionKey: string;
  /** `2026-Q4` */
  quarter: string;
  /** Cases received in the quarter. */
  received: number;
  /** Cases decided in the quarter. */
  decided: number;
  /** Median working days from receipt to decision of the cases decided in the quarter; null when none. */
  medianWorkingDays: number | null;
  /** Of the cases decided in the quarter with a statutory period, the share decided within it (0..1); null when none. */
  withinPeriodShare: number | null;
}

/**
 * Published performance: per process and quarter, cases received and decided, the median working days to a
 * decision and the share decided within the statutory period. Days are the calendar's local days and working days.
 */
export function quarterlyPerformance(
  cases: CaseTimes[],
  calendarOf: (definitionKey: string) => WorkingCalendar,
): QuarterPerformance[] {
  const groups = new Map<string, { received: number; days: number[]; dueKnown: number; within: number }>();
  const group = (key: string, quarter: string) => {
    const id = `${key}\u0000${quarter}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { received: 0, days: [], dueKnown: 0, within: 0 }));
    return g;
  };
  for (const c of cases) {
    const calendar = calendarOf(c.definitionKey);
    const receivedDay = dayOf(c.receivedAt, calendar);
    group(c.definitionKey, quarterOf(receivedDay)).received += 1;
    if (!c.decidedAt) continue;
    const decidedDay = dayOf(c.decidedAt, calendar);
    const g = group(c.definitionKey, quarterOf(decidedDay));
    g.days.push(workingDaysBetween(calendar, receivedDay, decidedDay));
    if (c.dueAt) {
      g.dueKnown += 1;
      if (Date.parse(c.decidedAt) <= Date.parse(c.dueAt)) g.within += 1;
    }
  }
  return [...groups.entries()]
    .map(([id, g]) => {
      const [definitionKey, quarter] = id.split('\u0000');
      return {
        definitionKey,
        quarter,
        received: g.received,
        decided: g.days.length,
        medianWorkingDays: median(g.days),
        withinPeriodShare: g.dueKnown === 0 ? null : g.within / g.dueKnown,
      };
    })
    .sort((a, b) => a.definitionKey.localeCompare(b.definitionKey) || b.quarter.localeCompare(a.quarter));
}

function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
