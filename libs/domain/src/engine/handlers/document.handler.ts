import { Refusal } from '../../domain-error';
import { findStep } from '../../definition/definition-index';
import type { DocumentTypeDefinition } from '../../definition/process-definition.types';
import { roleRefusal } from '../authorization';
import type { UploadDocumentEvent } from '../case-event.types';
import type { CaseDocument, DocumentVersion, InformationItem } from '../case-state.types';
import type { CaseView, Reduction } from '../reduction';

export function checkUploadDocument(v: CaseView, event: UploadDocumentEvent): Refusal | undefined {
  const role = roleRefusal(v, ['applicant', 'clerk', 'supervisor'], 'uploading a document');
  if (role) return role;
  const s = v.state;
  if (v.actor.role === 'applicant' && v.actor.id !== s.applicant.id) {
    return new Refusal('NOT_ALLOWED', `only the applicant of request '${s.requestId}' uploads its documents`);
  }
  if (documentTypeOf(v, event.documentType)) return undefined;
  const known = (v.ctx.definition.documents ?? []).map((t) => t.key);
  return new Refusal(
    'INVALID_EVENT',
    known.length === 0
      ? `definition '${v.ctx.definition.key}' declares no document types`
      : `unknown document type '${event.documentType}' (known: ${known.join(', ')})`,
    { known },
  );
}

/**
 * Files a new version of a document: the version before it stays in the history, the new one is
 * current for every reviewer. The content is already stored under its SHA-256; the transition is
 * what puts it on the case's hash chain.
 */
export function uploadDocument(r: Reduction, event: UploadDocumentEvent): void {
  const s = r.state;
  // checkUploadDocument refused a type the definition does not declare.
  const declared = documentTypeOf(r, event.documentType)!;
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

function documentTypeOf(v: CaseView, key: string): DocumentTypeDefinition | undefined {
  return (v.ctx.definition.documents ?? []).find((t) => t.key === key);
}

function uploadContext(r: CaseView): DocumentVersion['context'] {
  if (r.actor.role !== 'applicant') return 'staff';
  return r.state.informationRequests.some((q) => q.status === 'open') ? 'information-answer' : 'submission';
}

/** The document types required at `stepId` with no version on file yet. */
export function missingRequiredDocuments(v: CaseView, stepId: string): DocumentTypeDefinition[] {
  const onFile = new Set((v.state.documents ?? []).filter((d) => d.versions.length > 0).map((d) => d.type));
  return (v.ctx.definition.documents ?? []).filter((t) => t.requiredAt?.includes(stepId) && !onFile.has(t.key));
}

/** The missing required documents of a step as the items of a notice or request. */
export function missingDocumentItems(v: CaseView, stepId: string): InformationItem[] {
  return missingRequiredDocuments(v, stepId).map((t) => ({ id: t.key, description: t.title }));
}

/**
 * The completeness check: a step that requires documents is not accepted while one is missing. With a
 * missing-documents policy only its accepting outcome is held back (the others send the case back).
 */
export function requiredDocumentsRefusal(v: CaseView, stepId: string, outcome: string): Refusal | undefined {
  const step = findStep(v.ctx.definition, stepId)?.step;
  if (!step) return v.notActive(stepId);
  const accepting = 'missingDocuments' in step && step.missingDocuments ? step.missingDocuments.outcome : undefined;
  if (accepting !== undefined && outcome !== accepting) return undefined;
  const missing = missingRequiredDocuments(v, stepId);
  if (missing.length === 0) return undefined;
  return new Refusal(
    'NOT_ALLOWED',
    `step '${stepId}' needs document(s) not on file: ${missing.map((m) => m.key).join(', ')}; ` +
      'request them or accept with missing documents',
    { missing: missing.map((m) => m.key) },
  );
}

export type { CaseDocument };
