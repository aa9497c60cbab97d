import type { UtcOffsets } from './time-zone';

/** A calendar date, `YYYY-MM-DD`, in the calendar's own time zone. */
export type IsoDate = string;

export interface CalendarDay {
  date: IsoDate;
  name: string;
}

/**
 * The working days of one jurisdiction, as data so administrators can publish a new year's holidays
 * without a code change. Weekend days are 0 = Sunday … 6 = Saturday. Calendars are facts, not versions:
 * publishing a new revision (a new year, a corrected holiday) reaches the cases already running on it.
 */
export interface WorkingCalendar {
  id: string;
  name: string;
  /**
   * The jurisdiction's IANA time zone: days are its local days and a deadline ends at its local midnight.
   * Snapshots from before time zones were kept have none and count UTC days, as they did then.
   */
  timeZone?: string;
  /**
   * The zone's UTC offsets over the coverage years (and a year either side), generated from the IANA
   * time-zone database when the calendar is published: every count reads them, never the host's zone data.
   * Calendars published before offsets were kept count on the rule table of their (four) zones.
   */
  utcOffsets?: UtcOffsets;
  weekendDays: number[];
  /** Statutory holidays (days off even when they fall on a weekday). */
  holidays: CalendarDay[];
  /** Make-up working days on what would be a weekend (e.g. China's adjusted working Saturdays). */
  makeUpWorkingDays: CalendarDay[];
  /**
   * Working days on which a period may not end (e.g. a court holiday on which offices stay open): counted as
   * working days, but a last day falling on one rolls forward like a closed day (only where the definition
   * asks for roll-forward). Calendars without the list roll over weekends and holidays only, as before.
   */
  noPeriodEndDays?: CalendarDay[];
  /**
   * The span whose holidays are officially known. A working-day count that reaches a day outside it gives a
   * provisional due date (weekends only are known there), flagged wherever the date is shown.
   */
  coverage?: { from: IsoDate; to: IsoDate };
}
