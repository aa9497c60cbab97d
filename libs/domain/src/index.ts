export * from './actor';
export * from './domain-error';
export * from './text/localized-text';
export * from './text/reading-dates';
export * from './documents/issued-document.types';

export type * from './calendar/working-calendar.types';
export type { UtcOffset, UtcOffsets } from './calendar/time-zone';
export * from './calendar/working-calendar';
export * from './calendar/calendar-validator';
export * from './calendar/calendars';

export type * from './definition/process-definition.types';
export { evaluateCondition } from './definition/condition';
export { findStep, outcomesOf, stepIndex } from './definition/definition-index';
export { validateDefinition, type ValidationResult } from './definition/definition-validator';
export { DURATION_UNITS } from './definition/duration-schema';
export type { SchemaFault } from './definition/schema-reader';
export * from './definition/definition-graph';
export * from './definitions';

export type * from './engine/clock.types';
export type * from './engine/case-state.types';
export { CASE_STATUSES, OPEN_STATUSES } from './engine/case-state.types';
export type * from './engine/case-event.types';
export { CASE_EVENT_TYPES } from './engine/case-event.types';
export type * from './engine/transition.types';
export type * from './engine/process-context.types';
export { clockStatus, dueFrom, type ClockStatus, type Due } from './engine/clock';
export { apply, checkEvent, refusalOf, rejectionReason, startCase } from './engine/case-engine';
export { caseContext } from './engine/handlers/migration.handler';
export { nextTimer, isClosed } from './engine/finalize';
export { CaseInterpreter, activeDepartments, earliestStepDueAt, isSettled } from './engine/case-interpreter';
export { CURRENT_ENGINE_RULES, ENGINE_RULES, engineRulesOf } from './engine/engine-rules';
export { replay, replayWithTransitions, stateAt, type HistoryPoint } from './engine/replay';
export * from './project/project-schedule';
export { checkPublication, latestVersion } from './definition/definition-versions';
export { statusView, type CaseStatusView, type StepStatusView } from './engine/status-view';
export * from './project/project-stages';
export {
  caseImpact,
  pathOf,
  type CaseImpact,
  type DueChange,
  type ImpactOptions,
  type RecordedCase,
  type RefusedAction,
} from './engine/impact';
export {
  CASE_PUBLISHED,
  COMMENT_PUBLISHED,
  PUBLISHED_APPLICATION_SCHEMA,
  publicAttributes,
  publishedApplication,
  type PublicationFacts,
  type Redaction,
} from './engine/publishing';
export { quarterlyPerformance, type CaseTimes, type QuarterPerformance } from './engine/performance';
export {
  CONSULTATION_INVITED,
  CONSULTATION_RESPONDED,
  CONSULTATION_REVOKED,
  consulteeActorId,
} from './engine/consulting';
export { CONSULTEE_POSITIONS } from './engine/case-state.types';
export { ORGANISATION_KEY } from './definition/step-schema';
