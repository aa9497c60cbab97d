import { DomainError } from '../../domain-error';
import type { DocumentTypeDefinition } from '../../definition/process-definition.types';
import { assertRole } from '../authorization';
import type { UploadDocumentEvent } from '../case-event.types';
import type { CaseDocument, DocumentVersion, InformationItem } from '../case-state.types';
import type { Reduction } from '../reduction';

/**
 * Files a new version of a document: the version before it stays in the history, the new one is
 * current for every reviewer. The content is already stored under its SHA-256; the transition is
 * what puts it on the case's hash chain.
 */
export function uploadDocument(r: Reduction, event: UploadDocumentEvent): void {
  assertRole(r, ['applicant', 'clerk', 'supervisor'], 'uploading a document');
  const s = r.state;
  if (r.actor.role === 'applicant' && r.actor.id !== s.applicant.id) {
    throw new DomainError('NOT_ALLOWED', `only the applicant of request '${s.requestId}' uploads its documents`);
  }
  const declared = documentTypeOf(r, event.documentType);
  s.documents ??= [];
  let document = s.documents.find((d) => d.type === declared.key);
  if (!document) {
    document = { type: declared.key, versions: [] };
    s.documents.push(document);
  }
  const previous = document.versions[document.versions.length - 1];
  const version: DocumentVersion = {
    version: document.versions.length + 1,
    fileName: event.fileName,
    sha256: event.sha256,
    size: event.size,
    contentType: event.contentType,
    uploadedBy: r.actor,
    uploadedAt: r.at,
    context: uploadContext(r),
  };
  document.versions.push(version);
  r.emit({
    stepId: null,
    event: 'document.uploaded',
    fromState: s.status,
    toState: s.status,
    data: {
      documentType: declared.key,
      version: version.version,
      fileName: version.fileName,
      sha256: version.sha256,
      size: version.size,
      contentType: version.contentType,
      context: version.context,
      ...(previous ? { supersedes: previous.version } : {}),
    },
  });
}

function documentTypeOf(r: Reduction, key: string): DocumentTypeDefinition {
  const types = r.ctx.definition.documents ?? [];
  const found = types.find((t) => t.key === key);
  if (found) return found;
  const known = types.map((t) => t.key);
  throw new DomainError(
    'INVALID_EVENT',
    known.length === 0
      ? `definition '${r.ctx.definition.key}' declares no document types`
      : `unknown document type '${key}' (known: ${known.join(', ')})`,
    { known },
  );
}

function uploadContext(r: Reduction): DocumentVersion['context'] {
  if (r.actor.role !== 'applicant') return 'staff';
  return r.state.informationRequests.some((q) => q.status === 'open') ? 'information-answer' : 'submission';
}

/** The document types required at `stepId` with no version on file yet. */
export function missingRequiredDocuments(r: Reduction, stepId: string): DocumentTypeDefinition[] {
  const onFile = new Set((r.state.documents ?? []).filter((d) => d.versions.length > 0).map((d) => d.type));
  return (r.ctx.definition.documents ?? []).filter((t) => t.requiredAt?.includes(stepId) && !onFile.has(t.key));
}

/** The missing required documents of a step as the items of a notice or request. */
export function missingDocumentItems(r: Reduction, stepId: string): InformationItem[] {
  return missingRequiredDocuments(r, stepId).map((t) => ({ id: t.key, description: t.title }));
}

/**
 * The completeness check: a step that requires documents is not accepted while one is missing. With a
 * missing-documents policy only its accepting outcome is held back (the others send the case back).
 */
export function assertRequiredDocuments(r: Reduction, stepId: string, outcome: string): void {
  const step = r.definitionOf(stepId).step;
  const accepting = 'missingDocuments' in step && step.missingDocuments ? step.missingDocuments.outcome : undefined;
  if (accepting !== undefined && outcome !== accepting) return;
  const missing = missingRequiredDocuments(r, stepId);
  if (missing.length === 0) return;
  throw new DomainError(
    'NOT_ALLOWED',
    `step '${stepId}' needs document(s) not on file: ${missing.map((m) => m.key).join(', ')}; ` +
      'request them or accept with missing documents',
    { missing: missing.map((m) => m.key) },
  );
}

export type { CaseDocument };
