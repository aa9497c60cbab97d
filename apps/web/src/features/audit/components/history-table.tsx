import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import { Table } from '@/components/table';
import { EmptyState, ErrorAlert, PageLoading } from '@/components/page-state';
import { TAG } from '@/components/tag-colors';
import { Moment } from '@/components/moment';
import { useHistory, type TimelineEntry } from '../api';

/** Temporal's events beside the recorded transitions, in the order they happened. */
/** Moments in the case's zone, UTC on hover. */
export function HistoryTable({ requestId, timeZone }: { requestId: string; timeZone: string }) {
  const { t } = useTranslation();
  const history = useHistory(requestId);
  if (history.isPending) return <PageLoading />;
  if (history.error) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <Table<TimelineEntry>
      data-testid="merged-history"
      rowKey={(e) => `${e.source}-${e.runId ?? ''}-${e.eventId ?? ''}-${e.seq ?? ''}-${e.type}`}
      size="small"
      dataSource={history.data}
      locale={{ emptyText: <EmptyState message={t('audit.history.empty')} /> }}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      columns={[
        {
          title: t('audit.history.at'),
          dataIndex: 'at',
          render: (at: string) => <Moment at={at} timeZone={timeZone} />,
        },
        {
          title: t('audit.history.source'),
          dataIndex: 'source',
          render: (s: string) => (
            <Tag color={s === 'log' ? TAG.blue : TAG.purple}>{t(`audit.history.sources.${s}`)}</Tag>
          ),
        },
        { title: t('audit.history.event'), dataIndex: 'eventId', render: (id: number | null) => id ?? '—' },
        { title: t('audit.history.seq'), dataIndex: 'seq', render: (seq: number | null) => seq ?? '—' },
        { title: t('audit.history.type'), dataIndex: 'type' },
        { title: t('audit.history.summary'), dataIndex: 'summary' },
      ]}
    />
  );
}
