import { buildingPermitDefinition } from '../../definitions';
import { CaseDriver, clerkFor, supervisorFor, system } from '../../testing/case-driver';
import { isSettled } from '../case-interpreter';
import { CURRENT_ENGINE_RULES, ENGINE_RULES } from '../engine-rules';
import { refusalOf } from '../case-engine';
import type { CaseEvent } from '../case-event.types';
import { changeDocumentStatus } from './issued-document.handler';

const SUPERVISOR = supervisorFor('building');
const SPRINKLERS = { text: 'Sprinklers before occupation', reason: 'Lithium battery storage' };

/** A building permit case that issued its permit on 2026-03-06 (valid for 1095 calendar days). */
function issuedPermit(sut = CaseDriver.for(buildingPermitDefinition, { floorAreaM2: 1200 }, '2026-03-02T09:00:00Z')) {
  sut.decide('intake', 'complete', '2026-03-02T10:00:00Z');
  for (const review of ['building-review', 'fire-review', 'environment-review']) {
    sut.decide(review, 'approved', '2026-03-03T10:00:00Z');
  }
  sut.decide('decision', 'approved', '2026-03-04T10:00:00Z', SUPERVISOR, { conditions: [SPRINKLERS] });
  sut.send({ type: 'payment-confirmed', stepId: 'fee', reference: 'PAY-1', at: '2026-03-05T10:00:00Z', actor: system });
  sut.decide('issuance', 'issued', '2026-03-06T10:00:00Z');
  return sut;
}

const change = (type: CaseEvent['type'], at: string, extra: Record<string, unknown> = {}) =>
  ({ type, documentId: 'permit-1', reason: 'Works breach condition 1', at, actor: SUPERVISOR, ...extra }) as CaseEvent;

const permit = (sut: CaseDriver, id = 'permit-1') => sut.state.issued?.find((d) => d.documentId === id);

