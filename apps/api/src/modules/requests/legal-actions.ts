import { Actor, CaseEvent, CaseState, ProcessContext, refusalOf } from '@onewindow/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Every kind of action the status page may offer. */
export const LEGAL_ACTION_TYPES = [
  'decide',
  'request-information',
  'claim',
  'release',
  'reassign',
  'answer-information',
  'give-notice',
  'accept-extension',
  'decline-extension',
  'propose-extension',
  'withdraw',
  'pledge',
  'appeal',
  'pause-clock',
  'resume-clock',
  'payment-confirmed',
  'inspection-result',
] as const;

/** An action the caller may take now, as the reducer says; the browser offers exactly these. */
export class LegalActionView {
  @ApiProperty({ enum: LEGAL_ACTION_TYPES })
  type!: LegalActionType;
  @ApiPropertyOptional() stepId?: string;
  @ApiPropertyOptional() extensionId?: string;
  @ApiPropertyOptional({ type: [String], description: 'For decide: the outcomes that are legal now' })
  outcomes?: string[];
}

export type LegalActionType = (typeof LEGAL_ACTION_TYPES)[number];

type Draft = CaseEvent extends infer E ? (E extends CaseEvent ? Omit<E, 'at' | 'actor'> : never) : never;

/** An action the caller could try, and the event the reducer is asked about (a decide per outcome). */
export interface CandidateAction {
  view: LegalActionView;
  draft: Draft;
}

/**
 * Asks the reducer's rules (`refusalOf`, which builds no Error), for each action the caller could try, whether it
 * would be accepted now; the browser offers the outcomes of a step together.
 */
export function legalActions(ctx: ProcessContext, state: CaseState, actor: Actor, at: string): LegalActionView[] {
  const actions: LegalActionView[] = [];
  for (const { view, draft } of candidateActions(state, actor)) {
    if (refusalOf(ctx, state, { ...draft, actor, at }) !== null) continue;
    const last = actions.at(-1);
    if (draft.type === 'decide' && last?.type === 'decide' && last.stepId === draft.stepId) {
      last.outcomes?.push(draft.outcome);
    } else {
      actions.push(view);
    }
  }
  return actions;
}

/**
 * Every action the caller could try now, in the order the page lists them. The payloads are placeholders: the
 * reducer's verdict on an action does not depend on free text.
 */
export function candidateActions(state: CaseState, actor: Actor): CandidateAction[] {
  const candidates: CandidateAction[] = [];
  const placeholder = 'check';
  const add = (view: LegalActionView, draft: Draft) => candidates.push({ view, draft });

  for (const step of state.activeSteps) {
    const stepId = step.stepId;
    for (const outcome of step.outcomes)
      add({ type: 'decide', stepId, outcomes: [outcome] }, { type: 'decide', stepId, outcome });
    const asked = state.informationRequests.find((q) => q.stepId === stepId)?.items ?? [];
    const items = asked.length > 0 ? asked : [{ id: placeholder, description: placeholder }];
    add({ type: 'request-information', stepId }, { type: 'request-information', stepId, items });
    add({ type: 'claim', stepId }, { type: 'claim', stepId });
    add({ type: 'release', stepId }, { type: 'release', stepId });
    add({ type: 'reassign', stepId }, { type: 'reassign', stepId, assignee: { id: `${actor.id}-colleague` } });
    add({ type: 'answer-information', stepId }, { type: 'answer-information', stepId });
    add({ type: 'give-notice', stepId }, { type: 'give-notice', stepId });
    add({ type: 'payment-confirmed', stepId }, { type: 'payment-confirmed', stepId, reference: placeholder });
    add({ type: 'inspection-result', stepId }, { type: 'inspection-result', stepId, passed: true });
  }
  for (const extension of state.extensions) {
    const extensionId = extension.id;
    add({ type: 'accept-extension', extensionId }, { type: 'accept-extension', extensionId });
    add({ type: 'decline-extension', extensionId }, { type: 'decline-extension', extensionId });
  }
  const unit = state.caseClock?.duration.unit ?? 'workingDays';
  add(
    { type: 'propose-extension' },
    { type: 'propose-extension', stepId: null, by: { value: 1, unit }, reason: placeholder },
  );
  add({ type: 'withdraw' }, { type: 'withdraw' });
  add({ type: 'pledge' }, { type: 'pledge', statement: placeholder });
  add({ type: 'appeal' }, { type: 'appeal', grounds: placeholder });
  add({ type: 'pause-clock' }, { type: 'pause-clock', reason: placeholder });
  add({ type: 'resume-clock' }, { type: 'resume-clock' });
  return candidates;
}

/** What a supervisor may do to an issued document, and the event each is. */
const DOCUMENT_ACTIONS = {
  revoke: 'revoke-document',
  suspend: 'suspend-document',
  reinstate: 'reinstate-document',
  vary: 'vary-document',
} as const;

export type DocumentActionType = keyof typeof DOCUMENT_ACTIONS;
export const DOCUMENT_ACTION_TYPES = Object.keys(DOCUMENT_ACTIONS) as DocumentActionType[];

/** The changes the caller may make to an issued document now, as the reducer says. */
export function documentActions(
  ctx: ProcessContext,
  state: CaseState,
  actor: Actor,
  documentId: string,
  at: string,
): DocumentActionType[] {
  return DOCUMENT_ACTION_TYPES.filter(
    (action) =>
      refusalOf(ctx, state, { type: DOCUMENT_ACTIONS[action], documentId, reason: 'check', actor, at }) === null,
  );
}
