import type { LocalizedText } from '../text/localized-text';
import type { Actor } from '../actor';
import type {
  AttributeValue,
  Duration,
  ProcessDefinition,
  StepKind,
  StepOwner,
} from '../definition/process-definition.types';
import type { WorkingCalendar } from '../calendar/working-calendar.types';
import type { DocumentKind, IssuedDocumentStatus, RecordedCondition } from '../documents/issued-document.types';
import type { Clock } from './clock.types';

/**
 * Open: in_progress, awaiting_applicant, under_appeal. Decided: approved (may still run post-approval steps),
 * refused (may be appealed). Final: withdrawn, lapsed, revoked.
 */
export type CaseStatus =
  'in_progress' | 'awaiting_applicant' | 'under_appeal' | 'approved' | 'refused' | 'withdrawn' | 'lapsed' | 'revoked';

export const CASE_STATUSES: readonly CaseStatus[] = [
  'in_progress',
  'awaiting_applicant',
  'under_appeal',
  'approved',
  'refused',
  'withdrawn',
  'lapsed',
  'revoked',
];

export const OPEN_STATUSES: readonly CaseStatus[] = ['in_progress', 'awaiting_applicant', 'under_appeal'];

export type StepState = 'active' | 'awaiting_applicant';

export interface ActiveStep {
  stepId: string;
  /** The step's label as its definition writes it (in every language, or a plain string in older versions). */
  title: LocalizedText;
  kind: StepKind;
  owner: StepOwner;
  state: StepState;
  /** What may be decided on the step (for a review group: its group outcomes). */
  outcomes: string[];
  /** 1 the first time the step runs, 2 after a corrections loop brings it back, … */
  activation: number;
  activatedAt: string;
  /** When the step's clock (or its review group's) expires; mirrors `clock` for status pages. */
  dueAt?: string;
  dueDate?: string;
  clock?: Clock;
  /** The id of the clerk who claimed the step (or was assigned it). */
  assignee?: string;
  assigneeName?: string;
  /** For a member review: its parallel group. */
  groupId?: string;
  /** For a parallel group: member ids still deciding, and the outcomes of those that decided. */
  pendingMembers?: string[];
  votes?: Record<string, string>;
  escalated: boolean;
  escalatedAt?: string;
  /** Notice the applicant gave that it will rely on a deemed approval. */
  noticeGivenAt?: string;
  /** The period the notice started (a definition's noticePeriod): the authority may decide until it ends. */
  noticeClock?: Clock;
  /** The due date counts over days the calendar does not cover yet. */
  dueProvisional?: boolean;
}

export type StepResult = 'completed' | 'skipped' | 'cancelled';

export interface StepRecord {
  stepId: string;
  activation: number;
  result: StepResult;
  outcome?: string;
  at: string;
  by: Actor;
  deemed?: boolean;
  reason?: string;
  conditions?: RecordedCondition[];
  informatives?: string[];
  refusalReasons?: string[];
  groupId?: string;
}

export interface PendingTimer {
  id: string;
  dueAt: string;
  /** appeal-window: keeps a refused case open until its appeal window closes. */
  kind: 'step-due' | 'case-due' | 'missing-documents' | 'appeal-window' | 'notice' | 'threshold' | 'document-expiry';
  stepId?: string;
  /** For a document's expiry: the issued document it ends. */
  documentId?: string;
  /** For a threshold: its name. */
  name?: string;
}

/** A named consequence a clock threshold set on the case (e.g. 'fee-refund-due'). */
export interface CaseFlag {
  name: string;
  consequence: 'flag' | 'escalate' | 'notify';
  at: string;
}

export interface InformationItem {
  id: string;
  /** A clerk's own words, or a document type's label from the definition. */
  description: LocalizedText;
}

export interface InformationRequest {
  id: string;
  stepId: string;
  items: InformationItem[];
  requestedAt: string;
  requestedBy: Actor;
  reason?: string;
  /** The answer-by instant (end of its last day for day units), where the step's policy gives time to answer. */
  answerBy?: string;
  /** The last day to answer, for day units. */
  answerByDate?: string;
  /** closed: the step ended (decided, cancelled) while the request was still open. */
  status: 'open' | 'answered' | 'closed';
  answeredAt?: string;
  providedItemIds?: string[];
}

export interface MissingDocumentsNotice {
  stepId: string;
  items: InformationItem[];
  outstanding: string[];
  noticeAt: string;
  deadlineAt: string;
  deadlineDate?: string;
  status: 'open' | 'fulfilled' | 'lapsed';
}

export interface DocumentVersion {
  version: number;
  fileName: string;
  sha256: string;
  size: number;
  contentType: string;
  uploadedBy: Actor;
  uploadedAt: string;
  /** Why it was filed: with the submission, in answer to a request for information, or by staff. */
  context: 'submission' | 'information-answer' | 'staff';
}

/** One document of a case: its versions in order, the last one current. */
export interface CaseDocument {
  type: string;
  versions: DocumentVersion[];
}

