import { validateCalendar } from '../calendar/calendar-validator';
import type { WorkingCalendar } from '../calendar/working-calendar.types';
import { DomainError } from '../domain-error';
import type { ProcessContext } from '../engine/process-context.types';
import { validateDefinition } from './definition-validator';
import type { ProcessDefinition } from './process-definition.types';

// Snapshots are immutable, so each object needs validating once per process, not once per event.
const checked = new WeakSet<ProcessDefinition | WorkingCalendar>();

/** Refuses to run a case on a definition or calendar that would not pass validation. */
export function assertValidContext(ctx: ProcessContext): void {
  const { definition, calendar } = ctx;
  if (!checked.has(definition)) {
    const result = validateDefinition(definition);
    if (!result.ok)
      throw new DomainError('INVALID_DEFINITION', `invalid definition: ${result.errors.join('; ')}`, result.errors);
    checked.add(definition);
  }
  if (!checked.has(calendar)) {
    const result = validateCalendar(calendar);
    if (!result.ok)
      throw new DomainError('INVALID_DEFINITION', `invalid calendar: ${result.errors.join('; ')}`, result.errors);
    checked.add(calendar);
  }
  if (calendar.id !== definition.jurisdiction) {
    throw new DomainError(
      'INVALID_DEFINITION',
      `definition '${definition.key}' runs on calendar '${definition.jurisdiction}', not '${calendar.id}'`,
    );
  }
}
