import type { Actor } from '../actor';
import type { Reduction } from './reduction';
import { dueFrom } from './clock';

/**
 * The documents the definition declares for this step's outcome are due now: a pure fact, recorded as a
 * `document.issued` transition. Rendering, numbering and signing are I/O and happen as it is recorded.
 */
export function issueDeclaredDocuments(r: Reduction, stepId: string, outcome: string, by: Actor): void {
  for (const notice of r.ctx.definition.notices ?? []) {
    if (notice.step !== stepId || (notice.outcomes && !notice.outcomes.includes(outcome))) continue;
    const issued = (r.state.issued ??= []);
    const documentId = `${notice.kind}-${issued.filter((d) => d.kind === notice.kind).length + 1}`;
    const validUntil = notice.validFor ? dueFrom(r.calendar, r.at, notice.validFor).dueAt : undefined;
    issued.push({ documentId, kind: notice.kind, stepId, outcome, at: r.at, ...(validUntil ? { validUntil } : {}) });
    r.emit({
      stepId,
      event: 'document.issued',
      fromState: 'due',
      toState: 'issued',
      actor: by,
      outcome,
      data: {
        documentId,
        kind: notice.kind,
        process: r.ctx.definition.title,
        ...(validUntil ? { validUntil } : {}),
      },
    });
  }
}
