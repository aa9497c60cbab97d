import type { Duration } from '../definition/process-definition.types';

/** The papers a case issues: a receipt, notices, the decision and the permit itself. */
export type DocumentKind = 'receipt' | 'information-notice' | 'extension-notice' | 'decision-notice' | 'permit';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'receipt',
  'information-notice',
  'extension-notice',
  'decision-notice',
  'permit',
];

/** What an issued document's status is now, for whoever holds it. */
export type IssuedDocumentStatus = 'valid' | 'varied' | 'suspended' | 'revoked' | 'expired';

export const ISSUED_DOCUMENT_STATUSES: readonly IssuedDocumentStatus[] = [
  'valid',
  'varied',
  'suspended',
  'revoked',
  'expired',
];

/** The kinds of document a supervisor can revoke, suspend, reinstate or vary, and that expire. */
export const LICENCE_KINDS: readonly DocumentKind[] = ['permit'];

/**
 * The case events a notice can be issued on, besides a step's outcome: the application received, information
 * requested (every item, at once), accepted with documents missing (every item and the deadline), and an
 * extension of time taking effect.
 */
export type NoticeEvent = 'submitted' | 'information-requested' | 'accepted-with-missing' | 'extension-granted';

export const NOTICE_EVENTS: readonly NoticeEvent[] = [
  'submitted',
  'information-requested',
  'accepted-with-missing',
  'extension-granted',
];

/**
 * A definition's declaration of which document is due at which transition: when `step` completes with one of
 * `outcomes` (any outcome when omitted), or when the event `on` happens, a document of `kind` is issued.
 * `validFor` makes it expire. A declaration names a step or an event, not both.
 */
export interface NoticeDeclaration {
  kind: DocumentKind;
  step?: string;
  outcomes?: string[];
  on?: NoticeEvent;
  validFor?: Duration;
}

/** A condition of a decision as data: what the applicant must do, why, and the policy it rests on. */
export interface DecisionCondition {
  text: string;
  reason: string;
  policy?: string;
  /** The key of the definition's standard condition this one is, when chosen as written there. */
  standard?: string;
}

/** A condition as recorded: decisions recorded before conditions were structured carry their text alone. */
export type RecordedCondition = string | DecisionCondition;

/** A recorded condition read the one way, whichever shape it was recorded in. */
export function conditionOf(condition: RecordedCondition): {
  text: string;
  reason?: string;
  policy?: string;
  standard?: string;
} {
  return typeof condition === 'string' ? { text: condition } : condition;
}
