import { gridConnectionDefinition } from '../definitions';
import { CaseDriver, clerkFor } from '../testing/case-driver';
import { statusView } from './status-view';

describe(statusView.name, () => {
  it('shows who holds the case, the due date and the days remaining on each clock', () => {
    const sut = CaseDriver.for(gridConnectionDefinition, { supplySource: 'single' }, '2026-03-02T09:00:00Z');
    sut.send({
      type: 'claim',
      stepId: 'supply-plan',
      at: '2026-03-02T10:00:00Z',
      actor: clerkFor('grid-utility', 'wang'),
    });

    const view = statusView(sut.ctx, sut.state, '2026-03-09T12:00:00Z');

    expect(view.steps).toEqual([
      expect.objectContaining({
        stepId: 'supply-plan',
        department: 'grid-utility',
        assignee: 'wang',
        dueDate: '2026-03-23',
        clock: expect.objectContaining({ remaining: 10, remainingUnit: 'workingDays', overdue: false }),
      }),
    ]);
    expect(view.caseClock).toMatchObject({ remaining: 35, dueDate: '2026-04-28' });
  });

  it('shows a stopped case clock while the customer designs', () => {
    const sut = CaseDriver.for(gridConnectionDefinition, {}, '2026-03-02T09:00:00Z');
    sut.decide('supply-plan', 'issued', '2026-03-09T09:00:00Z');

    const view = statusView(sut.ctx, sut.state, '2026-04-01T09:00:00Z');

    expect(view.status).toBe('awaiting_applicant');
    expect(view.caseClock).toMatchObject({ paused: true, remaining: 35 });
    expect(view.steps[0]).toMatchObject({ stepId: 'customer-design', role: 'applicant', clock: null });
  });
});
