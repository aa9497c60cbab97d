import { buildingPermitDefinition, gridConnectionDefinition } from '../../definitions';
import { applicant, CaseDriver, clerkFor, system } from '../../testing/case-driver';
import { rejectionReason } from '../case-engine';
import type { RequestInformationEvent } from '../case-event.types';
import { acceptWithMissing, answerInformation, requestInformation, verifyDocument } from './information.handler';

const building = clerkFor('building');
const items = [
  { id: 'site-plan', description: 'Site plan at 1:500' },
  { id: 'soil-report', description: 'Geotechnical report' },
];

describe(requestInformation.name, () => {
  it('stops the completeness clock and waits on the applicant', () => {
    const sut = CaseDriver.for(buildingPermitDefinition);
    sut.send({ type: 'request-information', stepId: 'intake', items, at: '2026-03-05T10:00:00Z', actor: building });

    expect(sut.state.status).toBe('awaiting_applicant');
    expect(sut.step('intake').state).toBe('awaiting_applicant');
    expect(sut.step('intake').dueAt).toBeUndefined();
    expect(sut.state.timers).toEqual([]);
    expect(sut.last.map((t) => [t.stepId, t.event, t.toState])).toEqual([
      ['intake', 'information.requested', 'awaiting_applicant'],
      ['intake', 'document.issued', 'issued'],
      [null, 'information.requested', 'awaiting_applicant'],
    ]);
  });

  it('on an exhaustive step, refuses a later request that adds items', () => {
    const sut = CaseDriver.for(buildingPermitDefinition);
    sut.send({ type: 'request-information', stepId: 'intake', items, at: '2026-03-05T10:00:00Z', actor: building });
    sut.send({
      type: 'answer-information',
      stepId: 'intake',
      itemIds: ['site-plan'],
      at: '2026-03-09T10:00:00Z',
      actor: applicant,
    });
    const again: RequestInformationEvent = {
      type: 'request-information',
      stepId: 'intake',
      items: [items[1], { id: 'parking', description: 'Parking layout' }],
      at: '2026-03-10T10:00:00Z',
      actor: building,
    };

    expect(rejectionReason(sut.ctx, sut.state, again)).toBe(
      "step 'intake' takes one exhaustive list: item(s) 'parking' were not in the first request 'rfi-1'",
    );
    expect(rejectionReason(sut.ctx, sut.state, { ...again, items: [items[1]] })).toBeNull();
  });

  it('refuses a second open request and steps that take none', () => {
    const sut = CaseDriver.for(buildingPermitDefinition);
    sut.send({ type: 'request-information', stepId: 'intake', items, at: '2026-03-05T10:00:00Z', actor: building });

    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'request-information',
        stepId: 'intake',
        items,
        at: '2026-03-05T11:00:00Z',
        actor: building,
      }),
    ).toBe("step 'intake' already waits on request 'rfi-1'");
  });

  it('stops a member review, its review group and (where the definition says so) the case clock', () => {
    const sut = CaseDriver.for(gridConnectionDefinition, { loadKw: 8000 }, '2026-03-02T09:00:00Z');
    sut.send({
      type: 'request-information',
      stepId: 'supply-plan',
      items: [{ id: 'load-profile', description: 'Hourly load profile' }],
      at: '2026-03-04T09:00:00Z',
      actor: clerkFor('grid-utility'),
    });

    expect(sut.state.caseClock?.pausedBy).toEqual(['rfi:rfi-1']);
    expect(sut.last.map((t) => t.event)).toContain('clock.paused');
  });
});

