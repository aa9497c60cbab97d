import {
  Actor,
  apply,
  buildingPermitDefinition,
  builtInDefinitions,
  CaseEvent,
  CaseState,
  DomainError,
  ProcessDefinition,
} from '@onewindow/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applicant, CaseDriver, clerkFor } from '../../../../../libs/domain/src/testing/case-driver';
import { uploadMoves, walkActors, walkCases } from '../../../../../libs/domain/src/testing/case-walk';
import {
  CandidateAction,
  candidateActions,
  LEGAL_ACTION_TYPES,
  LegalActionType,
  LegalActionView,
  legalActions,
} from './legal-actions';

const wd = (value: number) => ({ value, unit: 'workingDays' as const });

/** One definition that uses the rules the built-ins leave out: windows, the authority's extensions, their limits. */
const everyRule: ProcessDefinition = {
  key: 'every-rule',
  version: 1,
  title: 'Every rule',
  requestType: 'permit',
  jurisdiction: 'cn',
  start: 'acceptance',
  steps: [
    {
      id: 'acceptance',
      title: 'Acceptance',
      kind: 'task',
      owner: { department: 'planning', role: 'clerk' },
      duration: wd(5),
      informationRequests: { clock: 'pause' },
      onTimeout: { action: 'deemed', outcome: 'accepted', effect: 'complete', effectiveFrom: 'receipt' },
      next: { accepted: 'decision', rejected: { status: 'refused' } },
    },
    {
      id: 'decision',
      title: 'Decision',
      kind: 'task',
      owner: { department: 'planning', role: 'clerk' },
      duration: wd(20),
      onTimeout: {
        action: 'deemed',
        outcome: 'approved',
        effect: 'approved',
        requiresNotice: true,
        noticePeriod: wd(10),
      },
      next: { approved: { status: 'approved' }, refused: { status: 'refused' } },
    },
  ],
  caseClock: {
    duration: wd(20),
    startsAfter: 'acceptance',
    pauseOnApplicant: true,
    thresholds: [{ name: 'supervisor-review', after: wd(15), consequence: 'escalate' }],
  },
  extensions: { byAgreement: true, byAuthority: true, maxCount: 2, maxTotal: wd(3) },
  actionWindows: [
    {
      name: 'information-within-3-days',
      action: 'request-information',
      stepId: 'acceptance',
      within: wd(3),
      anchor: 'receipt',
    },
    {
      name: 'decision-within-15-days',
      action: 'decide',
      stepId: 'decision',
      within: wd(15),
      anchor: { afterStep: 'acceptance' },
    },
  ],
  appeal: { step: 'acceptance', window: { value: 30, unit: 'calendarDays' } },
};

type Attributes = Record<string, string | number | boolean>;

const BUILT_IN_ATTRIBUTES: Record<string, Attributes> = {
  'building-permit': { floorAreaM2: 25_000, inspectionRequired: true },
  'land-use': { development: 'major' },
  'grid-connection': { supplySource: 'single', loadKw: 12_000 },
};

const WALKED_DEFINITIONS: { definition: ProcessDefinition; attributes: Attributes }[] = [
  ...builtInDefinitions.map((definition) => ({
    definition,
    attributes: BUILT_IN_ATTRIBUTES[definition.key] ?? {},
  })),
  {
    definition: JSON.parse(
      readFileSync(join(__dirname, '../../../../../definitions/street-works-permit.definition.json'), 'utf8'),
    ) as ProcessDefinition,
    attributes: { streetName: 'High Street' },
  },
  { definition: everyRule, attributes: {} },
];

