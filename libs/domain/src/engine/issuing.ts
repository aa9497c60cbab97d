import type { Actor } from '../actor';
import type { StandardCondition } from '../definition/process-definition.types';
import type { DocumentKind, NoticeEvent } from '../documents/issued-document.types';
import type { IssuedDocumentRef } from './case-state.types';
import type { Reduction } from './reduction';
import { dueFrom } from './clock';

/**
 * The documents the definition declares for this step's outcome are due now: a pure fact, recorded as a
 * `document.issued` transition. Rendering, numbering and signing are I/O and happen as it is recorded.
 */
export function issueDeclaredDocuments(r: Reduction, stepId: string, outcome: string, by: Actor): void {
  for (const notice of r.ctx.definition.notices ?? []) {
    if (notice.on !== undefined || notice.step !== stepId) continue;
    if (notice.outcomes && !notice.outcomes.includes(outcome)) continue;
    const validUntil = notice.validFor ? dueFrom(r.calendar, r.at, notice.validFor).dueAt : undefined;
    issueDocument(r, { kind: notice.kind, stepId, outcome, ...(validUntil ? { validUntil } : {}) }, by);
  }
}

/** The transitions that are the events a notice can be declared on. */
const NOTICE_EVENT_OF: Readonly<Record<string, NoticeEvent>> = {
  submitted: 'submitted',
  'information.requested': 'information-requested',
  'missing-documents.notified': 'accepted-with-missing',
  'extension.accepted': 'extension-granted',
  'extension.granted': 'extension-granted',
};

/**
 * The notices the definition declares on events this reduction recorded (the receipt on submission, the
 * correction notice listing every item, the extension notice): issued after them, carrying what they print.
 */
export function issueEventNotices(r: Reduction): void {
  const notices = (r.ctx.definition.notices ?? []).filter((n) => n.on !== undefined);
  if (notices.length === 0) return;
  const issuedOn = new Set<NoticeEvent>();
  for (const t of [...r.transitions]) {
    const on = Object.hasOwn(NOTICE_EVENT_OF, t.event) ? NOTICE_EVENT_OF[t.event] : undefined;
    // One notice per event, however many transitions record it (a step's and the case's).
    if (on === undefined || issuedOn.has(on)) continue;
    issuedOn.add(on);
    for (const notice of notices.filter((n) => n.on === on)) {
      const data = t.data ?? {};
      const extension = r.state.extensions.find((x) => x.id === data.extensionId);
      const printed = {
        ...(Array.isArray(data.items) ? { items: data.items } : {}),
        ...(typeof data.deadlineAt === 'string' ? { deadlineAt: data.deadlineAt } : {}),
        ...(typeof data.dueAt === 'string' && on === 'extension-granted' ? { dueAt: data.dueAt } : {}),
        ...(t.reason !== undefined ? { reason: t.reason } : {}),
        ...(extension ? { reason: extension.reason } : {}),
      };
      issueDocument(r, { kind: notice.kind, stepId: t.stepId, outcome: t.outcome ?? notice.on!, printed }, t.actor);
    }
  }
}

/** Issues one document (a declared one, or the new version of a varied one) and returns its reference. */
export function issueDocument(
  r: Reduction,
  due: {
    kind: DocumentKind;
    stepId: string | null;
    outcome: string;
    validUntil?: string;
    supersedes?: string;
    /** What the notice prints beyond the case's particulars (the items asked for, a new due date). */
    printed?: Record<string, unknown>;
  },
  by: Actor,
): IssuedDocumentRef {
  const issued = (r.state.issued ??= []);
  const documentId = `${due.kind}-${issued.filter((d) => d.kind === due.kind).length + 1}`;
  const { kind, stepId, outcome, validUntil, supersedes, printed } = due;
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
      ...standardConditionsNamed(r),
      ...(validUntil ? { validUntil } : {}),
      ...(supersedes ? { supersedes } : {}),
      ...printed,
    },
  });
  return ref;
}

/**
 * The definition's standard conditions that the case's conditions were chosen as, in every language: a document
 * prints each in its own language rather than as the decider read it. Nothing when none was.
 */
function standardConditionsNamed(r: Reduction): { standardConditions?: StandardCondition[] } {
  const named = new Set(r.state.conditions.flatMap((c) => (c.standard ? [c.standard] : [])));
  if (named.size === 0) return {};
  return { standardConditions: (r.ctx.definition.standardConditions ?? []).filter((s) => named.has(s.key)) };
}
