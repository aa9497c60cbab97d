import { Actor, CaseEvent, CaseState, checkEvent, ProcessContext } from '@onewindow/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An action the caller may take now, as the reducer says; the browser offers exactly these. */
export class LegalActionView {
  @ApiProperty({
    enum: [
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
    ],
  })
  type!: LegalActionType;
  @ApiPropertyOptional() stepId?: string;
  @ApiPropertyOptional() extensionId?: string;
  @ApiPropertyOptional({ type: [String], description: 'For decide: the outcomes that are legal now' })
  outcomes?: string[];
}

export type LegalActionType =
  | 'decide'
  | 'request-information'
  | 'claim'
  | 'release'
  | 'reassign'
  | 'answer-information'
  | 'give-notice'
  | 'accept-extension'
  | 'decline-extension'
  | 'propose-extension'
  | 'withdraw'
  | 'pledge'
  | 'appeal'
  | 'pause-clock'
  | 'resume-clock'
  | 'payment-confirmed'
  | 'inspection-result';

type Draft = CaseEvent extends infer E ? (E extends CaseEvent ? Omit<E, 'at' | 'actor'> : never) : never;

/**
 * Asks the reducer, for each action the caller could try, whether it would be accepted now. The
 * payloads are placeholders: the reducer's verdict on an action does not depend on free text.
 */
export function legalActions(ctx: ProcessContext, state: CaseState, actor: Actor, at: string): LegalActionView[] {
  const legal = (draft: Draft) => checkEvent(ctx, state, { ...draft, actor, at }) === null;
  const actions: LegalActionView[] = [];
  const placeholder = 'check';

  for (const step of state.activeSteps) {
    const stepId = step.stepId;
    const outcomes = step.outcomes.filter((outcome) => legal({ type: 'decide', stepId, outcome }));
    if (outcomes.length > 0) actions.push({ type: 'decide', stepId, outcomes });
    const asked = state.informationRequests.find((q) => q.stepId === stepId)?.items ?? [];
    const items = asked.length > 0 ? asked : [{ id: placeholder, description: placeholder }];
    if (legal({ type: 'request-information', stepId, items })) actions.push({ type: 'request-information', stepId });
    if (legal({ type: 'claim', stepId })) actions.push({ type: 'claim', stepId });
    if (legal({ type: 'release', stepId })) actions.push({ type: 'release', stepId });
    if (legal({ type: 'reassign', stepId, assignee: { id: `${actor.id}-colleague` } })) {
      actions.push({ type: 'reassign', stepId });
    }
    if (legal({ type: 'answer-information', stepId })) actions.push({ type: 'answer-information', stepId });
    if (legal({ type: 'give-notice', stepId })) actions.push({ type: 'give-notice', stepId });
    if (legal({ type: 'payment-confirmed', stepId, reference: placeholder })) {
      actions.push({ type: 'payment-confirmed', stepId });
    }
    if (legal({ type: 'inspection-result', stepId, passed: true })) actions.push({ type: 'inspection-result', stepId });
  }
  for (const extension of state.extensions) {
    const extensionId = extension.id;
    if (legal({ type: 'accept-extension', extensionId })) actions.push({ type: 'accept-extension', extensionId });
    if (legal({ type: 'decline-extension', extensionId })) actions.push({ type: 'decline-extension', extensionId });
  }
  const unit = state.caseClock?.duration.unit ?? 'workingDays';
  if (legal({ type: 'propose-extension', stepId: null, by: { value: 1, unit }, reason: placeholder })) {
    actions.push({ type: 'propose-extension' });
  }
  if (legal({ type: 'withdraw' })) actions.push({ type: 'withdraw' });
  if (legal({ type: 'pledge', statement: placeholder })) actions.push({ type: 'pledge' });
  if (legal({ type: 'appeal', grounds: placeholder })) actions.push({ type: 'appeal' });
  if (legal({ type: 'pause-clock', reason: placeholder })) actions.push({ type: 'pause-clock' });
  if (legal({ type: 'resume-clock' })) actions.push({ type: 'resume-clock' });
  return actions;
}
