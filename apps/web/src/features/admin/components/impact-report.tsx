import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import Descriptions from 'antd/es/descriptions';
import Input from 'antd/es/input';
import Progress from 'antd/es/progress';
import Segmented from 'antd/es/segmented';
import Space from 'antd/es/space';
import Table from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/page-state';
import { Typography } from '@/components/typography';
import { api, ApiError, unwrap } from '@/lib/api/client';

interface DueChange {
  clock: string;
  old: { dueAt: string; dueDate?: string } | null;
  new: { dueAt: string; dueDate?: string } | null;
  workingDays: number | null;
}

interface CaseImpact {
  requestId: string;
  mode: 'migrate' | 'replay';
  status: string;
  cannotCarry?: { message: string };
  dueDates: DueChange[];
  stepsAdded: string[];
  stepsRemoved: string[];
  refused: Array<{ at: string; type: string; stepId?: string; reason: string }>;
  outcome: { old: string; new: string; differs: boolean };
  changed: boolean;
}

interface Summary {
  total: number;
  examined: number;
  changed: number;
  cannotCarry: number;
  dueDatesMoved: number;
  refusedActions: number;
  casesWithRefusals: number;
  outcomesDiffer: number;
  failed: number;
  nextOffset: number | null;
}

type Line =
  | { type: 'progress'; done: number; total: number }
  | ({ type: 'case' } & CaseImpact)
  | { type: 'failure'; requestId: string; error: string }
  | ({ type: 'summary' } & Summary);

type Filter = 'changed' | 'due' | 'cannot' | 'refused' | 'outcome' | 'all';

const FILTERS: Record<Filter, (c: CaseImpact) => boolean> = {
  changed: (c) => c.changed,
  due: (c) => c.dueDates.length > 0,
  cannot: (c) => c.cannotCarry !== undefined,
  refused: (c) => c.refused.length > 0,
  outcome: (c) => c.outcome.differs,
  all: () => true,
};

/** Cases examined per request: the report says where the next page starts. */
const PAGE = 1_000;

const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;
const dueText = (d: DueChange) =>
  `${d.clock}: ${d.old?.dueDate ?? d.old?.dueAt ?? '–'} → ${d.new?.dueDate ?? d.new?.dueAt ?? '–'}` +
  (d.workingDays === null ? '' : ` (${signed(d.workingDays)})`);

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const CSV_HEADER = [
  'requestId',
  'mode',
  'status',
  'changed',
  'cannotCarry',
  'dueDates',
  'stepsAdded',
  'stepsRemoved',
  'refusedActions',
  'outcomeOld',
  'outcomeNew',
];

