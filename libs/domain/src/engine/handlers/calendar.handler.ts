import { validateCalendar } from '../../calendar/calendar-validator';
import { showInstant } from '../../calendar/working-calendar';
import { Refusal } from '../../domain-error';
import { roleRefusal } from '../authorization';
import type { CalendarPublishedEvent } from '../case-event.types';
import type { Clock } from '../clock.types';
import { recountClock } from '../clock';
import type { CaseView, Reduction } from '../reduction';

export function checkPublishCalendar(v: CaseView, event: CalendarPublishedEvent): Refusal | undefined {
  const role = roleRefusal(v, ['system'], 'publishing a calendar');
  if (role) return role;
  const s = v.state;
  const checked = validateCalendar(event.calendar);
  if (!checked.ok) return new Refusal('INVALID_EVENT', `invalid calendar: ${checked.errors.join('; ')}`);
  if (checked.calendar.id !== s.jurisdiction) {
    return new Refusal('INVALID_EVENT', `the case runs on calendar '${s.jurisdiction}', not '${checked.calendar.id}'`);
  }
  if (s.calendarRevision !== undefined && event.revision <= s.calendarRevision) {
    return new Refusal('CONFLICT', `the case already runs on revision ${s.calendarRevision} of '${s.jurisdiction}'`);
  }
  return undefined;
}

/**
 * A newly published calendar revision reaches a running case: every running day clock is recounted from what
 * it was counted from, and each change is recorded with the old and the new date. The definition stays pinned.
 */
export function publishCalendar(r: Reduction, event: CalendarPublishedEvent): void {
  const s = r.state;
  const checked = validateCalendar(event.calendar);
  // checkPublishCalendar refused an invalid one; validating again gives the calendar as the validator copies it.
  if (!checked.ok) throw new Error('publishCalendar: the calendar passed checkPublishCalendar');
  s.calendar = checked.calendar;
  s.calendarRevision = event.revision;
  const clocks: { name: string; stepId: string | null; clock: Clock }[] = [];
  if (s.caseClock) clocks.push({ name: 'case', stepId: null, clock: s.caseClock });
  for (const a of s.activeSteps) {
    if (a.clock) clocks.push({ name: a.stepId, stepId: a.stepId, clock: a.clock });
    if (a.noticeClock) clocks.push({ name: `notice:${a.stepId}`, stepId: a.stepId, clock: a.noticeClock });
  }
  for (const { name, stepId, clock } of clocks) {
    const before = recountClock(checked.calendar, clock);
    if (!before) continue;
    const state = stepId === null ? s.status : (s.activeSteps.find((a) => a.stepId === stepId)?.state ?? s.status);
    r.emit({
      stepId,
      event: 'deadline.recomputed',
      fromState: state,
      toState: state,
      reason: `calendar '${checked.calendar.id}' revision ${event.revision} published`,
      data: {
        clock: name,
        calendarId: checked.calendar.id,
        revision: event.revision,
        old: { dueAt: before.dueAt, dueDate: before.dueDate, provisional: before.provisional },
        new: { dueAt: clock.dueAt, dueDate: clock.dueDate, provisional: clock.provisional === true },
        shown: { old: showInstant(before.dueAt, checked.calendar), new: showInstant(clock.dueAt, checked.calendar) },
      },
    });
  }
}