describe(answerInformation.name, () => {
  it('restarts the completeness clock from the resubmittal', () => {
    const sut = CaseDriver.for(buildingPermitDefinition);
    sut.send({ type: 'request-information', stepId: 'intake', items, at: '2026-03-20T10:00:00Z', actor: building });
    sut.send({ type: 'answer-information', stepId: 'intake', at: '2026-04-10T10:00:00Z', actor: applicant });

    expect(sut.state.status).toBe('in_progress');
    expect(sut.step('intake').dueDate).toBe('2026-05-10');
    expect(sut.last[0]).toMatchObject({ event: 'information.provided', data: { clock: 'restarted', missing: [] } });
  });

  it('resumes a review clock where it stopped, shifting the due date by the paused time', () => {
    const sut = CaseDriver.for(buildingPermitDefinition, {}, '2026-03-02T09:00:00Z');
    sut.decide('intake', 'complete', '2026-03-02T10:00:00Z');
    const before = sut.step('plan-review').dueDate;
    sut.send({
      type: 'request-information',
      stepId: 'fire-review',
      items: [{ id: 'egress', description: 'Egress widths' }],
      at: '2026-03-04T10:00:00Z',
      actor: clerkFor('fire'),
    });
    sut.send({ type: 'answer-information', stepId: 'fire-review', at: '2026-03-11T10:00:00Z', actor: applicant });

    expect(before).toBe('2026-03-30');
    // 18 working days were left on 4 March; counted again from 11 March, skipping Cesar Chavez Day (31 March).
    expect(sut.step('plan-review').dueDate).toBe('2026-04-07');
    expect(sut.step('fire-review').dueDate).toBe('2026-04-07');
  });

  it('is for the applicant only, and only when a request is open', () => {
    const sut = CaseDriver.for(buildingPermitDefinition);

    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'answer-information',
        stepId: 'intake',
        at: '2026-03-03T10:00:00Z',
        actor: applicant,
      }),
    ).toBe("step 'intake' has no open request for information");
    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'answer-information',
        stepId: 'intake',
        at: '2026-03-03T10:00:00Z',
        actor: building,
      }),
    ).toBe('answering a request for information is for applicant, not clerk');
  });
});

describe(acceptWithMissing.name, () => {
  function accepted() {
    const sut = CaseDriver.for(buildingPermitDefinition, {}, '2026-03-02T09:00:00Z');
    sut.send({ type: 'accept-with-missing', stepId: 'intake', items, at: '2026-03-03T09:00:00Z', actor: building });
    return sut;
  }

  it('accepts the application now with one notice of what is missing and a deadline', () => {
    const sut = accepted();

    expect(sut.active()).toContain('plan-review');
    // 20 working days from 3 March, skipping Cesar Chavez Day (31 March).
    expect(sut.state.missingDocuments).toMatchObject({
      outstanding: ['site-plan', 'soil-report'],
      deadlineDate: '2026-04-01',
    });
    expect(sut.state.timers.map((t) => t.id)).toContain('missing-documents');
    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'accept-with-missing',
        stepId: 'intake',
        items,
        at: '2026-03-03T09:00:00Z',
        actor: building,
      }),
    ).toBe("step 'intake' is not active");
  });

  it('lapses the case when the deadline passes with items outstanding', () => {
    const sut = accepted();
    const timer = sut.state.timers.find((t) => t.id === 'missing-documents');
    sut.send({ type: 'timer', timerId: 'missing-documents', at: timer?.dueAt ?? '', actor: system });

    expect(sut.state.status).toBe('lapsed');
    expect(sut.state.activeSteps).toEqual([]);
    expect(sut.state.closed).toBe(true);
  });

  it('clears the notice once every item is verified', () => {
    const sut = accepted();
    sut.send({ type: 'document-verified', itemId: 'site-plan', at: '2026-03-10T09:00:00Z', actor: system });
    sut.send({
      type: 'document-verified',
      itemId: 'soil-report',
      documentId: 'doc-9',
      at: '2026-03-11T09:00:00Z',
      actor: system,
    });

    expect(sut.state.missingDocuments?.status).toBe('fulfilled');
    expect(sut.state.timers.map((t) => t.id)).not.toContain('missing-documents');
    expect(sut.last.map((t) => t.event)).toEqual(['document.verified', 'missing-documents.fulfilled']);
  });

  it(`${verifyDocument.name} refuses items not on the notice`, () => {
    const sut = accepted();

    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'document-verified',
        itemId: 'x',
        at: '2026-03-10T09:00:00Z',
        actor: system,
      }),
    ).toBe("item 'x' is not outstanding on the missing-documents notice");
  });
});
