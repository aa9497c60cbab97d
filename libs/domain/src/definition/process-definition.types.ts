import type { NoticeDeclaration } from '../documents/issued-document.types';
import type { LocalizedText } from '../text/localized-text';
import type { ActorRole } from '../actor';

export type RequestType = 'permit' | 'land-use' | 'infrastructure';

/** months and years count by the corresponding day (see PeriodCounting); the rest of the units are fixed. */
export type DurationUnit = 'workingDays' | 'calendarDays' | 'months' | 'years' | 'hours' | 'minutes' | 'seconds';

/**
 * How a day period is counted, as the statute words it. Every day is a local day of the calendar's zone.
 * - from: 'after' (the default): "N days after receipt", day 1 is the day after the triggering event;
 *   'beginning-with': "within N days beginning with the day of receipt", the event's own day is day 1. A
 *   period of months (or years) ends on the day with the event's day number ('after') or the day before it
 *   ('beginning-with'), or on the last day of a month without that day.
 * - rollForward: a calendar-day, month or year period whose last day is not a working day ends on the next
 *   working day.
 * - start: 'on-receipt' (the default) counts from the event's day; 'next-working-day' treats an event on a
 *   non-working day, or at or after `cutOff` (local `HH:MM`), as happening on the next working day.
 * - endsAt: the period ends at this local time (`HH:MM`, close of business) on its last day instead of at
 *   the end of the day.
 */
export interface PeriodCounting {
  from?: 'after' | 'beginning-with';
  rollForward?: boolean;
  start?: 'on-receipt' | 'next-working-day';
  cutOff?: string;
  endsAt?: string;
}

