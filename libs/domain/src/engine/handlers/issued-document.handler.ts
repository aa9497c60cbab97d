import { Refusal } from '../../domain-error';
import { LICENCE_KINDS, type IssuedDocumentStatus } from '../../documents/issued-document.types';
import { roleRefusal } from '../authorization';
import type {
  ReinstateDocumentEvent,
  RevokeDocumentEvent,
  SuspendDocumentEvent,
  VaryDocumentEvent,
} from '../case-event.types';
import type { CaseState, IssuedDocumentRef } from '../case-state.types';
import { hasPermitLifecycle } from '../engine-rules';
import type { ProcessContext } from '../process-context.types';
import { issueDocument } from '../issuing';
import type { CaseView, Reduction } from '../reduction';

/*
 * The lifecycle of an issued permit: a supervisor revokes, suspends, reinstates or varies it, and it expires at
 * the end of its validity. Each change is a transition on the case's chain, so the verification page and the
 * auditor read the same facts.
 */

/** What a document's status is now (documents recorded before they had a lifecycle are valid). */
export function statusOf(document: IssuedDocumentRef): IssuedDocumentStatus {
  return document.status ?? 'valid';
}

/** In force, or suspended and so able to come back into force: the case must still be able to act on it. */
function isLive(document: IssuedDocumentRef): boolean {
  const status = statusOf(document);
  return LICENCE_KINDS.includes(document.kind) && (status === 'valid' || status === 'suspended');
}

/** The permits the case issued that are in force or suspended, whatever rules the case runs under. */
export function licencesInForce(state: CaseState): IssuedDocumentRef[] {
  return (state.issued ?? []).filter(isLive);
}

/**
 * The permits whose status can still change: while one exists, the case waits on it. Under rules without the
 * permit lifecycle, none: a permit stays as issued.
 */
export function liveLicences(ctx: ProcessContext, state: CaseState): IssuedDocumentRef[] {
  return hasPermitLifecycle(ctx, state) ? licencesInForce(state) : [];
}

type StatusChange = RevokeDocumentEvent | SuspendDocumentEvent | ReinstateDocumentEvent | VaryDocumentEvent;

/** From which statuses each change may be made. */
const ALLOWED_FROM: Record<StatusChange['type'], readonly IssuedDocumentStatus[]> = {
  'revoke-document': ['valid', 'suspended'],
  'suspend-document': ['valid'],
  'reinstate-document': ['suspended'],
  'vary-document': ['valid'],
};

const WHAT: Record<StatusChange['type'], string> = {
  'revoke-document': 'revoked',
  'suspend-document': 'suspended',
  'reinstate-document': 'reinstated',
  'vary-document': 'varied',
};

export function checkDocumentChange(v: CaseView, event: StatusChange): Refusal | undefined {
  const role = roleRefusal(v, ['supervisor'], 'changing an issued document');
  if (role) return role;
  if (!hasPermitLifecycle(v.ctx, v.state)) {
    return new Refusal(
      'CONFLICT',
      'the case was decided before issued permits had a lifecycle: its permit stays as issued',
    );
  }
  if (!event.reason.trim()) return new Refusal('INVALID_EVENT', `${event.type}.reason: a reason is required`);
  const document = v.state.issued?.find((d) => d.documentId === event.documentId);
  if (!document) {
    return new Refusal('CONFLICT', `the case issued no document '${event.documentId}'`, {
      documentId: event.documentId,
    });
  }
  if (!LICENCE_KINDS.includes(document.kind)) {
    return new Refusal('CONFLICT', `a ${document.kind} cannot be ${WHAT[event.type]}; only a permit can`);
  }
  const status = statusOf(document);
  if (!ALLOWED_FROM[event.type].includes(status)) {
    return new Refusal('CONFLICT', `document '${document.documentId}' is ${status} and cannot be ${WHAT[event.type]}`, {
      status,
    });
  }
  return undefined;
}

const NEW_STATUS: Record<Exclude<StatusChange['type'], 'vary-document'>, IssuedDocumentStatus> = {
  'revoke-document': 'revoked',
  'suspend-document': 'suspended',
  'reinstate-document': 'valid',
};

export function changeDocumentStatus(
  r: Reduction,
  event: RevokeDocumentEvent | SuspendDocumentEvent | ReinstateDocumentEvent,
): void {
  const document = documentOf(r, event.documentId);
  setStatus(r, document, NEW_STATUS[event.type], `document.${WHAT[event.type]}`, event.reason);
}

export function varyDocument(r: Reduction, event: VaryDocumentEvent): void {
  const document = documentOf(r, event.documentId);
  if (event.conditions) {
    r.state.conditions = event.conditions.map((c) => ({ ...c, stepId: document.stepId ?? '', at: r.at }));
  }
  const { kind, stepId, outcome, validUntil } = document;
  const varied = issueDocument(
    r,
    { kind, stepId, outcome, ...(validUntil ? { validUntil } : {}), supersedes: document.documentId },
    r.actor,
  );
  document.supersededBy = varied.documentId;
  setStatus(r, document, 'varied', 'document.varied', event.reason, {
    supersededBy: varied.documentId,
    ...(event.conditions ? { conditions: event.conditions } : {}),
  });
}

/** The expiry timer of a live permit fired: it is no longer in force. */
export function expireDocument(r: Reduction, documentId: string): void {
  const document = documentOf(r, documentId);
  setStatus(r, document, 'expired', 'document.expired', 'validity period ended', {
    validUntil: document.validUntil,
  });
}

export function checkDocumentExpiry(v: CaseView, documentId: string): Refusal | undefined {
  const document = liveLicences(v.ctx, v.state).find((d) => d.documentId === documentId);
  if (!document || document.validUntil === undefined) {
    return new Refusal('UNKNOWN_TIMER', `no document '${documentId}' in force expires`);
  }
  return undefined;
}

function documentOf(r: Reduction, documentId: string): IssuedDocumentRef {
  // The event's check made sure the document exists.
  return r.state.issued!.find((d) => d.documentId === documentId)!;
}

function setStatus(
  r: Reduction,
  document: IssuedDocumentRef,
  status: IssuedDocumentStatus,
  event: string,
  reason: string,
  data: Record<string, unknown> = {},
): void {
  const from = statusOf(document);
  document.status = status;
  document.statusReason = reason;
  document.statusAt = r.at;
  r.emit({
    stepId: null,
    event,
    fromState: from,
    toState: status,
    reason,
    data: { documentId: document.documentId, kind: document.kind, reason, ...data },
  });
}
