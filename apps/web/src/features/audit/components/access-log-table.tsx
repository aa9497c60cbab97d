import { useTranslation } from 'react-i18next';
import { Table } from '@/components/table';
import { EmptyState, ErrorAlert, PageLoading } from '@/components/page-state';
import { Moment } from '@/components/moment';
import { useAccessLog, type AccessLogEntry } from '../api';

/** Refused actions on the case: authorization denials and actions the rules rejected. */
/** Moments in the case's zone, UTC on hover. */
export function AccessLogTable({ requestId, timeZone }: { requestId: string; timeZone: string }) {
  const { t } = useTranslation();
  const log = useAccessLog(requestId);
  if (log.isPending) return <PageLoading />;
  if (log.error) return <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />;
  return (
    <Table<AccessLogEntry>
      data-testid="access-log"
      rowKey="id"
      size="small"
      dataSource={log.data}
      locale={{ emptyText: <EmptyState message={t('audit.accessLog.empty')} /> }}
      pagination={{ pageSize: 25, hideOnSinglePage: true }}
      columns={[
        {
          title: t('audit.accessLog.at'),
          dataIndex: 'occurredAt',
          render: (at: string) => <Moment at={at} timeZone={timeZone} />,
        },
        { title: t('audit.accessLog.who'), dataIndex: 'actorId', render: (a: string | null) => a ?? '—' },
        { title: t('audit.accessLog.kind'), dataIndex: 'kind' },
        { title: t('audit.accessLog.route'), dataIndex: 'route' },
        { title: t('audit.accessLog.reason'), dataIndex: 'reason' },
        {
          title: t('audit.accessLog.correlationId'),
          dataIndex: 'correlationId',
          render: (c: string) => <code>{c}</code>,
        },
      ]}
    />
  );
}
