import { nameIn, useLabel, type LocalizedText } from '@/lib/definition-labels';
import { useTranslation } from 'react-i18next';
import type { ProcessDefinition, StepDefinition } from '@onewindow/definition-types';

export interface ProcessDiagramProps {
  definition: ProcessDefinition;
  /** Steps (or joint-review members) active now: the case's current position. */
  activeStepIds?: ReadonlySet<string>;
  /** Steps the case has passed through. */
  doneStepIds?: ReadonlySet<string>;
}

type NodeState = 'active' | 'done' | 'pending';

const WIDTH = 760;
const ROW = 64;
const BOX = 40;
const GAP = 12;
const FILL: Record<NodeState, string> = { active: '#dbeafe', done: '#dcfce7', pending: '#f8fafc' };
const STROKE: Record<NodeState, string> = { active: '#1d4ed8', done: '#15803d', pending: '#64748b' };

function clip(text: string, width: number): string {
  const max = Math.max(4, Math.floor(width / 7));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The definition as a flow: one row per step in order, a joint review's members side by side in a
 * frame, the current position highlighted. Plain SVG, so it prints and scales.
 */
export function ProcessDiagram({
  definition,
  activeStepIds = new Set(),
  doneStepIds = new Set(),
}: ProcessDiagramProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const stateOf = (id: string, members: string[] = []): NodeState =>
    activeStepIds.has(id) || members.some((m) => activeStepIds.has(m))
      ? 'active'
      : doneStepIds.has(id) || members.some((m) => doneStepIds.has(m))
        ? 'done'
        : 'pending';
  const height = definition.steps.length * ROW + GAP;
  const current = definition.steps
    .flatMap((s) => [s, ...(s.kind === 'parallel' ? s.members : [])])
    .filter((s) => activeStepIds.has(s.id))
    .map((s) => label(s.title));
  const titleId = `diagram-title-${definition.key}`;
  const descId = `diagram-desc-${definition.key}`;

  const box = (
    step: { id: string; title: LocalizedText; owner: { department: string } },
    x: number,
    y: number,
    w: number,
    state: NodeState,
  ) => (
    <g key={step.id} data-step={step.id} data-state={state}>
      <rect
        x={x}
        y={y}
        width={w}
        height={BOX}
        rx={6}
        fill={FILL[state]}
        stroke={STROKE[state]}
        strokeWidth={state === 'active' ? 3 : 1}
      />
      <text x={x + 8} y={y + 17} fontSize={12} fill="#0f172a" fontWeight={state === 'active' ? 700 : 400}>
        {clip(label(step.title), w - 16)}
      </text>
      <text x={x + 8} y={y + 32} fontSize={10} fill="#334155">
        {clip(
          `${nameIn('departments', step.owner.department, definition, t, label)}${state === 'active' ? ` · ${t('diagram.current')}` : ''}`,
          w - 16,
        )}
      </text>
    </g>
  );

  const row = (step: StepDefinition, index: number) => {
    const y = GAP + index * ROW;
    const arrow =
      index > 0 ? (
        <line
          x1={WIDTH / 2}
          y1={y - (ROW - BOX) + 2}
          x2={WIDTH / 2}
          y2={y - 2}
          stroke="#64748b"
          markerEnd="url(#ow-arrow)"
        />
      ) : null;
    if (step.kind !== 'parallel') {
      return (
        <g key={step.id}>
          {arrow}
          {box(step, WIDTH / 2 - 150, y, 300, stateOf(step.id))}
        </g>
      );
    }
    const n = step.members.length;
    const inner = WIDTH - 40;
    const w = (inner - (n - 1) * 8) / n;
    const groupState = stateOf(
      step.id,
      step.members.map((m) => m.id),
    );
    return (
      <g key={step.id} data-step={step.id} data-state={groupState}>
        {arrow}
        <rect
          x={10}
          y={y - 6}
          width={WIDTH - 20}
          height={BOX + 12}
          rx={8}
          fill="none"
          stroke={STROKE[groupState]}
          strokeDasharray="4 3"
        />
        {step.members.map((member, i) => box(member, 20 + i * (w + 8), y, w, stateOf(member.id)))}
      </g>
    );
  };

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      data-testid="process-diagram"
      style={{ maxWidth: WIDTH }}
    >
      <title id={titleId}>{t('diagram.title', { title: label(definition.title) })}</title>
      <desc id={descId}>
        {current.length > 0 ? t('diagram.currentSteps', { steps: current.join(', ') }) : t('diagram.noCurrentStep')}
      </desc>
      <defs>
        <marker id="ow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill="#64748b" />
        </marker>
      </defs>
      {definition.steps.map(row)}
    </svg>
  );
}
