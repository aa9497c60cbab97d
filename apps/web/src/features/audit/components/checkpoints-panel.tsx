import { useMutation, useQueryClient } from '@tanstack/react-query';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import List from 'antd/es/list';
import Space from 'antd/es/space';
import { useTranslation } from 'react-i18next';
import { Table } from '@/components/table';
import { EmptyState, ErrorAlert, PageLoading } from '@/components/page-state';
import { api, unwrap } from '@/lib/api/client';
import { Moment } from '@/components/moment';
import { auditKeys, useCheckpoints, type Checkpoint } from '../api';

/** The signed checkpoints over every case's chain head, and their verification. */
export function CheckpointsPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const checkpoints = useCheckpoints();
  const verify = useMutation({
    mutationFn: () => unwrap(api.GET('/audit/checkpoints/verify', { params: { query: {} } })),
  });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/audit/checkpoints')),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: auditKeys.checkpoints }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="verify-checkpoints">
          {t('audit.checkpoints.verify')}
        </Button>
        <Button onClick={() => create.mutate()} loading={create.isPending}>
          {t('audit.checkpoints.create')}
        </Button>
      </Space>
      {(verify.error ?? create.error) && <ErrorAlert error={verify.error ?? create.error} />}
      {verify.data && (
        <Alert
          role="status"
          showIcon
          data-testid="checkpoints-verdict"
          type={verify.data.issues.length === 0 ? 'success' : 'error'}
          title={
            verify.data.issues.length === 0
              ? t('audit.checkpoints.ok', { checkpoints: verify.data.checkpoints, heads: verify.data.headsChecked })
              : t('audit.checkpoints.failed', { count: verify.data.issues.length })
          }
          description={
            verify.data.issues.length > 0 ? (
              <List
                size="small"
                dataSource={verify.data.issues}
                renderItem={(issue) => (
                  <List.Item>
                    <code>{issue.kind}</code> {issue.message}
                  </List.Item>
                )}
              />
            ) : (
              t('audit.checkpoints.uncovered', { count: verify.data.uncoveredCases })
            )
          }
        />
      )}
      {checkpoints.isPending ? (
        <PageLoading />
      ) : checkpoints.error ? (
        <ErrorAlert error={checkpoints.error} onRetry={() => void checkpoints.refetch()} />
      ) : (
        <Table<Checkpoint>
          data-testid="checkpoints"
          rowKey="id"
          size="small"
          dataSource={[...checkpoints.data].reverse()}
          locale={{ emptyText: <EmptyState message={t('audit.checkpoints.empty')} /> }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            {
              title: t('audit.checkpoints.createdAt'),
              dataIndex: 'createdAt',
              // A checkpoint spans every jurisdiction: it is read in UTC.
              render: (at: string) => <Moment at={at} timeZone="UTC" />,
            },
            { title: t('audit.checkpoints.cases'), dataIndex: 'requestCount', align: 'right' },
            { title: t('audit.checkpoints.transitions'), dataIndex: 'transitionCount', align: 'right' },
            {
              title: t('audit.checkpoints.hash'),
              dataIndex: 'hash',
              render: (h: string) => <code>{h.slice(0, 16)}…</code>,
            },
            { title: t('audit.checkpoints.key'), dataIndex: 'keyId' },
          ]}
        />
      )}
    </Space>
  );
}
