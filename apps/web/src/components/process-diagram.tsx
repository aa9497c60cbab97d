import { nameIn, useLabel, type LocalizedText } from '@/lib/definition-labels';
import { useTranslation } from 'react-i18next';
import type { ProcessDefinition } from '@onewindow/definition-types';
import { FlowChart, type ChartRow, type NodeState } from './flow-chart';

export interface ProcessDiagramProps {
  definition: ProcessDefinition;
  /** Steps (or joint-review members) active now: the case's current position. */
  activeStepIds?: ReadonlySet<string>;
  /** Steps the case has passed through. */
  doneStepIds?: ReadonlySet<string>;
}

/** Where a case stands in its process: every step in order, the current position highlighted. */
export function ProcessDiagram({
  definition,
  activeStepIds = new Set(),
  doneStepIds = new Set(),
}: ProcessDiagramProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const stateOf = (ids: string[]): NodeState =>
    ids.some((id) => activeStepIds.has(id)) ? 'active' : ids.some((id) => doneStepIds.has(id)) ? 'done' : 'pending';
  const node = (step: { id: string; title: LocalizedText; owner: { department: string } }) => {
    const state = stateOf([step.id]);
    const department = nameIn('departments', step.owner.department, definition, t, label);
    return {
      id: step.id,
      title: label(step.title),
      lines: [state === 'active' ? `${department} · ${t('diagram.current')}` : department],
      state,
    };
  };
  const rows: ChartRow[] = definition.steps.map((step) =>
    step.kind === 'parallel'
      ? {
          node: { id: step.id, title: label(step.title), state: stateOf([step.id, ...step.members.map((m) => m.id)]) },
          members: step.members.map(node),
        }
      : { node: node(step) },
  );
  const current = definition.steps
    .flatMap((s) => [s, ...(s.kind === 'parallel' ? s.members : [])])
    .filter((s) => activeStepIds.has(s.id))
    .map((s) => label(s.title));

  return (
    <FlowChart
      rows={rows}
      testId="process-diagram"
      title={t('diagram.title', { title: label(definition.title) })}
      description={
        current.length > 0 ? t('diagram.currentSteps', { steps: current.join(', ') }) : t('diagram.noCurrentStep')
      }
    />
  );
}
