/** A calendar date, `YYYY-MM-DD`. Days are taken at UTC day granularity (see working-calendar.ts). */
export type IsoDate = string;

export interface CalendarDay {
  date: IsoDate;
  name: string;
}

/**
 * The working days of one jurisdiction, as data so administrators can publish a new year's holidays
 * without a code change. Weekend days are 0 = Sunday … 6 = Saturday.
 */
export interface WorkingCalendar {
  id: string;
  name: string;
  weekendDays: number[];
  /** Statutory holidays (days off even when they fall on a weekday). */
  holidays: CalendarDay[];
  /** Make-up working days on what would be a weekend (e.g. China's adjusted working Saturdays). */
  makeUpWorkingDays: CalendarDay[];
  /** The span whose holidays the data covers; outside it only weekends are known. Informational. */
  coverage?: { from: IsoDate; to: IsoDate };
}
