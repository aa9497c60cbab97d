import type { DocumentKind, Language } from '@onewindow/domain';

/** A condition as printed: its text, why it is imposed, and the policy it rests on. */
export interface PrintedCondition {
  text: string;
  reason?: string;
  policy?: string;
}

/**
 * Everything an issued document shows, and nothing else: the bytes are a function of these facts, the
 * template version and the signing key. The case's own data is read once, in the recording transaction.
 */
export interface DocumentFacts {
  kind: DocumentKind;
  number: string;
  verificationCode: string;
  verificationUrl: string;
  /** ISO-8601 UTC: the recorded time of the transition that issued it. */
  issuedAt: string;
  jurisdiction: string;
  /** The jurisdiction's time zone: dates print as its local days. */
  timeZone: string;
  /** The issuing authority's name as printed (the definition's department or the deployment's). */
  authority: string;
  requestId: string;
  title: string;
  applicant: { id: string; name: string };
  definitionTitle: string;
  decision: {
    outcome: string;
    decidedAt: string;
    decidedBy: string;
    reason?: string;
    conditions: PrintedCondition[];
    informatives: string[];
    refusalReasons: string[];
  };
  /** What a notice issued on an event prints: every item asked for, by when, a new due date, why. */
  notice?: { items: string[]; deadlineAt?: string; dueAt?: string; reason?: string };
  /** Until when the document is valid, where the definition says so. */
  validUntil?: string;
  language: Language;
}
