import type { LocalizedText } from '../text/localized-text';
import type {
  Duration,
  NextTarget,
  ProcessDefinition,
  RoutedStatus,
  StepDefinition,
  StepKind,
  StepOwner,
  TimeoutPolicy,
} from './process-definition.types';

/** A step of the flow diagram; members of a joint review carry their group's id. */
export interface GraphStep {
  id: string;
  title: LocalizedText;
  kind: StepKind;
  owner: StepOwner;
  /** The step's own time limit (rules may change it per request). */
  duration: Duration | null;
  /** How many attribute rules may set another duration. */
  durationRules: number;
  /** What the timer does when the limit passes; null without a limit. */
  onTimeout: TimeoutPolicy | null;
  /** Time while the step is active does not count on the case's statutory clock. */
  clockExcluded: boolean;
  /** The step runs only when its routing condition holds. */
  conditional: boolean;
  start: boolean;
  groupId: string | null;
  /** Joint reviews: how the group closes, and its members in order. */
  mode?: 'all' | 'any' | 'quorum';
  quorum?: number;
  members?: string[];
}

/** An arrow: `to` is a step id, `status:<status>` or `end` (the branch ends). */
export interface GraphEdge {
  from: string;
  to: string;
  /** The outcome that takes this route ('appeal' from a refusal). */
  label: string;
  /** Several targets of one outcome start at once (a fork). */
  fork: boolean;
}

export interface DefinitionGraph {
  key: string;
  version: number;
  title: LocalizedText;
  steps: GraphStep[];
  edges: GraphEdge[];
  /** The case statuses the definition can route to. */
  outcomes: RoutedStatus[];
  caseClock: { duration: Duration | null; durationRules: number; startsAfter: string | null } | null;
}

const STATUS_PREFIX = 'status:';

/** What a flow diagram of a definition draws: steps, joint reviews with their members, timers and routes. */
export function definitionGraph(definition: ProcessDefinition): DefinitionGraph {
  const starts = new Set(Array.isArray(definition.start) ? definition.start : [definition.start]);
  const steps: GraphStep[] = [];
  const edges: GraphEdge[] = [];
  const outcomes = new Set<RoutedStatus>();
  for (const step of definition.steps) {
    steps.push(graphStep(step, starts.has(step.id), null));
    if (step.kind === 'parallel') {
      const last = steps[steps.length - 1];
      last.mode = step.mode;
      if (step.quorum !== undefined) last.quorum = step.quorum;
      last.members = step.members.map((m) => m.id);
      for (const member of step.members) steps.push(graphStep({ ...member, kind: 'task' }, false, step.id));
    }
    for (const [label, target] of Object.entries(step.next)) edges.push(...routes(step.id, label, target, outcomes));
  }
  if (definition.appeal) {
    edges.push({ from: `${STATUS_PREFIX}refused`, to: definition.appeal.step, label: 'appeal', fork: false });
  }
  const clock = definition.caseClock;
  return {
    key: definition.key,
    version: definition.version,
    title: definition.title,
    steps,
    edges,
    outcomes: [...outcomes],
    caseClock: clock
      ? {
          duration: clock.duration ?? null,
          durationRules: clock.durationRules?.length ?? 0,
          startsAfter: clock.startsAfter ?? null,
        }
      : null,
  };
}

function graphStep(
  step: Omit<StepDefinition, 'kind' | 'next'> & { kind: StepKind },
  start: boolean,
  groupId: string | null,
): GraphStep {
  const timed = step.duration !== undefined || (step.durationRules?.length ?? 0) > 0;
  const defaultTimeout: TimeoutPolicy =
    step.kind === 'period' ? { action: 'complete', outcome: 'elapsed' } : { action: 'escalate' };
  return {
    id: step.id,
    title: step.title,
    kind: step.kind,
    owner: step.owner,
    duration: step.duration ?? null,
    durationRules: step.durationRules?.length ?? 0,
    onTimeout: timed ? (step.onTimeout ?? defaultTimeout) : null,
    clockExcluded: step.clock === 'excluded',
    conditional: step.when !== undefined,
    start,
    groupId,
  };
}

function routes(from: string, label: string, target: NextTarget, outcomes: Set<RoutedStatus>): GraphEdge[] {
  if (typeof target === 'string') return [{ from, to: target, label, fork: false }];
  if (Array.isArray(target)) return target.map((to) => ({ from, to, label, fork: target.length > 1 }));
  if ('end' in target) return [{ from, to: 'end', label, fork: false }];
  outcomes.add(target.status);
  const then = target.then ?? [];
  return [
    { from, to: `${STATUS_PREFIX}${target.status}`, label, fork: then.length > 0 },
    ...then.map((to) => ({ from, to, label, fork: true })),
  ];
}
