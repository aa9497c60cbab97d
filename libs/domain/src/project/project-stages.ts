import { DomainError } from '../domain-error';
import type { AttributeValue, Condition, ProcessDefinition } from '../definition/process-definition.types';

/** One stage of an investment project: every definition's request starts in parallel from one form. */
export interface ProjectStagePlan {
  name: string;
  definitions: ProcessDefinition[];
  /** The stage's one application form. */
  attributes: Record<string, AttributeValue>;
  /** Planned working days of the stage, for the schedule until its requests are decided. */
  plannedWorkingDays: number;
}

export interface StageMember {
  /** `<stage number>-<definition key>`, unique within the project. */
  id: string;
  stage: number;
  definitionKey: string;
  /** Every request of the previous stage (a stage starts once the one before is approved). */
  dependsOn: string[];
  attributes: Record<string, AttributeValue>;
  plannedWorkingDays: number;
}

function conditionAttributes(condition: Condition, into: Set<string>): void {
  if ('all' in condition) condition.all.forEach((c) => conditionAttributes(c, into));
  else if ('any' in condition) condition.any.forEach((c) => conditionAttributes(c, into));
  else if ('not' in condition) conditionAttributes(condition.not, into);
  else into.add(condition.attr);
}

/** The attributes a definition declares: every one its routing and duration rules read. */
export function definitionAttributes(definition: ProcessDefinition): string[] {
  const found = new Set<string>();
  const rules = (p: { when?: Condition; durationRules?: { when: Condition }[] }) => {
    if (p.when) conditionAttributes(p.when, found);
    for (const rule of p.durationRules ?? []) conditionAttributes(rule.when, found);
  };
  for (const step of definition.steps) {
    rules(step);
    if (step.kind === 'parallel') step.members.forEach(rules);
  }
  if (definition.caseClock) rules(definition.caseClock);
  return [...found].sort();
}

/** A stage's one form: the union of the attributes its definitions declare. */
export function stageForm(definitions: ProcessDefinition[]): string[] {
  return [...new Set(definitions.flatMap(definitionAttributes))].sort();
}

/** The requests of a staged project, each stage depending on the whole stage before it. */
export function planStages(stages: ProjectStagePlan[]): StageMember[] {
  if (stages.length === 0) throw new DomainError('INVALID_EVENT', 'a project needs at least one stage');
  const members: StageMember[] = [];
  let previous: string[] = [];
  stages.forEach((stage, i) => {
    if (stage.definitions.length === 0) throw new DomainError('INVALID_EVENT', `stage '${stage.name}' has no requests`);
    const form = stageForm(stage.definitions);
    const unknown = Object.keys(stage.attributes).filter((a) => !form.includes(a));
    if (unknown.length > 0) {
      throw new DomainError(
        'INVALID_EVENT',
        `stage '${stage.name}': ${unknown.map((a) => `'${a}'`).join(', ')} not on its form (${form.join(', ') || 'no fields'})`,
      );
    }
    const keys = stage.definitions.map((d) => d.key);
    if (new Set(keys).size !== keys.length) {
      throw new DomainError('INVALID_EVENT', `stage '${stage.name}' names a definition twice`);
    }
    const ids = stage.definitions.map((d) => `${i + 1}-${d.key}`);
    stage.definitions.forEach((definition, j) =>
      members.push({
        id: ids[j],
        stage: i + 1,
        definitionKey: definition.key,
        dependsOn: previous,
        attributes: { ...stage.attributes },
        plannedWorkingDays: stage.plannedWorkingDays,
      }),
    );
    previous = ids;
  });
  return members;
}