describe(legalActions.name, () => {
  const at = '2026-03-02T10:00:00Z';
  const start = () => CaseDriver.for(buildingPermitDefinition, { floorAreaM2: 1200 });

  it('offers the owning department the outcomes of its step, and another department nothing on it', () => {
    const sut = start();
    const building = legalActions(sut.ctx, sut.state, clerkFor('building'), at);
    expect(building).toContainEqual({
      type: 'decide',
      stepId: 'intake',
      outcomes: expect.arrayContaining(['complete']),
    });
    expect(building).toContainEqual({ type: 'request-information', stepId: 'intake' });
    const fire = legalActions(sut.ctx, sut.state, clerkFor('fire'), at);
    expect(fire.filter((a) => a.stepId === 'intake')).toEqual([]);
  });

  it('lets the applicant withdraw an open case but not decide a clerk’s step', () => {
    const sut = start();
    const offered = legalActions(sut.ctx, sut.state, applicant, at);
    expect(offered).toContainEqual({ type: 'withdraw' });
    expect(offered.some((a) => a.type === 'decide')).toBe(false);
    expect(offered.some((a) => a.type === 'appeal')).toBe(false);
  });

  it('offers nothing once the case is withdrawn', () => {
    const sut = start().send({ type: 'withdraw', actor: applicant, at });
    expect(legalActions(sut.ctx, sut.state, applicant, '2026-03-02T11:00:00Z')).toEqual([]);
    expect(legalActions(sut.ctx, sut.state, clerkFor('building'), '2026-03-02T11:00:00Z')).toEqual([]);
  });

  describe('against the reducer, over the states of walked cases', () => {
    const walk = () =>
      WALKED_DEFINITIONS.flatMap(({ definition, attributes }) => {
        const actors = walkActors(definition);
        return walkCases({
          definition,
          attributes,
          seed: 11,
          walks: 8,
          maxEvents: 40,
          moves: (state, when) => [
            ...uploadMoves(definition, when),
            ...actors.flatMap((actor) => [
              ...candidateActions(state, actor).map(({ draft }) => ({ ...draft, actor, at: when })),
              ...movesBeyondTheList(state, actor, when),
            ]),
          ],
        });
      });

    it('offers exactly the actions the reducer accepts, to every caller', () => {
      const disagreements: string[] = [];
      const offeredTypes = new Set<LegalActionType>();
      for (const { ctx, state, at: when } of walk()) {
        for (const actor of readersOf(state, ctx.definition)) {
          const offered = legalActions(ctx, state, actor, when);
          offered.forEach((action) => offeredTypes.add(action.type));
          for (const candidate of candidateActions(state, actor)) {
            const listed = isListed(offered, candidate);
            const accepted = isAccepted(() => apply(ctx, state, { ...candidate.draft, actor, at: when }));
            if (listed !== accepted) {
              disagreements.push(
                `${state.definitionKey} seq ${state.seq} (${state.status}), ${actor.id}: ` +
                  `${JSON.stringify(candidate.draft)} listed=${listed} accepted=${accepted}`,
              );
            }
          }
        }
      }
      expect(disagreements).toEqual([]);
      // The walk reaches every kind of action, so the comparison above covers each of them.
      expect([...offeredTypes].sort()).toEqual([...LEGAL_ACTION_TYPES].sort());
    });
  });
});

/** Inputs that are not on the page (they come from other routes or from outside) but lead to states it must read. */
function movesBeyondTheList(state: CaseState, actor: Actor, at: string): CaseEvent[] {
  return [
    ...state.activeSteps.flatMap((step): CaseEvent[] => [
      { type: 'accept-with-missing', stepId: step.stepId, at, actor },
      ...(['agreement', 'authority'] as const).map((basis): CaseEvent => ({
        type: 'propose-extension',
        stepId: step.stepId,
        by: { value: 1, unit: step.clock?.duration.unit ?? 'workingDays' },
        reason: basis,
        basis,
        at,
        actor,
      })),
    ]),
    ...state.extensions.map((x): CaseEvent => ({ type: 'approve-extension', extensionId: x.id, at, actor })),
    ...(state.missingDocuments?.outstanding ?? []).map((itemId): CaseEvent => ({
      type: 'document-verified',
      itemId,
      at,
      actor,
    })),
  ];
}

/** Who might open the page: everyone who could act, and a clerk of a department that holds no step. */
function readersOf(state: CaseState, definition: ProcessDefinition): Actor[] {
  const holding = new Set(state.activeSteps.map((s) => s.owner.department));
  return [
    ...walkActors(definition).filter((actor) => actor.department === undefined || holding.has(actor.department)),
    { id: 'elsewhere-clerk', role: 'clerk', department: 'elsewhere' },
  ];
}

function isListed(offered: LegalActionView[], { view, draft }: CandidateAction): boolean {
  return offered.some(
    (action) =>
      action.type === view.type &&
      action.stepId === view.stepId &&
      action.extensionId === view.extensionId &&
      (draft.type !== 'decide' || (action.outcomes ?? []).includes(draft.outcome)),
  );
}

function isAccepted(applyIt: () => unknown): boolean {
  try {
    applyIt();
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}
