import { BENCH_CONSULTATION_SECONDS } from './bench-definitions';

/** One thing a simulated clerk (or the applicant, or the cashier) does to a request. */
export type Action =
  | { kind: 'decide'; stepId: string; user: string; outcome: string; reason?: string; conditions?: string[] }
  | { kind: 'pay'; stepId: string; user: string };

/** Actions sent at once (a joint review), or a wait until a step becomes active (after a timer or a payment). */
export type Round =
  | { actions: Action[] }
  | {
      awaitStep: string;
      /** How long the same wait lasts in the baseline: the timer's length; 0 for processing waits. */
      baselineWaitMs: number;
    };

export interface CasePlan {
  definitionKey: string;
  title: string;
  attributes: Record<string, string | number | boolean>;
  applicant: string;
  rounds: Round[];
  finalStatus: string;
}

type Decision = Extract<Action, { kind: 'decide' }>;
const decide = (stepId: string, user: string, outcome: string, extra: Pick<Decision, 'reason' | 'conditions'> = {}) =>
  ({ kind: 'decide', stepId, user, outcome, ...extra }) satisfies Decision;
const APPLICANT = 'acme-battery';

/** The happy path of each built-in definition, worked by the demo users of the departments it names. */
export const CASE_PLANS: readonly CasePlan[] = [
  {
    definitionKey: 'building-permit',
    title: 'Battery plant, hall A',
    attributes: { floorAreaM2: 1200 },
    applicant: APPLICANT,
    rounds: [
      { actions: [decide('intake', 'clerk-building', 'complete')] },
      {
        actions: [
          decide('building-review', 'clerk-building', 'approved'),
          decide('fire-review', 'clerk-fire', 'approved'),
          decide('environment-review', 'clerk-environment', 'approved'),
        ],
      },
      {
        actions: [
          decide('decision', 'supervisor', 'approved', {
            reason: 'Meets the code',
            conditions: ['Sprinklers before occupation'],
          }),
        ],
      },
      { actions: [{ kind: 'pay', stepId: 'fee', user: 'clerk-finance' }] },
      { awaitStep: 'issuance', baselineWaitMs: 0 },
      { actions: [decide('issuance', 'clerk-building', 'issued')] },
    ],
    finalStatus: 'approved',
  },
  {
    definitionKey: 'land-use',
    title: 'Cell plant, plot 7',
    attributes: { development: 'minor' },
    applicant: APPLICANT,
    rounds: [
      { actions: [decide('validation', 'clerk-planning', 'valid')] },
      { awaitStep: 'assessment', baselineWaitMs: BENCH_CONSULTATION_SECONDS * 1000 },
      { actions: [decide('assessment', 'clerk-planning', 'recommend-approval')] },
      { actions: [decide('determination', 'supervisor', 'approved')] },
    ],
    finalStatus: 'approved',
  },
  {
    definitionKey: 'grid-connection',
    title: '110 kV connection, cell plant',
    attributes: { supplySource: 'single', loadKw: 12000 },
    applicant: APPLICANT,
    rounds: [
      { actions: [decide('supply-plan', 'clerk-grid', 'issued')] },
      { actions: [decide('customer-design', APPLICANT, 'submitted')] },
      {
        actions: [
          decide('electrical-design-review', 'clerk-grid', 'approved'),
          decide('protection-review', 'clerk-dispatch', 'approved'),
        ],
      },
      { actions: [decide('construction', APPLICANT, 'ready-for-check')] },
      { actions: [decide('mid-construction-check', 'clerk-grid', 'passed')] },
      { actions: [decide('construction-completion', APPLICANT, 'completed')] },
      { actions: [decide('completion-check', 'clerk-grid', 'passed')] },
      { actions: [decide('metering-energisation', 'clerk-grid', 'energised')] },
    ],
    finalStatus: 'approved',
  },
];

export function planFor(index: number): CasePlan {
  return CASE_PLANS[index % CASE_PLANS.length];
}

export function actionCount(plan: CasePlan): number {
  return plan.rounds.reduce((n, round) => n + ('actions' in round ? round.actions.length : 0), 0);
}
