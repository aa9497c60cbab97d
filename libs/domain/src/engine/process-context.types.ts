import type { AttributeValue, ProcessDefinition } from '../definition/process-definition.types';
import type { WorkingCalendar } from '../calendar/working-calendar.types';
import type { Actor } from '../actor';

/** The definition and calendar snapshot a case runs under, carried in the workflow input. */
export interface ProcessContext {
  definition: ProcessDefinition;
  calendar: WorkingCalendar;
}

export interface Submission {
  requestId: string;
  applicant: Actor;
  attributes: Record<string, AttributeValue>;
  /** ISO-8601 UTC. */
  at: string;
}
