import type { AttributeValue, ProcessDefinition } from '../definition/process-definition.types';
import type { WorkingCalendar } from '../calendar/working-calendar.types';
import type { Actor } from '../actor';

/** The definition and calendar snapshot a case runs under, carried in the workflow input. */
export interface ProcessContext {
  definition: ProcessDefinition;
  calendar: WorkingCalendar;
  /**
   * For a case whose state names no engine rules (started before cases recorded them): the rules its workflow
   * history shows it ran under. Absent: the first rules. See `engine-rules.ts`.
   */
  historicEngineRules?: number;
}

export interface Submission {
  requestId: string;
  applicant: Actor;
  attributes: Record<string, AttributeValue>;
  /** ISO-8601 UTC. */
  at: string;
  /** The engine rules the case runs under (`CURRENT_ENGINE_RULES` for a new case); absent on older submissions. */
  engineRules?: number;
}
