import { useId, type ReactNode } from 'react';

export type NodeState = 'active' | 'done' | 'pending';

/** One box: a step, or a member of a joint review. */
export interface ChartNode {
  id: string;
  title: string;
  /** Smaller lines under the title (department, kind). */
  lines?: string[];
  /** A line in the warning colour under them (a time limit and what it does). */
  note?: string;
  /** Where a case stands; unset on a definition's own chart. */
  state?: NodeState;
  /** Filled as the place a case starts. */
  start?: boolean;
  /** Drawn dashed: the step runs only when its condition holds. */
  conditional?: boolean;
  kind?: string;
}

/** One row of the flow: a step, or a joint review's frame with its members side by side. */
export interface ChartRow {
  node: ChartNode;
  members?: ChartNode[];
  /** The row's routes, listed to its right (outcome → where it leads); a final one ends the case. */
  routes?: Array<{ text: string; final?: boolean }>;
}

export interface FlowChartProps {
  rows: ChartRow[];
  /** Read by screen readers as the chart's name. */
  title: string;
  /** Read after the name: where the case stands, if anywhere. */
  description?: string;
  /** A last line under the chart (the statuses a case can end in). */
  footer?: string;
  testId: string;
}

const X = 20;
const BOX_W = 300;
const LINE = 14;
const ROW_GAP = 34;
const ROUTES_W = 380;
const FILL: Record<NodeState, string> = { active: '#dbeafe', done: '#dcfce7', pending: '#f8fafc' };
const STROKE: Record<NodeState, string> = { active: '#1d4ed8', done: '#15803d', pending: '#64748b' };

/**
 * Text cut to what fits `width` pixels at `fontSize`: a Latin character taken as 0.55 em wide on average, a CJK
 * one as a full em.
 */
export function clip(text: string, width: number, fontSize: number): string {
  let used = 0;
  for (let i = 0; i < text.length; i += 1) {
    used += (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(text[i]) ? 1 : 0.55) * fontSize;
    if (used > width) return `${text.slice(0, Math.max(1, i - 1))}…`;
  }
  return text;
}

const heightOf = (node: ChartNode) => 24 + LINE * ((node.lines?.length ?? 0) + (node.note ? 1 : 0));

/**
 * A process as a flow, one row per step from top to bottom, a joint review's members side by side inside
 * its frame, each row's routes to its right. The one renderer of the case page's "where it stands" and the
 * administrator's view of a definition; plain SVG, so it prints and scales.
 */
export function FlowChart({ rows, title, description, footer, testId }: FlowChartProps) {
  const withRoutes = rows.some((r) => (r.routes?.length ?? 0) > 0);
  const groupW = withRoutes ? BOX_W * 1.6 : 720;
  const width = X + groupW + 20 + (withRoutes ? ROUTES_W : 0);
  // React's ids hold colons, which a url(#…) reference to the arrow marker cannot.
  const titleId = `${testId}-${useId().replace(/:/g, '')}`;
  const descId = `${titleId}-desc`;

  let y = 16;
  const drawn: ReactNode[] = [];
  rows.forEach((row, index) => {
    const top = y;
    const members = row.members ?? [];
    const memberH = Math.max(0, ...members.map(heightOf));
    const rowH = members.length > 0 ? 20 + memberH + 8 + (row.node.note ? LINE + 4 : 0) : heightOf(row.node);
    const arrow =
      index > 0 ? (
        <line
          x1={X + BOX_W / 2}
          y1={top - ROW_GAP + 2}
          x2={X + BOX_W / 2}
          y2={top - 2}
          stroke="#64748b"
          markerEnd={`url(#${titleId}-arrow)`}
        />
      ) : null;
    const routes = (row.routes ?? []).map((route, k) => (
      <text
        key={`${k}-${route.text}`}
        x={X + groupW + 30}
        y={top + 14 + k * LINE}
        fontSize={11}
        fill={route.final ? '#15803d' : '#1e293b'}
      >
        {clip(route.text, ROUTES_W - 10, 11)}
      </text>
    ));
    if (members.length === 0) {
      drawn.push(
        <g key={row.node.id}>
          {arrow}
          {box(row.node, X, top, BOX_W, rowH)}
          {routes}
        </g>,
      );
    } else {
      const memberW = (groupW - 12 - (members.length - 1) * 6) / members.length;
      const stroke = STROKE[row.node.state ?? 'active'];
      drawn.push(
        <g key={row.node.id} {...dataOf(row.node)}>
          {arrow}
          <rect
            x={X - 6}
            y={top - 6}
            width={groupW}
            height={rowH + 12}
            rx={8}
            fill="none"
            stroke={stroke}
            strokeDasharray="5 3"
          />
          <text x={X} y={top + 8} fontSize={11} fill="#1e3a8a" fontWeight={700}>
            {clip(row.node.title, groupW - 16, 11)}
          </text>
          {members.map((member, j) => box(member, X + j * (memberW + 6), top + 16, memberW, memberH))}
          {row.node.note && (
            <text x={X} y={top + 16 + memberH + 16} fontSize={10} fill="#9a3412">
              {clip(row.node.note, groupW - 16, 10)}
            </text>
          )}
          {routes}
        </g>,
      );
    }
    y = top + Math.max(rowH, (row.routes?.length ?? 0) * LINE) + ROW_GAP;
  });
  const height = y - ROW_GAP + 16 + (footer ? 24 : 0);

  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={description ? `${titleId} ${descId}` : titleId}
      data-testid={testId}
      style={{ maxWidth: width, fontFamily: 'inherit' }}
    >
      <title id={titleId}>{title}</title>
      {description && <desc id={descId}>{description}</desc>}
      <defs>
        <marker
          id={`${titleId}-arrow`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#64748b" />
        </marker>
      </defs>
      {drawn}
      {footer && (
        <text x={X} y={height - 12} fontSize={11} fill="#15803d">
          {footer}
        </text>
      )}
    </svg>
  );
}

function dataOf(node: ChartNode): Record<string, string> {
  return {
    'data-step': node.id,
    ...(node.state ? { 'data-state': node.state } : {}),
    ...(node.kind ? { 'data-kind': node.kind } : {}),
  };
}

function box(node: ChartNode, x: number, y: number, w: number, h: number): ReactNode {
  const state = node.state;
  const fill = state ? FILL[state] : node.start ? FILL.active : '#ffffff';
  const lines = node.lines ?? [];
  return (
    <g key={node.id} {...dataOf(node)}>
      <rect
        x={x}
        y={y}
        width={w}
        height={h}
        rx={6}
        fill={fill}
        stroke={state ? STROKE[state] : '#334155'}
        strokeWidth={state === 'active' ? 3 : 1}
        strokeDasharray={node.conditional ? '4 3' : undefined}
      />
      <text x={x + 8} y={y + 17} fontSize={12} fill="#0f172a" fontWeight={state === 'active' ? 700 : 600}>
        {clip(node.title, w - 16, 12)}
      </text>
      {lines.map((line, i) => (
        <text key={i} x={x + 8} y={y + 17 + LINE * (i + 1)} fontSize={10} fill="#334155">
          {clip(line, w - 16, 10)}
        </text>
      ))}
      {node.note && (
        <text x={x + 8} y={y + 17 + LINE * (lines.length + 1)} fontSize={10} fill="#9a3412">
          {clip(node.note, w - 16, 10)}
        </text>
      )}
    </g>
  );
}
