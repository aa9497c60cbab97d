import type { Actor } from '../actor';
import type { WorkingCalendar } from '../calendar/working-calendar.types';
import type { Duration, ProcessDefinition } from '../definition/process-definition.types';
import type { DecisionCondition, RecordedCondition } from '../documents/issued-document.types';
import type { ConsulteePosition, InformationItem } from './case-state.types';

interface EventBase {
  /** ISO-8601 UTC time of the event (workflow time for timers and Updates). */
  at: string;
  actor: Actor;
}

/** A decision on an active task, member review or applicant step. */
export interface DecideEvent extends EventBase {
  type: 'decide';
  stepId: string;
  outcome: string;
  reason?: string;
  /** Each condition with its reason (and policy); a plain text is a condition recorded before they were structured. */
  conditions?: RecordedCondition[];
  /** Advice to the applicant that binds no one (e.g. other consents that may be needed). */
  informatives?: string[];
  /** For a refusal: each reason on its own. */
  refusalReasons?: string[];
  /**
   * Only for the step that starts the case clock (the validation): the instant the application became valid,
   * between receipt and now, with a reason; the clocks the decision starts count from it.
   */
  effectiveFrom?: string;
}

/** A pending timer fired; `timerId` comes from `state.timers`. */
export interface TimerEvent extends EventBase {
  type: 'timer';
  timerId: string;
}

export interface WithdrawEvent extends EventBase {
  type: 'withdraw';
  reason?: string;
}

/** An itemised request for information on a step; the step waits on the applicant. */
export interface RequestInformationEvent extends EventBase {
  type: 'request-information';
  stepId: string;
  items: InformationItem[];
  reason?: string;
}

/** The applicant's resubmittal; `itemIds` lists what was provided (all items by default). */
export interface AnswerInformationEvent extends EventBase {
  type: 'answer-information';
  stepId: string;
  itemIds?: string[];
  note?: string;
}

/** Accept the step now with one notice of missing items and a deadline (from the definition). */
export interface AcceptWithMissingEvent extends EventBase {
  type: 'accept-with-missing';
  stepId: string;
  /** Omitted: the step's required documents not on file. */
  items?: InformationItem[];
  reason?: string;
}

/** External: a document (a missing item) was delivered and verified. */
export interface DocumentVerifiedEvent extends EventBase {
  type: 'document-verified';
  itemId: string;
  documentId?: string;
}

/** External: the fee for a payment step was paid. */
export interface PaymentConfirmedEvent extends EventBase {
  type: 'payment-confirmed';
  stepId: string;
  reference: string;
  amount?: number;
}

/** External: an inspection step's result. */
export interface InspectionResultEvent extends EventBase {
  type: 'inspection-result';
  stepId: string;
  passed: boolean;
  findings?: string;
}

/** The applicant's signed pledge (commitment-based approval). */
export interface PledgeEvent extends EventBase {
  type: 'pledge';
  statement: string;
  items?: string[];
}

/** The applicant's notice that it will rely on a deemed approval of the step. */
export interface GiveNoticeEvent extends EventBase {
  type: 'give-notice';
  stepId: string;
}

/** A clerk or supervisor proposes more time; it takes effect only when the applicant accepts. */
export interface ProposeExtensionEvent extends EventBase {
  type: 'propose-extension';
  /** Omit (or null) for the case's statutory clock. */
  stepId?: string | null;
  by: Duration;
  reason: string;
  /** agreement (the default): the applicant must accept; authority: a supervisor must approve. */
  basis?: 'agreement' | 'authority';
  /** The ground it is proposed on: required, and one of them, when the definition declares extension grounds. */
  ground?: string;
}

/** A supervisor approves an extension the authority decided on itself; the applicant is told the reason. */
export interface ApproveExtensionEvent extends EventBase {
  type: 'approve-extension';
  extensionId: string;
}

/**
 * A revision of the case's calendar was published (a new year, a corrected holiday): every running clock is
 * recounted on it and the case runs on it from now on.
 */
export interface CalendarPublishedEvent extends EventBase {
  type: 'calendar-published';
  calendar: WorkingCalendar;
  revision: number;
}

/**
 * An administrator moves a running case to another published version of its definition (a law change): the
 * active steps continue under their ids in `definition` (or those `mapping` gives, old id → new id) and every
 * running clock is recounted under the new periods from when it started, so time already used stays used.
 */
export interface MigrateDefinitionEvent extends EventBase {
  type: 'migrate-definition';
  definition: ProcessDefinition;
  mapping?: Record<string, string>;
  reason: string;
}

export interface AcceptExtensionEvent extends EventBase {
  type: 'accept-extension';
  extensionId: string;
}

export interface DeclineExtensionEvent extends EventBase {
  type: 'decline-extension';
  extensionId: string;
  reason?: string;
}

export interface AppealEvent extends EventBase {
  type: 'appeal';
  grounds: string;
}

export interface ClaimEvent extends EventBase {
  type: 'claim';
  stepId: string;
}

/** The holder (or a supervisor) gives a claimed step back to the department's queue. */
export interface ReleaseEvent extends EventBase {
  type: 'release';
  stepId: string;
  reason?: string;
}

