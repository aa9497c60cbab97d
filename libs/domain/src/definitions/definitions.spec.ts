import { applicant, CaseDriver, clerkFor, supervisorFor, system } from '../testing/case-driver';
import { buildingPermitDefinition, builtInDefinitions, gridConnectionDefinition, landUseDefinition } from '.';

describe('built-in definitions', () => {
  it('have unique keys and follow the three request families', () => {
    expect(builtInDefinitions.map((d) => [d.key, d.requestType, d.jurisdiction])).toEqual([
      ['building-permit', 'permit', 'us-ca'],
      ['land-use', 'land-use', 'gb-eng'],
      ['grid-connection', 'infrastructure', 'cn'],
    ]);
  });

  describe(buildingPermitDefinition.key, () => {
    it('runs to approval with an inspection when one is required', () => {
      const sut = CaseDriver.for(buildingPermitDefinition, { inspectionRequired: true }, '2026-03-02T09:00:00Z');
      sut.decide('intake', 'complete', '2026-03-02T10:00:00Z');
      for (const id of ['building-review', 'fire-review', 'environment-review'])
        sut.decide(id, 'approved', '2026-03-03T10:00:00Z');
      sut.decide('decision', 'approved', '2026-03-04T10:00:00Z', supervisorFor('building'), {
        conditions: ['Noise limits'],
      });
      sut.send({ type: 'payment-confirmed', stepId: 'fee', reference: 'P', at: '2026-03-05T10:00:00Z', actor: system });
      sut.decide('issuance', 'issued', '2026-03-06T10:00:00Z');
      expect(sut.state).toMatchObject({ status: 'approved', closed: false });

      sut.send({
        type: 'inspection-result',
        stepId: 'inspection',
        passed: false,
        findings: 'Rails',
        at: '2026-05-01T10:00:00Z',
        actor: system,
      });
      sut.decide('inspection-rework', 'remedied', '2026-05-08T10:00:00Z', applicant);
      sut.send({
        type: 'inspection-result',
        stepId: 'inspection',
        passed: true,
        at: '2026-05-12T10:00:00Z',
        actor: clerkFor('building'),
      });

      expect(sut.state).toMatchObject({ status: 'approved', closed: true });
      expect(sut.state.conditions).toEqual([{ text: 'Noise limits', stepId: 'decision', at: '2026-03-04T10:00:00Z' }]);
    });

    it('refuses, and lets the applicant appeal to the board', () => {
      const sut = CaseDriver.for(buildingPermitDefinition, {}, '2026-03-02T09:00:00Z');
      sut.decide('intake', 'complete', '2026-03-02T10:00:00Z');
      sut.decide('building-review', 'refused', '2026-03-03T10:00:00Z');
      sut.decide('fire-review', 'approved', '2026-03-03T10:00:00Z');
      sut.decide('environment-review', 'approved', '2026-03-03T10:00:00Z');
      sut.decide('decision', 'refused', '2026-03-04T10:00:00Z', supervisorFor('building'));
      expect(sut.state).toMatchObject({ status: 'refused', closed: true });

      sut.send({ type: 'appeal', grounds: 'Code misapplied', at: '2026-03-10T10:00:00Z', actor: applicant });
      expect(sut.active()).toEqual(['appeal-review']);
    });
  });

  describe(landUseDefinition.key, () => {
    it.each([
      [{ development: 'minor' }, '2026-04-28', 56],
      [{ development: 'major' }, '2026-06-02', 91],
      [{ development: 'major', eiaRequired: true }, '2026-06-23', 112],
    ])('sets the determination period from the attributes %j', (attributes, dueDate, days) => {
      const sut = CaseDriver.for(landUseDefinition, attributes, '2026-03-02T09:00:00Z');
      expect(sut.state.caseClock).toBeUndefined();
      sut.decide('validation', 'valid', '2026-03-03T09:00:00Z');

      expect(sut.state.caseClock).toMatchObject({ dueDate, duration: { value: days, unit: 'calendarDays' } });
    });

    it('goes to committee only for major development', () => {
      const minor = CaseDriver.for(landUseDefinition, { development: 'minor' }, '2026-03-02T09:00:00Z');
      minor.decide('validation', 'valid', '2026-03-03T09:00:00Z').fireNextTimer();
      minor.decide('assessment', 'recommend-approval', '2026-03-30T09:00:00Z');
      expect(minor.active()).toEqual(['determination']);

      const major = CaseDriver.for(landUseDefinition, { development: 'major' }, '2026-03-02T09:00:00Z');
      major.decide('validation', 'valid', '2026-03-03T09:00:00Z').fireNextTimer();
      major.decide('assessment', 'recommend-approval', '2026-03-30T09:00:00Z');
      expect(major.active()).toEqual(['committee']);
    });

    it('does not stop the statutory clock for requests for information (England has no stop-the-clock)', () => {
      const sut = CaseDriver.for(landUseDefinition, { development: 'minor' }, '2026-03-02T09:00:00Z');
      sut.decide('validation', 'valid', '2026-03-03T09:00:00Z').fireNextTimer();
      sut.send({
        type: 'request-information',
        stepId: 'assessment',
        items: [{ id: 'heritage', description: 'Heritage statement' }],
        at: '2026-03-26T09:00:00Z',
        actor: clerkFor('planning'),
      });

      expect(sut.state.caseClock?.pausedBy).toEqual([]);
      expect(sut.state.timers.map((t) => t.id)).toEqual(['case-due']);
    });
  });

  describe(gridConnectionDefinition.key, () => {
    const utility = clerkFor('grid-utility');

    it('gives a dual-source supply plan 30 working days and a single source 15', () => {
      const dual = CaseDriver.for(gridConnectionDefinition, { supplySource: 'dual' }, '2026-03-02T09:00:00Z');
      const single = CaseDriver.for(gridConnectionDefinition, { supplySource: 'single' }, '2026-03-02T09:00:00Z');

      expect(single.step('supply-plan').dueDate).toBe('2026-03-23');
      expect(dual.step('supply-plan').dueDate).toBe('2026-04-14');
      expect(dual.state.caseClock?.duration.value).toBe(55);
    });

    it('adds a protection review for loads above 10 000 kW', () => {
      const sut = CaseDriver.for(gridConnectionDefinition, { loadKw: 25000 }, '2026-03-02T09:00:00Z');
      sut.decide('supply-plan', 'issued', '2026-03-05T09:00:00Z', utility);
      sut.decide('customer-design', 'submitted', '2026-04-20T09:00:00Z', applicant);

      expect(sut.active()).toEqual(['design-review', 'electrical-design-review', 'protection-review']);
    });

    it("excludes the customer's own design and construction time from the utility's clock", () => {
      const sut = CaseDriver.for(
        gridConnectionDefinition,
        { loadKw: 8000, supplySource: 'single' },
        '2026-03-02T09:00:00Z',
      );
      expect(sut.state.caseClock?.dueDate).toBe('2026-04-28');
      sut.decide('supply-plan', 'issued', '2026-03-09T09:00:00Z', utility); // 5 working days used
      expect(sut.state.status).toBe('awaiting_applicant');
      expect(sut.state.caseClock?.remaining).toBe(35);

      sut.decide('customer-design', 'submitted', '2026-06-01T09:00:00Z', applicant);

      // 35 working days from 1 June, skipping the Dragon Boat Festival (19 June).
      expect(sut.state.caseClock?.dueDate).toBe('2026-07-21');
      expect(sut.state.caseClock?.pauses).toEqual([
        { reason: 'excluded:customer-design', from: '2026-03-09T09:00:00Z', to: '2026-06-01T09:00:00Z' },
      ]);
    });

    it('runs through checks and energisation to approval', () => {
      const sut = CaseDriver.for(gridConnectionDefinition, { loadKw: 8000 }, '2026-03-02T09:00:00Z');
      sut.decide('supply-plan', 'issued', '2026-03-05T09:00:00Z', utility);
      sut.decide('customer-design', 'submitted', '2026-04-01T09:00:00Z', applicant);
      sut.decide('electrical-design-review', 'approved', '2026-04-08T09:00:00Z', utility);
      sut.decide('construction', 'ready-for-check', '2026-06-01T09:00:00Z', applicant);
      sut.decide('mid-construction-check', 'passed', '2026-06-03T09:00:00Z', utility);
      sut.decide('construction-completion', 'completed', '2026-08-03T09:00:00Z', applicant);
      sut.send({
        type: 'inspection-result',
        stepId: 'completion-check',
        passed: true,
        at: '2026-08-05T09:00:00Z',
        actor: system,
      });
      sut.decide('metering-energisation', 'energised', '2026-08-07T09:00:00Z', utility);

      expect(sut.state).toMatchObject({ status: 'approved', closed: true, caseOverdue: false });
      expect(sut.state.caseClock?.pauses.map((p) => p.reason)).toEqual([
        'excluded:customer-design',
        'excluded:construction',
        'excluded:construction-completion',
      ]);
    });
  });
});
