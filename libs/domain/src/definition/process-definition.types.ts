import type { ActorRole } from '../actor';

export type RequestType = 'permit' | 'land-use' | 'infrastructure';

export type DurationUnit = 'workingDays' | 'calendarDays' | 'hours' | 'minutes' | 'seconds';

/** Second-scale units exist so integration tests can run real timers quickly. */
export interface Duration {
  value: number;
  unit: DurationUnit;
}

export interface StepOwner {
  department: string;
  role: ActorRole;
}

export type AttributeValue = string | number | boolean;

export type ComparisonOperator = '==' | '!=' | '>' | '>=' | '<' | '<=';

/** A routing condition on the request's attributes, as JSON data (e.g. `{ attr: 'loadKw', op: '>', value: 10000 }`). */
export type Condition =
  | { attr: string; op: ComparisonOperator; value: AttributeValue }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** The first rule whose condition holds sets the duration; otherwise the step's own `duration` applies. */
export interface DurationRule {
  when: Condition;
  duration: Duration;
}

/** Statuses a definition can route a case to. */
export type RoutedStatus = 'approved' | 'refused' | 'lapsed' | 'revoked';

/**
 * Where an outcome leads: one step, several steps at once (a fork), a case status, or the end of this
 * branch of a fork (`{ end: true }`: nothing further, status unchanged). Reaching `approved` leaves other
 * active steps running (post-approval checks, inspections) and may start `then` steps; reaching any other
 * status cancels every active step.
 */
export type NextTarget = string | string[] | { status: RoutedStatus; then?: string[] } | { end: true };

/**
 * What happens when a step's clock runs out.
 * - escalate: the step stays active, is flagged escalated and a supervisor is told (the default).
 * - deemed: the step completes with `outcome` as if decided. `effect: 'approved'` marks a deemed approval,
 *   which the law allows only after notice: without notice on file it escalates instead.
 * - complete: the step completes with `outcome` (periods such as a consultation window).
 * - lapse: the case lapses (the applicant did not act in time).
 */
export type TimeoutPolicy =
  | { action: 'escalate' }
  | { action: 'deemed'; outcome: string; effect: 'complete' | 'approved'; requiresNotice?: boolean }
  | { action: 'complete'; outcome: string }
  | { action: 'lapse' };

/** Requests for information on a step. */
export interface InformationPolicy {
  /** pause: the step's clock stops until the answer; restart: the answer starts a fresh full period. */
  clock: 'pause' | 'restart';
  /** One exhaustive list: a later request may only repeat items of the first one. */
  exhaustive?: boolean;
}

/** Accept now with one notice listing what is missing; the case lapses if not delivered by the deadline. */
export interface MissingDocumentsPolicy {
  outcome: string;
  deadline: Duration;
}

/**
 * Step kinds:
 * - task: a decision by the owner (a clerk, supervisor or the applicant); outcomes are the keys of `next`.
 * - parallel: a joint review; its members are active at once and it closes per `mode`.
 * - period: a fixed window (public notice, consultation) that completes with `elapsed` when it runs out.
 * - applicant: work the applicant does (corrections, own design); completed by the applicant's `decide`.
 * - payment: completed by a `payment-confirmed` event with outcome `paid`.
 * - inspection: completed by an `inspection-result` event with outcome `passed` or `failed`.
 */
export type StepKind = 'task' | 'parallel' | 'period' | 'applicant' | 'payment' | 'inspection';

export interface StepCommon {
  id: string;
  title: string;
  owner: StepOwner;
  duration?: Duration;
  durationRules?: DurationRule[];
  /** Routing condition: when false the step is skipped (sequential steps then follow `next.skipped`). */
  when?: Condition;
  onTimeout?: TimeoutPolicy;
  informationRequests?: InformationPolicy;
  /** excluded: time while this step is active does not count on the case's statutory clock. */
  clock?: 'counts' | 'excluded';
}

export interface MemberStep extends StepCommon {
  /** Members are review tasks; their outcomes are the group's `memberOutcomes`. */
  kind?: 'task';
}

export interface SequentialStep extends StepCommon {
  kind: Exclude<StepKind, 'parallel'>;
  next: Record<string, NextTarget>;
  missingDocuments?: MissingDocumentsPolicy;
  /** Outcomes that may only be chosen with the applicant's signed pledge on file (commitment-based approval). */
  pledgeOutcomes?: string[];
}

export interface ParallelStep extends StepCommon {
  kind: 'parallel';
  /** all: every member decides; any: the first pass decides; quorum: `quorum` passes decide. */
  mode: 'all' | 'any' | 'quorum';
  quorum?: number;
  members: MemberStep[];
  /** Member outcomes, most decisive first: the group's outcome is the first one any member chose. */
  memberOutcomes: string[];
  /** The member outcome that counts as a pass for `any` and `quorum`. */
  passOutcome: string;
  next: Record<string, NextTarget>;
}

export type StepDefinition = SequentialStep | ParallelStep;

/** A statutory clock over the whole case (e.g. England's 8/13/16-week determination period). */
export interface CaseClockPolicy {
  duration?: Duration;
  durationRules?: DurationRule[];
  /** The clock starts when this step completes (e.g. validation); by default at submission. */
  startsAfter?: string;
  /** Stop the clock while the case waits on the applicant (requests for information). */
  pauseOnApplicant: boolean;
}

export interface AppealPolicy {
  /** The step that hears the appeal; its outcomes route to `approved` or `refused`. */
  step: string;
  /** How long after refusal an appeal may be lodged. */
  window: Duration;
}

/**
 * A kind of document the applicant files (site plan, fire strategy…). `requiredAt` lists the steps
 * that may not be accepted (decided with their `missingDocuments.outcome`, or any outcome of a step
 * without that policy) while no version of the document is on file; the clerk requests it or accepts
 * with missing documents instead.
 */
export interface DocumentTypeDefinition {
  key: string;
  title: string;
  requiredAt?: string[];
}

export interface ProcessDefinition {
  key: string;
  version: number;
  title: string;
  requestType: RequestType;
  /** The id of the working calendar the definition's clocks use. */
  jurisdiction: string;
  /** The first step(s). */
  start: string | string[];
  steps: StepDefinition[];
  caseClock?: CaseClockPolicy;
  /** Clocks may be extended by the applicant's written agreement. */
  extensionByAgreement?: boolean;
  appeal?: AppealPolicy;
  /** The document types of the process; uploads of other types are refused. */
  documents?: DocumentTypeDefinition[];
}
