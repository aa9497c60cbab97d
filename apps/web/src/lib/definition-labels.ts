import type { ProcessDefinition } from '@onewindow/definition-types';

/** A step's title by its id, a joint review's members included; the id itself while the definition is not in. */
export function stepTitleIn(definition: ProcessDefinition | undefined, stepId: string): string {
  for (const step of definition?.steps ?? []) {
    if (step.id === stepId) return step.title;
    const member = step.kind === 'parallel' ? step.members.find((m) => m.id === stepId) : undefined;
    if (member) return member.title;
  }
  return stepId;
}