/** Second-scale units exist so integration tests can run real timers quickly. */
export interface Duration {
  value: number;
  unit: DurationUnit;
  /** Counting conventions; day units only. */
  counting?: PeriodCounting;
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
  | {
      action: 'deemed';
      outcome: string;
      effect: 'complete' | 'approved';
      requiresNotice?: boolean;
      /**
       * The applicant's notice starts this period; the authority may still decide until it ends, and only then
       * (and not before the step's own deadline) is the step deemed approved. Without it, notice deems at once.
       */
      noticePeriod?: Duration;
      /**
       * The notice must follow the period's end (e.g. a deemed grant effective only on the applicant's written
       * notice after expiry): a notice before it is refused, and the approval takes effect when notice is given.
       */
      noticeAfterExpiry?: boolean;
      /**
       * receipt: the deemed outcome takes effect as of the case's receipt, so periods started by it count from
       * then (back-dating, e.g. an application deemed valid on the day it was received).
       */
      effectiveFrom?: 'deadline' | 'receipt';
    }
  | { action: 'complete'; outcome: string }
  | { action: 'lapse' };

/** Requests for information on a step. */
export interface InformationPolicy {
  /** pause: the step's clock stops until the answer; restart: the answer starts a fresh full period. */
  clock: 'pause' | 'restart';
  /** One exhaustive list: a later request may only repeat items of the first one. */
  exhaustive?: boolean;
  /** The time the applicant is given to answer, counted from the request: shown as its answer-by date. */
  answerWithin?: Duration;
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
  title: LocalizedText;
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
  /** The consultee bodies invited when the step starts (a consultation period), each by a link of its own. */
  consultees?: ConsulteeRequirement[];
}

/** One consultee body a step consults: an organisation of the consultee directory, by its key. */
export interface ConsulteeRequirement {
  organisation: string;
  /** Consulted only when this holds of the case's attributes (e.g. the environment body for major development). */
  when?: Condition;
  /** The time the body is given to respond, counted from the invitation; by default the step's own period. */
  respondWithin?: Duration;
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
  /** Named later thresholds past the due date, each with a consequence (a fee refund, an appeal right). */
  thresholds?: ClockThreshold[];
}

/**
 * A threshold `after` the clock's due date (counted like the clock, from its last day):
 * - flag: the case carries the named flag (e.g. 'fee-refund-due', 'appeal-against-non-determination');
 * - escalate: a supervisor is told, as for the due date itself;
 * - notify: the applicant is told.
 */
export interface ClockThreshold {
  name: string;
  after: Duration;
  consequence: 'flag' | 'escalate' | 'notify';
}

/** Actions a definition may limit in time. */
export type WindowedAction = 'request-information' | 'accept-with-missing' | 'propose-extension' | 'decide';

/**
 * An action allowed only within `within` of an anchor: the case's receipt, or the completion of a step (e.g.
 * validation). Past it the action is refused with a reason naming the window, and `default` says what the
 * law then holds (e.g. "the application is taken as complete").
 */
export interface ActionWindow {
  name: string;
  action: WindowedAction;
  /** Only on this step (for decide: required). */
  stepId?: string;
  /** For decide: only this outcome (e.g. 'consult'). */
  outcome?: string;
  within: Duration;
  anchor: 'receipt' | { afterStep: string } | WindowEventAnchor;
  default?: string;
}

/**
 * A window anchored on a recorded event (e.g. the applicant's answer to a request for information, a
 * resubmission, a notice, a decision), optionally only on one step or outcome. `restart`: each occurrence opens
 * the window afresh (the default); false: only the first counts. Before the first occurrence it limits nothing.
 */
export interface WindowEventAnchor {
  event: 'answer-information' | 'upload-document' | 'give-notice' | 'decide' | 'accept-with-missing';
  stepId?: string;
  outcome?: string;
  restart?: boolean;
}

/** Who may extend the clocks and how far. */
export interface ExtensionPolicy {
  /** By the applicant's written agreement (a clerk proposes, the applicant accepts). */
  byAgreement?: boolean;
  /** By the authority's own decision: a clerk proposes, a supervisor approves; the applicant is told why. */
  byAuthority?: boolean;
  /** At most this many extensions per clock, of either kind. */
  maxCount?: number;
  /** At most this much extra time in all per clock (same unit as the clock). */
  maxTotal?: Duration;
  /**
   * The grounds an extension may be given on, each with its own limits per clock besides the ones above
   * (which then count every ground together). When grounds are declared, a proposal names one of them.
   */
  grounds?: ExtensionGround[];
}

export interface ExtensionGround {
  id: string;
  label: LocalizedText;
  /** At most this many extensions on this ground per clock. */
  maxCount?: number;
  /** At most this much extra time on this ground per clock (same unit as the clock). */
  maxTotal?: Duration;
}

export interface AppealPolicy {
  /** The step that hears the appeal; its outcomes route to `approved` or `refused`. */
  step: string;
  /** How long after refusal an appeal may be lodged. */
  window: Duration;
}

/** One attribute a request carries: a JSON Schema of a scalar (string, number, integer or boolean). */
export interface AttributeSchema {
  type: 'string' | 'number' | 'integer' | 'boolean';
  /** The label a form shows, and its help text. */
  title?: LocalizedText;
  description?: LocalizedText;
  enum?: Array<string | number>;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: AttributeValue;
  /** Personal data (a name, a phone number): never published, whatever the definition's publication lists. */
  personal?: boolean;
}

/**
 * The attributes a request of a definition declares, as a JSON Schema (draft 2020-12, a flat object of
 * scalars): the API validates submissions against it and the web form is rendered from it.
 */
export interface AttributesSchema {
  type: 'object';
  properties: Record<string, AttributeSchema>;
  required?: string[];
  /** false: an attribute not declared is refused (the default when a definition declares a schema). */
  additionalProperties?: boolean;
}

/**
 * A kind of document the applicant files (site plan, fire strategy…). `requiredAt` lists the steps
 * that may not be accepted (decided with their `missingDocuments.outcome`, or any outcome of a step
 * without that policy) while no version of the document is on file; the clerk requests it or accepts
 * with missing documents instead.
 */
export interface DocumentTypeDefinition {
  key: string;
  title: LocalizedText;
  requiredAt?: string[];
}

/**
 * A condition a decision commonly carries, written once in every served language: the decision form offers it,
 * and a decision that chose it is read in each reader's language (the recorded text stays as it was decided).
 */
export interface StandardCondition {
  key: string;
  text: LocalizedText;
  reason: LocalizedText;
  /** The policy it rests on (a code's section number reads the same in every language). */
  policy?: string;
}

export interface ProcessDefinition {
  key: string;
  version: number;
  title: LocalizedText;
  requestType: RequestType;
  /** The id of the working calendar the definition's clocks use. */
  jurisdiction: string;
  /** The first step(s). */
  start: string | string[];
  steps: StepDefinition[];
  caseClock?: CaseClockPolicy;
  /** Clocks may be extended by the applicant's written agreement (shorthand for extensions.byAgreement). */
  extensionByAgreement?: boolean;
  extensions?: ExtensionPolicy;
  actionWindows?: ActionWindow[];
  appeal?: AppealPolicy;
  /** The attributes a request must carry; the conditions and duration rules may read only these. */
  attributesSchema?: AttributesSchema;
  /** The document types of the process; uploads of other types are refused. */
  documents?: DocumentTypeDefinition[];
  /** The documents the process issues, and at which step's outcome. */
  notices?: NoticeDeclaration[];
  /** What the process's outcomes are called, by outcome id (`approved`, `corrections`…), in every served language. */
  outcomeLabels?: Record<string, LocalizedText>;
  /** What the departments owning its steps are called, by department id, in every served language. */
  departments?: Record<string, LocalizedText>;
  /** The conditions its decisions commonly carry, in every served language. */
  standardConditions?: StandardCondition[];
  /** Whether and from when its cases appear on the public register, and what of them. */
  publication?: PublicationDeclaration;
}

/**
 * A public case: from the moment `from.step` completes (with one of `from.outcomes`, any when omitted) the case is
 * on the public register with the listed attributes (never a personal one) and reviewed documents of the listed
 * types. The applicant's identity is never published.
 */
export interface PublicationDeclaration {
  from: { step: string; outcomes?: string[] };
  attributes: string[];
  documents?: string[];
  /** Members of the public may comment on the register while this step (a consultation period) is active. */
  comments?: { during: string };
}
