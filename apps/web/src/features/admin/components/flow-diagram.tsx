import { useTranslation } from 'react-i18next';
import { FlowChart, type ChartNode, type ChartRow } from '@/components/flow-chart';
import { useDefinitionNames } from '@/lib/definition-labels';
import type { DefinitionGraph, GraphEdge, GraphStep } from '../api';

/**
 * A definition version as a flow: each step with its kind and department, its timer in words under it, a joint
 * review's members inside its frame, and its routes (outcome → next step or status) to the right.
 */
export function FlowDiagram({ graph }: { graph: DefinitionGraph }) {
  const { t, i18n } = useTranslation();
  // Published definitions may name outcomes and departments no translation knows: those show as written.
  const tr = (key: string, raw: string) => (i18n.exists(key) ? t(key) : raw);
  const names = useDefinitionNames();

  const target = (edge: GraphEdge) =>
    edge.to === 'end'
      ? t('admin.flow.end')
      : edge.to.startsWith('status:')
        ? tr(`status.${edge.to.slice(7)}`, edge.to.slice(7))
        : (graph.steps.find((s) => s.id === edge.to)?.title ?? edge.to);

  const timer = (step: GraphStep) => {
    if (!step.duration && step.durationRules === 0) return undefined;
    const limit = step.duration ? `${step.duration.value} ${t(`units.${step.duration.unit}`)}` : t('admin.flow.byRule');
    const action = step.onTimeout
      ? t(`admin.flow.timeout.${step.onTimeout.action}`, {
          outcome: step.onTimeout.outcome ? names.outcome(step.onTimeout.outcome, graph.key) : '',
        })
      : '';
    return `${t('admin.flow.limit')}: ${limit}${step.durationRules > 0 && step.duration ? ` (+${t('admin.flow.rules', { count: step.durationRules })})` : ''} → ${action}`;
  };

  const department = (step: GraphStep) => names.department(step.owner.department, graph.key);
  const title = (step: GraphStep) =>
    `${step.title}${step.conditional ? ` · ${t('admin.flow.conditional')}` : ''}${step.clockExcluded ? ` · ${t('admin.flow.clockExcluded')}` : ''}`;
  const node = (step: GraphStep, lines: string[]): ChartNode => ({
    id: step.id,
    title: title(step),
    lines,
    note: timer(step),
    start: step.start,
    conditional: step.conditional,
    kind: step.kind,
  });

  const rows: ChartRow[] = graph.steps
    .filter((s) => s.groupId === null)
    .map((step) => ({
      node:
        step.kind === 'parallel'
          ? {
              ...node(step, []),
              title: `${step.title} · ${t(`admin.flow.mode.${step.mode ?? 'all'}`, { quorum: step.quorum ?? '' })}`,
            }
          : node(step, [`${t(`admin.flow.kind.${step.kind}`)} · ${department(step)}`]),
      ...(step.kind === 'parallel'
        ? { members: graph.steps.filter((m) => m.groupId === step.id).map((m) => node(m, [department(m)])) }
        : {}),
      routes: graph.edges
        .filter((e) => e.from === step.id)
        .map((edge) => ({
          text: `${names.outcome(edge.label, graph.key)}${edge.fork ? ` (${t('admin.flow.fork')})` : ''} → ${target(edge)}`,
          final: edge.to.startsWith('status:'),
        })),
    }));

  return (
    <FlowChart
      rows={rows}
      testId="flow-diagram"
      title={t('admin.flow.title', { title: graph.title, version: graph.version })}
      footer={`${t('admin.flow.outcomes')}: ${graph.outcomes.map((o) => tr(`status.${o}`, o)).join(', ')}`}
    />
  );
}
