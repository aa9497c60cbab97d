import type { MemberStep, ParallelStep, ProcessDefinition, StepDefinition } from './process-definition.types';

export type IndexedStep =
  { kind: 'top'; step: StepDefinition } | { kind: 'member'; step: MemberStep; group: ParallelStep };

// Definitions are immutable snapshots, so one index per object is enough.
const indexes = new WeakMap<ProcessDefinition, Map<string, IndexedStep>>();

/** Every step of a definition by id, members of review groups included. */
export function stepIndex(definition: ProcessDefinition): Map<string, IndexedStep> {
  let index = indexes.get(definition);
  if (!index) {
    index = new Map();
    for (const step of definition.steps) {
      index.set(step.id, { kind: 'top', step });
      if (step.kind === 'parallel')
        for (const m of step.members) index.set(m.id, { kind: 'member', step: m, group: step });
    }
    indexes.set(definition, index);
  }
  return index;
}

export function findStep(definition: ProcessDefinition, stepId: string): IndexedStep | undefined {
  return stepIndex(definition).get(stepId);
}

/** The outcomes a clerk (or the applicant, or an external event) may record on a step. */
export function outcomesOf(definition: ProcessDefinition, stepId: string): string[] {
  const entry = findStep(definition, stepId);
  if (!entry) return [];
  if (entry.kind === 'member') return [...entry.group.memberOutcomes];
  return Object.keys(entry.step.next).filter((o) => o !== 'skipped');
}