function toCsv(cases: CaseImpact[]): string {
  const rows = cases.map((c) => [
    c.requestId,
    c.mode,
    c.status,
    String(c.changed),
    c.cannotCarry?.message ?? '',
    c.dueDates.map(dueText).join('; '),
    c.stepsAdded.join(' '),
    c.stepsRemoved.join(' '),
    c.refused.map((r) => `${r.at} ${r.type}${r.stepId ? ` ${r.stepId}` : ''}: ${r.reason}`).join('; '),
    c.outcome.old,
    c.outcome.new,
  ]);
  return [CSV_HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\n');
}

/**
 * What the chosen definition would do to its key's cases, before it is published: the API's streamed report
 * (running cases migrated now, closed ones replayed from their start), with its progress, summary, filters and
 * a CSV of the cases.
 */
export function ImpactReport({ definition }: { definition: { key?: unknown } }) {
  const { t } = useTranslation();
  const [running, setRunning] = useState(true);
  const [closedFrom, setClosedFrom] = useState('');
  const [closedTo, setClosedTo] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [cases, setCases] = useState<CaseImpact[]>([]);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [filter, setFilter] = useState<Filter>('changed');
  const key = typeof definition.key === 'string' ? definition.key : '';

  /** From the start, or on from where the last page stopped (its cases kept). */
  const run = async (offset = 0) => {
    const found: CaseImpact[] = offset === 0 ? [] : [...cases];
    setCases(found);
    setSummary(null);
    setError(null);
    setProgress({ done: 0, total: 0 });
    try {
      const stream = await unwrap(
        api.POST('/definitions/impact', {
          body: {
            key,
            candidate: definition as Record<string, never>,
            running,
            offset,
            limit: PAGE,
            ...(closedFrom ? { closedFrom: new Date(closedFrom).toISOString() } : {}),
            ...(closedTo ? { closedTo: new Date(closedTo).toISOString() } : {}),
          },
          parseAs: 'stream',
        }),
      );
      const reader = (stream as unknown as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let buffered = '';
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        buffered += decoder.decode(chunk.value, { stream: true });
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const text of lines.filter((l) => l.trim())) {
          const line = JSON.parse(text) as Line;
          if (line.type === 'progress') setProgress({ done: line.done, total: line.total });
          else if (line.type === 'case') found.push(line);
          else if (line.type === 'summary') setSummary(line);
        }
        setCases([...found]);
      }
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'NETWORK', String(caught), null));
    } finally {
      setProgress(null);
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([toCsv(cases)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `impact-${key}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  const shown = cases.filter(FILTERS[filter]);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="impact-report">
      <Typography.Paragraph>{t('admin.impact.help')}</Typography.Paragraph>
      <Space wrap>
        <Checkbox checked={running} onChange={(e) => setRunning(e.target.checked)}>
          {t('admin.impact.running')}
        </Checkbox>
        <label>
          {t('admin.impact.closedFrom')}{' '}
          <Input
            type="date"
            value={closedFrom}
            onChange={(e) => setClosedFrom(e.target.value)}
            style={{ width: 160 }}
          />
        </label>
        <label>
          {t('admin.impact.closedTo')}{' '}
          <Input type="date" value={closedTo} onChange={(e) => setClosedTo(e.target.value)} style={{ width: 160 }} />
        </label>
        <Button onClick={() => void run()} loading={progress !== null} data-testid="show-impact">
          {t('admin.impact.run')}
        </Button>
      </Space>
      {progress && (
        <Progress
          percent={progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * 100)}
          format={() => `${progress.done}/${progress.total}`}
        />
      )}
      {error && <ErrorAlert error={error} />}
      {summary && (
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 4 }} data-testid="impact-summary">
          <Descriptions.Item label={t('admin.impact.examined')}>
            {summary.examined} / {summary.total}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.impact.changed')}>{summary.changed}</Descriptions.Item>
          <Descriptions.Item label={t('admin.impact.dueMoved')}>{summary.dueDatesMoved}</Descriptions.Item>
          <Descriptions.Item label={t('admin.impact.cannotCarry')}>{summary.cannotCarry}</Descriptions.Item>
          <Descriptions.Item label={t('admin.impact.refused')}>
            {summary.refusedActions} ({summary.casesWithRefusals})
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.impact.outcomes')}>{summary.outcomesDiffer}</Descriptions.Item>
        </Descriptions>
      )}
      {summary?.nextOffset != null && (
        <Alert
          type="info"
          showIcon
          title={t('admin.impact.more', { next: summary.nextOffset })}
          action={
            <Button size="small" onClick={() => void run(summary.nextOffset ?? 0)} data-testid="impact-continue">
              {t('admin.impact.continue')}
            </Button>
          }
        />
      )}
      {cases.length > 0 && (
        <>
          <Space wrap>
            <Segmented<Filter>
              value={filter}
              onChange={setFilter}
              options={(Object.keys(FILTERS) as Filter[]).map((f) => ({
                value: f,
                label: t(`admin.impact.filter.${f}`),
              }))}
            />
            <Button onClick={download} data-testid="impact-csv">
              {t('admin.impact.csv')}
            </Button>
          </Space>
          <Table<CaseImpact>
            size="small"
            rowKey="requestId"
            dataSource={shown}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="impact-cases"
            columns={[
              {
                title: t('admin.impact.col.request'),
                dataIndex: 'requestId',
                render: (id: string) => <code>{id.slice(0, 8)}</code>,
              },
              { title: t('admin.impact.col.status'), dataIndex: 'status' },
              {
                title: t('admin.impact.col.due'),
                render: (_, c) =>
                  c.cannotCarry ? (
                    <span className="ow-impact-cannot">{c.cannotCarry.message}</span>
                  ) : (
                    c.dueDates.map(dueText).join('; ')
                  ),
              },
              {
                title: t('admin.impact.col.steps'),
                render: (_, c) =>
                  [...c.stepsAdded.map((s) => `+${s}`), ...c.stepsRemoved.map((s) => `−${s}`)].join(' '),
              },
              { title: t('admin.impact.col.refused'), render: (_, c) => c.refused.length || '' },
              {
                title: t('admin.impact.col.outcome'),
                render: (_, c) => (c.outcome.differs ? `${c.outcome.old} → ${c.outcome.new}` : c.outcome.old),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
