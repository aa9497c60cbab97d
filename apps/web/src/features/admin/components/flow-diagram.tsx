import { useTranslation } from 'react-i18next';
import { useDefinitionNames } from '@/lib/definition-labels';
import type { DefinitionGraph, GraphEdge, GraphStep } from '../api';

const WIDTH = 900;
const BOX_W = 300;
const BOX_H = 58;
const ROW = 96;
const MEMBER_H = 46;
const X = 20;

/**
 * A definition version as a flow: one row per step, a joint review's members side by side inside its frame,
 * each step's timer under its title, and its routes (outcome → next step or status) to the right.
 */
export function FlowDiagram({ graph }: { graph: DefinitionGraph }) {
  const { t, i18n } = useTranslation();
  // Published definitions may name outcomes and departments no translation knows: those show as written.
  const tr = (key: string, raw: string) => (i18n.exists(key) ? t(key) : raw);
  const names = useDefinitionNames();
  const top = graph.steps.filter((s) => s.groupId === null);
  const members = (group: GraphStep) => graph.steps.filter((s) => s.groupId === group.id);
  const routesOf = (id: string) => graph.edges.filter((e) => e.from === id);
  const height = top.length * ROW + 60;
  const titleId = `flow-title-${graph.key}-${graph.version}`;

  const target = (edge: GraphEdge) =>
    edge.to === 'end'
      ? t('admin.flow.end')
      : edge.to.startsWith('status:')
        ? tr(`status.${edge.to.slice(7)}`, edge.to.slice(7))
        : (graph.steps.find((s) => s.id === edge.to)?.title ?? edge.to);

  const timer = (step: GraphStep) => {
    if (!step.duration && step.durationRules === 0) return null;
    const limit = step.duration ? `${step.duration.value} ${t(`units.${step.duration.unit}`)}` : t('admin.flow.byRule');
    const action = step.onTimeout
      ? t(`admin.flow.timeout.${step.onTimeout.action}`, {
          outcome: step.onTimeout.outcome ? names.outcome(step.onTimeout.outcome, graph.key) : '',
        })
      : '';
    return `${t('admin.flow.limit')}: ${limit}${step.durationRules > 0 && step.duration ? ` (+${t('admin.flow.rules', { count: step.durationRules })})` : ''} → ${action}`;
  };

  const label = (step: GraphStep) =>
    `${step.title}${step.conditional ? ` · ${t('admin.flow.conditional')}` : ''}${step.clockExcluded ? ` · ${t('admin.flow.clockExcluded')}` : ''}`;

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={titleId}
      data-testid="flow-diagram"
      style={{ maxWidth: WIDTH, fontFamily: 'inherit' }}
    >
      <title id={titleId}>{t('admin.flow.title', { title: graph.title, version: graph.version })}</title>
      <defs>
        <marker id="ow-flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill="#475569" />
        </marker>
      </defs>
      {top.map((step, i) => {
        const y = 20 + i * ROW;
        const parallel = step.kind === 'parallel';
        const group = parallel ? members(step) : [];
        const routes = routesOf(step.id);
        const memberW = group.length > 0 ? (BOX_W * 1.6 - (group.length - 1) * 6) / group.length : 0;
        return (
          <g key={step.id} data-step={step.id} data-kind={step.kind}>
            {i > 0 && (
              <line
                x1={X + BOX_W / 2}
                y1={y - ROW + BOX_H + 2}
                x2={X + BOX_W / 2}
                y2={y - 2}
                stroke="#94a3b8"
                markerEnd="url(#ow-flow-arrow)"
              />
            )}
            {parallel ? (
              <>
                <rect
                  x={X - 6}
                  y={y - 6}
                  width={BOX_W * 1.6 + 12}
                  height={BOX_H + 12}
                  rx={8}
                  fill="#f8fafc"
                  stroke="#1d4ed8"
                  strokeDasharray="5 3"
                />
                <text x={X} y={y + 6} fontSize={11} fill="#1e3a8a" fontWeight={700}>
                  {`${step.title} · ${t(`admin.flow.mode.${step.mode ?? 'all'}`, { quorum: step.quorum ?? '' })}`}
                </text>
                {group.map((m, j) => (
                  <g key={m.id} data-step={m.id}>
                    <rect
                      x={X + j * (memberW + 6)}
                      y={y + 12}
                      width={memberW}
                      height={MEMBER_H - 8}
                      rx={5}
                      fill="#ffffff"
                      stroke="#64748b"
                      strokeDasharray={m.conditional ? '3 2' : undefined}
                    />
                    <text x={X + j * (memberW + 6) + 5} y={y + 28} fontSize={10} fill="#0f172a">
                      {m.title.length > memberW / 6 ? `${m.title.slice(0, Math.floor(memberW / 6) - 1)}…` : m.title}
                    </text>
                    <text x={X + j * (memberW + 6) + 5} y={y + 42} fontSize={9} fill="#475569">
                      {names.department(m.owner.department, graph.key)}
                    </text>
                  </g>
                ))}
                {timer(step) && (
                  <text x={X} y={y + BOX_H + 18} fontSize={10} fill="#9a3412">
                    {timer(step)}
                  </text>
                )}
              </>
            ) : (
              <>
                <rect
                  x={X}
                  y={y}
                  width={BOX_W}
                  height={BOX_H}
                  rx={6}
                  fill={step.start ? '#dbeafe' : '#ffffff'}
                  stroke="#334155"
                  strokeDasharray={step.conditional ? '4 3' : undefined}
                />
                <text x={X + 8} y={y + 18} fontSize={12} fill="#0f172a" fontWeight={600}>
                  {label(step).length > 44 ? `${label(step).slice(0, 43)}…` : label(step)}
                </text>
                <text x={X + 8} y={y + 33} fontSize={10} fill="#334155">
                  {`${t(`admin.flow.kind.${step.kind}`)} · ${names.department(step.owner.department, graph.key)}`}
                </text>
                {timer(step) && (
                  <text x={X + 8} y={y + 49} fontSize={10} fill="#9a3412">
                    {timer(step)}
                  </text>
                )}
              </>
            )}
            {routes.map((edge, k) => (
              <text
                key={`${edge.to}-${edge.label}`}
                x={X + BOX_W * 1.6 + 30}
                y={y + 14 + k * 14}
                fontSize={11}
                fill={edge.to.startsWith('status:') ? '#15803d' : '#1e293b'}
              >
                {`${names.outcome(edge.label, graph.key)}${edge.fork ? ` (${t('admin.flow.fork')})` : ''} → ${target(edge)}`}
              </text>
            ))}
          </g>
        );
      })}
      <text x={X} y={height - 14} fontSize={11} fill="#15803d">
        {`${t('admin.flow.outcomes')}: ${graph.outcomes.map((o) => tr(`status.${o}`, o)).join(', ')}`}
      </text>
    </svg>
  );
}
