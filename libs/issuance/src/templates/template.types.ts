import type { DocumentKind, Language, LocalizedText } from '@onewindow/domain';

/**
 * A versioned template: data, like a definition. An issued document records the version it was drawn
 * with, so a case decided years ago re-renders exactly as issued; a change of wording is a new version.
 */
export interface DocumentTemplate {
  kind: DocumentKind;
  version: number;
  title: LocalizedText;
  /** The sentence under the title; {applicant}, {title}, {outcome} are filled from the facts. */
  preamble: LocalizedText;
  /** Shown for the outcomes it names (all when absent). */
  sections: TemplateSection[];
  labels: Record<TemplateLabel, LocalizedText>;
  /** The languages the template is written in; rendering refuses any other. */
  languages: readonly Language[];
}

export type TemplateSection =
  | 'particulars'
  | 'decision'
  | 'conditions'
  | 'informatives'
  | 'refusal-reasons'
  | 'rights'
  | 'verification'
  /** A notice's items (every document asked for) and the deadline to supply them. */
  | 'items'
  /** An extension notice's new due date and its reason. */
  | 'extension';

export type TemplateLabel =
  | 'number'
  | 'issuedAt'
  | 'authority'
  | 'applicant'
  | 'request'
  | 'process'
  | 'reference'
  | 'outcome'
  | 'decidedAt'
  | 'reason'
  | 'conditions'
  | 'conditionReason'
  | 'policy'
  | 'informatives'
  | 'refusalReasons'
  | 'rights'
  | 'verification'
  | 'validUntil'
  | 'signed'
  | 'items'
  | 'deadline'
  | 'noticeReason'
  | 'newDueDate'
  | 'extensionReason';