describe(changeDocumentStatus.name, () => {
  it('keeps a case that issued a permit waiting on the permit, with its expiry as a timer', () => {
    const sut = issuedPermit();

    expect(sut.state.closed).toBe(true);
    expect(isSettled(sut.ctx, sut.state)).toBe(false);
    expect(sut.state.timers).toEqual([
      expect.objectContaining({ kind: 'document-expiry', documentId: 'permit-1', dueAt: permit(sut)?.validUntil }),
    ]);
  });

  it('suspends, reinstates and revokes a permit, each a transition with the reason, and then settles', () => {
    const sut = issuedPermit();

    sut.send(change('suspend-document', '2026-04-01T10:00:00Z'));
    expect(sut.last).toEqual([
      expect.objectContaining({
        event: 'document.suspended',
        fromState: 'valid',
        toState: 'suspended',
        reason: 'Works breach condition 1',
        data: expect.objectContaining({ documentId: 'permit-1', kind: 'permit' }),
      }),
    ]);
    expect(permit(sut)).toMatchObject({ status: 'suspended', statusAt: '2026-04-01T10:00:00Z' });

    sut.send(change('reinstate-document', '2026-04-02T10:00:00Z', { reason: 'Breach remedied' }));
    expect(sut.last[0]).toMatchObject({ event: 'document.reinstated', fromState: 'suspended', toState: 'valid' });

    sut.send(change('revoke-document', '2026-04-03T10:00:00Z', { reason: 'Permit obtained by false statement' }));
    expect(sut.last[0]).toMatchObject({ event: 'document.revoked', toState: 'revoked' });
    expect(permit(sut)).toMatchObject({ status: 'revoked', statusReason: 'Permit obtained by false statement' });
    expect(sut.state.timers).toEqual([]);
    expect(isSettled(sut.ctx, sut.state)).toBe(true);
  });

  it('varies a permit: a new version with the amended conditions, the old one superseded by it', () => {
    const sut = issuedPermit();
    const amended = [{ text: 'Sprinklers before first storage', reason: 'Lithium battery storage' }];

    sut.send(change('vary-document', '2026-05-01T10:00:00Z', { reason: 'Condition 1 amended', conditions: amended }));

    expect(sut.last.map((t) => t.event)).toEqual(['document.issued', 'document.varied']);
    expect(sut.last[0].data).toMatchObject({ documentId: 'permit-2', kind: 'permit', supersedes: 'permit-1' });
    expect(sut.last[1].data).toMatchObject({ documentId: 'permit-1', supersededBy: 'permit-2' });
    expect(permit(sut)).toMatchObject({ status: 'varied', supersededBy: 'permit-2' });
    expect(permit(sut, 'permit-2')).toMatchObject({ validUntil: permit(sut)?.validUntil });
    expect(sut.state.conditions).toEqual([{ ...amended[0], stepId: 'issuance', at: '2026-05-01T10:00:00Z' }]);
    expect(sut.state.timers.map((t) => t.id)).toEqual(['document-expiry:permit-2']);
  });

  it('expires the permit at the end of its validity, and the case then settles', () => {
    const sut = issuedPermit();
    const validUntil = permit(sut)?.validUntil;

    sut.fireNextTimer();

    expect(sut.last).toEqual([
      expect.objectContaining({
        event: 'document.expired',
        toState: 'expired',
        at: validUntil,
        data: expect.objectContaining({ documentId: 'permit-1', validUntil }),
      }),
    ]);
    expect(isSettled(sut.ctx, sut.state)).toBe(true);
  });

  it('refuses a change without a reason, by someone other than a supervisor, or from the wrong status', () => {
    const sut = issuedPermit();
    const refusal = (event: CaseEvent) => refusalOf(sut.ctx, sut.state, event);

    expect(refusal(change('revoke-document', '2026-04-01T10:00:00Z', { reason: ' ' }))?.message).toMatch(/reason/);
    expect(refusal(change('revoke-document', '2026-04-01T10:00:00Z', { actor: clerkFor('building') }))?.code).toBe(
      'NOT_ALLOWED',
    );
    expect(refusal(change('reinstate-document', '2026-04-01T10:00:00Z'))?.message).toMatch(/is valid/);
    expect(refusal(change('revoke-document', '2026-04-01T10:00:00Z', { documentId: 'decision-notice-1' }))?.code).toBe(
      'CONFLICT',
    );
    sut.send(change('revoke-document', '2026-04-01T10:00:00Z'));
    expect(refusal(change('suspend-document', '2026-04-02T10:00:00Z'))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/is revoked/),
    });
  });

  it('leaves a permit as issued in a case started under rules before the lifecycle, as that engine recorded it', () => {
    const current = CaseDriver.for(buildingPermitDefinition, { floorAreaM2: 1200 }, '2026-03-02T09:00:00Z');
    const sut = issuedPermit(new CaseDriver(current.ctx, { ...current.submission, engineRules: undefined }));

    expect(sut.state.engineRules).toBeUndefined();
    expect(sut.state.timers).toEqual([]);
    expect(isSettled(sut.ctx, sut.state)).toBe(true);
    expect(refusalOf(sut.ctx, sut.state, change('revoke-document', '2026-04-01T10:00:00Z'))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/before issued permits had a lifecycle/),
    });
    // Its history shows the workflow took the lifecycle patch: the same case, under the lifecycle.
    const adopted = { ...sut.ctx, historicEngineRules: ENGINE_RULES.permitLifecycle };
    expect(refusalOf(adopted, sut.state, change('revoke-document', '2026-04-01T10:00:00Z'))).toBeNull();
  });

  it('records the rules a case was started under in its state and its first transition', () => {
    const sut = issuedPermit();

    expect(sut.state.engineRules).toBe(CURRENT_ENGINE_RULES);
    expect(sut.transitions[0]).toMatchObject({ event: 'submitted', data: { engineRules: CURRENT_ENGINE_RULES } });
  });
});