export interface ReassignEvent extends EventBase {
  type: 'reassign';
  stepId: string;
  assignee: { id: string; name?: string };
  reason?: string;
}

/** A supervisor stops the case clock for an excluded activity (e.g. an external expert review). */
export interface PauseClockEvent extends EventBase {
  type: 'pause-clock';
  reason: string;
}

export interface ResumeClockEvent extends EventBase {
  type: 'resume-clock';
}

/**
 * A new version of a document, stored before the event is sent (content-addressed by `sha256`). The
 * applicant uploads with the submission or in answer to a request for information; staff upload too.
 */
export interface UploadDocumentEvent extends EventBase {
  type: 'upload-document';
  documentType: string;
  fileName: string;
  sha256: string;
  size: number;
  contentType: string;
}

/** A supervisor's change to an issued permit's status; the reason is printed on the verification page. */
interface DocumentChangeBase extends EventBase {
  documentId: string;
  reason: string;
}

/** The permit stops being in force for good. */
export interface RevokeDocumentEvent extends DocumentChangeBase {
  type: 'revoke-document';
}

/** The permit stops being in force until it is reinstated (or revoked). */
export interface SuspendDocumentEvent extends DocumentChangeBase {
  type: 'suspend-document';
}

/** A suspended permit is in force again. */
export interface ReinstateDocumentEvent extends DocumentChangeBase {
  type: 'reinstate-document';
}

/**
 * The permit is replaced by a new version with a new number and verification code (e.g. amended conditions); the
 * old one is marked varied and points to the new one. `conditions`, when given, replace the case's conditions.
 */
export interface VaryDocumentEvent extends DocumentChangeBase {
  type: 'vary-document';
  conditions?: DecisionCondition[];
}

/**
 * An officer publishes a member of the public's comment on the register: a redacted copy of it (`text`), named by
 * the hash of what was written (`sourceHash`), with the redactions made and the SHA-256 of the published copy.
 */
export interface PublishCommentEvent extends EventBase {
  type: 'publish-comment';
  commentId: string;
  sourceHash: string;
  sha256: string;
  text: string;
  redactions: Array<{ field: string; range?: [number, number]; by: string; reason: string }>;
}

/** An officer sends a consultee body a new link (the old one stops answering); its due date stays. */
export interface ResendConsultationEvent extends EventBase {
  type: 'resend-consultation';
  organisation: string;
}

/** An officer withdraws a consultee body's link: it answers no more until a new one is sent. */
export interface RevokeConsultationEvent extends EventBase {
  type: 'revoke-consultation';
  organisation: string;
  reason: string;
}

/** A document a consultee attached to its response, already stored (by its content's SHA-256). */
export interface ConsulteeAttachment {
  documentId: string;
  fileName: string;
  sha256: string;
}

/**
 * A consultee body's response, through the link it was sent (`link` is that link's number). The actor is the
 * body itself (`consultee:<organisation>`, as the API names it after checking the link).
 */
export interface RespondConsultationEvent extends EventBase {
  type: 'respond-consultation';
  organisation: string;
  link: number;
  position: ConsulteePosition;
  text: string;
  /** Conditions the body asks the authority to attach to a permission. */
  conditions?: string[];
  documents?: ConsulteeAttachment[];
}

export type CaseEvent =
  | DecideEvent
  | UploadDocumentEvent
  | TimerEvent
  | WithdrawEvent
  | RequestInformationEvent
  | AnswerInformationEvent
  | AcceptWithMissingEvent
  | DocumentVerifiedEvent
  | PaymentConfirmedEvent
  | InspectionResultEvent
  | PledgeEvent
  | GiveNoticeEvent
  | ProposeExtensionEvent
  | ApproveExtensionEvent
  | CalendarPublishedEvent
  | MigrateDefinitionEvent
  | AcceptExtensionEvent
  | DeclineExtensionEvent
  | AppealEvent
  | ClaimEvent
  | ReleaseEvent
  | ReassignEvent
  | PauseClockEvent
  | ResumeClockEvent
  | RevokeDocumentEvent
  | SuspendDocumentEvent
  | ReinstateDocumentEvent
  | VaryDocumentEvent
  | PublishCommentEvent
  | ResendConsultationEvent
  | RevokeConsultationEvent
  | RespondConsultationEvent;

export type CaseEventType = CaseEvent['type'];

export const CASE_EVENT_TYPES: readonly CaseEventType[] = [
  'decide',
  'upload-document',
  'timer',
  'withdraw',
  'request-information',
  'answer-information',
  'accept-with-missing',
  'document-verified',
  'payment-confirmed',
  'inspection-result',
  'pledge',
  'give-notice',
  'propose-extension',
  'approve-extension',
  'calendar-published',
  'migrate-definition',
  'accept-extension',
  'decline-extension',
  'appeal',
  'claim',
  'release',
  'reassign',
  'pause-clock',
  'resume-clock',
  'revoke-document',
  'suspend-document',
  'reinstate-document',
  'vary-document',
  'publish-comment',
  'resend-consultation',
  'revoke-consultation',
  'respond-consultation',
];
