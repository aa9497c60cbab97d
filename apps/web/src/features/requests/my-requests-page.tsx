import { useQuery } from '@tanstack/react-query';
import Button from 'antd/es/button';
import Space from 'antd/es/space';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDefinitionNames, useProcessName } from '@/lib/definition-labels';
import { Link } from 'react-router';
import { Table } from '@/components/table';
import { Typography } from '@/components/typography';
import { ErrorAlert, PageLoading } from '@/components/page-state';
import { StatusTag } from '@/components/status-tag';
import { api, unwrap, type RequestSummary } from '@/lib/api/client';
import { queryKeys, useTimeZoneOfDefinition } from '@/lib/api/queries';
import { Deadline } from '@/components/moment';

const PAGE_SIZE = 20;

export function MyRequestsPage() {
  const { t } = useTranslation();
  const names = useDefinitionNames();
  const processName = useProcessName();
  const [page, setPage] = useState(1);
  const requests = useQuery({
    queryKey: [...queryKeys.requests, 'mine', page],
    queryFn: () => unwrap(api.GET('/requests', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    refetchInterval: 15_000,
  });
  const zoneOf = useTimeZoneOfDefinition();
  return (
    <section aria-labelledby="my-requests-title">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} id="my-requests-title">
          {t('requests.myRequests')}
        </Typography.Title>
        <Link to="/my-requests/new">
          <Button type="primary" tabIndex={-1}>
            {t('nav.newRequest')}
          </Button>
        </Link>
      </Space>
      {requests.isPending ? (
        <PageLoading />
      ) : requests.error ? (
        <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} />
      ) : (
        <Table<RequestSummary>
          rowKey="id"
          dataSource={requests.data.items}
          locale={{ emptyText: <span className="ow-empty">{t('requests.none')}</span> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: requests.data.total, onChange: setPage }}
          columns={[
            {
              title: t('requests.title'),
              dataIndex: 'title',
              render: (title: string, r) => <Link to={`/my-requests/${r.id}`}>{title}</Link>,
            },
            {
              title: t('requests.type'),
              dataIndex: 'definitionKey',
              render: (k: string) => processName(k),
            },
            { title: t('requests.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
            {
              title: t('requests.nextDue'),
              dataIndex: 'nextDueAt',
              render: (d: string | null, r) => <Deadline dueAt={d} timeZone={zoneOf(r.definitionKey)} />,
            },
            {
              title: t('requests.heldBy'),
              key: 'holders',
              render: (_, r) =>
                r.holders.length === 0
                  ? '—'
                  : r.holders
                      .map(
                        (h) =>
                          `${h.title}: ${h.assigneeName ?? h.assignee ?? names.department(h.department, r.definitionKey)}`,
                      )
                      .join('; '),
            },
          ]}
        />
      )}
    </section>
  );
}
