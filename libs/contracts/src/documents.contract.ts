import type { DocumentKind, Language } from '@onewindow/domain';
import type { BatchedTransition, TransitionBatch } from './record.contract';

/** One language's rendering of an issued document, as stored. */
export interface IssuedRendition {
  language: Language;
  sha256: string;
  size: number;
}

/** What issuing a document adds to its `document.issued` transition (and so to the hash chain). */
export interface IssuedDocumentData {
  documentId: string;
  kind: DocumentKind;
  number: string;
  verificationCode: string;
  templateVersion: number;
  /** The issuing authority, as the signing certificate names it. */
  authority: string;
  renditions: IssuedRendition[];
  validUntil?: string;
}

/**
 * Renders, signs and stores a document while its transition is being recorded: the recording transaction
 * has allocated the number (and holds its series' counter row), so a document that fails to render or store
 * rolls back with its number, and numbers stay gapless.
 */
export interface DocumentIssuer {
  /** The numbering series of a document: its jurisdiction and year. */
  seriesOf(batch: TransitionBatch, transition: BatchedTransition): { series: string; prefix: string };
  issue(batch: TransitionBatch, transition: BatchedTransition, number: string): Promise<IssuedDocumentData>;
}