export interface Extension {
  id: string;
  /** null: the case's statutory clock. */
  stepId: string | null;
  by: Duration;
  reason: string;
  proposedBy: Actor;
  proposedAt: string;
  /** agreement: the applicant accepts or declines; authority: a supervisor approves or declines. */
  basis?: 'agreement' | 'authority';
  /** The definition's extension ground it was proposed on, when the definition declares grounds. */
  ground?: string;
  status: 'proposed' | 'accepted' | 'declined';
  decidedAt?: string;
  decidedBy?: Actor;
}

export interface Pledge {
  statement: string;
  items: string[];
  by: Actor;
  at: string;
}

/** A document the case issued, as the reducer knows it: which, when, and on which step's outcome. */
export interface IssuedDocumentRef {
  /** `<kind>-<n>`, unique within the case. */
  documentId: string;
  kind: DocumentKind;
  /** null for a notice issued on a case-level event (the receipt, an extension of the case's clock). */
  stepId: string | null;
  outcome: string;
  at: string;
  /** When the document stops being in force (a definition's validFor). */
  validUntil?: string;
  /** What holds now (absent: valid, as every document was before documents had a lifecycle). */
  status?: IssuedDocumentStatus;
  /** Why and when the status last changed (a supervisor's reason, or the expiry). */
  statusReason?: string;
  statusAt?: string;
  /** A varied document: the id of the version that replaced it. */
  supersededBy?: string;
}

export interface ApprovalCondition {
  text: string;
  /** Absent on conditions recorded before conditions carried their reasons. */
  reason?: string;
  policy?: string;
  /** The definition's standard condition it was chosen as, read in each reader's language. */
  standard?: string;
  stepId: string;
  at: string;
}

export interface AppealRecord {
  grounds: string;
  by: Actor;
  at: string;
  outcome?: string;
}

export interface Decision {
  status: CaseStatus;
  stepId: string | null;
  outcome?: string;
  at: string;
  deemed?: boolean;
}

export interface CaseState {
  requestId: string;
  definitionKey: string;
  definitionVersion: number;
  requestType: string;
  jurisdiction: string;
  /** The engine rules the case was started under (absent on cases started before cases recorded them). */
  engineRules?: number;
  applicant: Actor;
  attributes: Record<string, AttributeValue>;
  submittedAt: string;
  status: CaseStatus;
  /** True once the case takes no further events other than an appeal within its window. */
  closed: boolean;
  seq: number;
  /** Time of the last event applied. */
  updatedAt: string;
  activeSteps: ActiveStep[];
  history: StepRecord[];
  timers: PendingTimer[];
  caseClock?: Clock;
  caseOverdue: boolean;
  informationRequests: InformationRequest[];
  missingDocuments?: MissingDocumentsNotice;
  /** Documents on file (absent until the first upload). */
  documents?: CaseDocument[];
  /** Documents the case issued (absent until the first): the rendering and numbering happen as they are recorded. */
  issued?: IssuedDocumentRef[];
  extensions: Extension[];
  pledge?: Pledge;
  conditions: ApprovalCondition[];
  appeal?: AppealRecord;
  /** While refused: the last moment an appeal may be lodged; cleared once the window closes unused. */
  appealDeadline?: string;
  /** The latest decision that set the case's status (approval, refusal, lapse, revocation…). */
  decision?: Decision;
  /** Activation counters per step id, so re-activated steps get fresh timer ids. */
  activations: Record<string, number>;
  /** Case-level clock pauses started by a supervisor for excluded activities (e.g. expert review). */
  manualPause?: { reason: string; at: string };
  /** Flags set by clock thresholds. */
  flags?: CaseFlag[];
  /**
   * A calendar revision published after the case started: it replaces the snapshot the case started with
   * (calendars are facts, not versions), and every clock was recounted on it.
   */
  calendar?: WorkingCalendar;
  calendarRevision?: number;
  /**
   * The version the case was migrated to (a law change): it replaces the snapshot the case started with, and
   * `definitionVersion` names it.
   */
  definition?: ProcessDefinition;
  /** Since when the case is on the public register (its definition's publication point was reached). */
  publishedAt?: string;
  /** The public comments published on the register (their ids), each once. */
  publishedComments?: string[];
  /** The consultee bodies invited, one entry per organisation, in the order invited. */
  consultations?: Consultation[];
  /** When the event anchoring each event-anchored action window last happened (first, without restart). */
  windowAnchors?: Record<string, string>;
}

/** What a consultee body says of the application. */
export type ConsulteePosition = 'no-objection' | 'comments' | 'objection';

export const CONSULTEE_POSITIONS: readonly ConsulteePosition[] = ['no-objection', 'comments', 'objection'];

/** One consultee body's consultation on the case. */
export interface Consultation {
  /** Its key in the consultee directory. */
  organisation: string;
  /** The step that consulted it. */
  stepId: string;
  invitedAt: string;
  /** Counted by the case's statutory clocks from the invitation; a later answer is accepted and marked late. */
  dueAt: string;
  /** The number of the one link that answers now: a re-send makes a new one, and the older ones stop answering. */
  link: number;
  status: 'invited' | 'answered' | 'revoked';
  respondedAt?: string;
  position?: ConsulteePosition;
  late?: boolean;
}
