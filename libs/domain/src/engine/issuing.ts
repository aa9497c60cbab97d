import type { Actor } from '../actor';
import type { DocumentKind } from '../documents/issued-document.types';
import type { IssuedDocumentRef } from './case-state.types';
import type { Reduction } from './reduction';
import { dueFrom } from './clock';

/**
 * The documents the definition declares for this step's outcome are due now: a pure fact, recorded as a
 * `document.issued` transition. Rendering, numbering and signing are I/O and happen as it is recorded.
 */
export function issueDeclaredDocuments(r: Reduction, stepId: string, outcome: string, by: Actor): void {
  for (const notice of r.ctx.definition.notices ?? []) {
    if (notice.step !== stepId || (notice.outcomes && !notice.outcomes.includes(outcome))) continue;
    const validUntil = notice.validFor ? dueFrom(r.calendar, r.at, notice.validFor).dueAt : undefined;
    issueDocument(r, { kind: notice.kind, stepId, outcome, ...(validUntil ? { validUntil } : {}) }, by);
  }
}

/** Issues one document (a declared one, or the new version of a varied one) and returns its reference. */
export function issueDocument(
  r: Reduction,
  due: { kind: DocumentKind; stepId: string; outcome: string; validUntil?: string; supersedes?: string },
  by: Actor,
): IssuedDocumentRef {
  const issued = (r.state.issued ??= []);
  const documentId = `${due.kind}-${issued.filter((d) => d.kind === due.kind).length + 1}`;
  const { kind, stepId, outcome, validUntil, supersedes } = due;
  const ref: IssuedDocumentRef = { documentId, kind, stepId, outcome, at: r.at, ...(validUntil ? { validUntil } : {}) };
  issued.push(ref);
  r.emit({
    stepId,
    event: 'document.issued',
    fromState: 'due',
    toState: 'issued',
    actor: by,
    outcome,
    data: {
      documentId,
      kind,
      process: r.ctx.definition.title,
      ...(validUntil ? { validUntil } : {}),
      ...(supersedes ? { supersedes } : {}),
    },
  });
  return ref;
}
