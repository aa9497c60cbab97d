import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Segmented from 'antd/es/segmented';
import Select from 'antd/es/select';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDefinitionNames } from '@/lib/definition-labels';
import { Link } from 'react-router';
import { Card } from '@/components/card';
import { Table } from '@/components/table';
import { Typography } from '@/components/typography';
import { ErrorAlert, PageLoading, StreamBadge } from '@/components/page-state';
import { StatusTag } from '@/components/status-tag';
import { api, idempotencyKey, unwrap, type Schemas, type WorkItem } from '@/lib/api/client';
import { queryKeys, useDefinitions, useTimeZoneOfDefinition } from '@/lib/api/queries';
import { useSession } from '@/lib/auth/auth-context';
import { useLiveInvalidation } from '@/lib/event-stream';
import { Deadline } from '@/components/moment';
import type { ProcessDefinition } from '@onewindow/definition-types';
import { TAG } from '@/components/tag-colors';

/** Outcomes every selected step declares in its definition (the API still judges each item). */
function commonOutcomes(items: WorkItem[], definitions: ProcessDefinition[]): string[] {
  const outcomesOf = (item: WorkItem): string[] => {
    const definition = definitions.find((d) => d.key === item.definitionKey);
    for (const step of definition?.steps ?? []) {
      if (step.id === item.stepId) return Object.keys(step.next);
      if (step.kind === 'parallel' && step.members.some((m) => m.id === item.stepId)) return step.memberOutcomes;
    }
    return [];
  };
  const [first = [], ...rest] = items.map(outcomesOf);
  return first.filter((o) => rest.every((list) => list.includes(o)));
}

type Filter = 'department' | 'mine' | 'overdue';
const PAGE_SIZE = 20;

export function WorkQueuePage() {
  const { t } = useTranslation();
  const names = useDefinitionNames();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('department');
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<WorkItem[]>([]);
  const query = {
    page,
    pageSize: PAGE_SIZE,
    ...(filter === 'mine' ? { assignee: 'me' } : {}),
    ...(filter === 'overdue' ? { overdue: true } : {}),
    ...(search ? { search } : {}),
  };
  const queue = useQuery({
    queryKey: [...queryKeys.workQueue, filter, search, page],
    queryFn: () => unwrap(api.GET('/work-queue', { params: { query } })),
  });
  const department = user.role === 'clerk' ? user.department : undefined;
  const stream = useLiveInvalidation(
    `/work-queue/events${department ? `?department=${encodeURIComponent(department)}` : ''}`,
    [queryKeys.workQueue],
  );
  const definitions = useDefinitions();
  const zoneOf = useTimeZoneOfDefinition();

  const bulk = useMutation({
    mutationFn: (values: { outcome: string; reason?: string }) =>
      unwrap(
        api.POST('/work-queue/decisions', {
          body: {
            outcome: values.outcome,
            reason: values.reason || undefined,
            items: selected.map((s) => ({ requestId: s.requestId, stepId: s.stepId })),
          },
          headers: { 'Idempotency-Key': idempotencyKey() },
        }),
      ),
    onSuccess: () => {
      setSelected([]);
      void queryClient.invalidateQueries({ queryKey: queryKeys.workQueue });
    },
  });

  return (
    <section aria-labelledby="queue-title">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} id="queue-title">
          {t('queue.title')}
          {department ? ` · ${names.department(department)}` : ''}
        </Typography.Title>
        <StreamBadge status={stream} />
      </Space>
      <Segmented<Filter>
        aria-label={t('queue.filter')}
        value={filter}
        onChange={(value) => {
          setFilter(value);
          setPage(1);
        }}
        options={[
          { value: 'department', label: t('queue.filters.department') },
          { value: 'mine', label: t('queue.filters.mine') },
          { value: 'overdue', label: t('queue.filters.overdue') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Input.Search
        aria-label={t('queue.search')}
        placeholder={t('queue.searchPlaceholder')}
        allowClear
        enterButton={t('queue.searchButton')}
        onSearch={(value) => {
          setSearch(value.trim());
          setPage(1);
        }}
        style={{ marginBottom: 16, maxWidth: 480 }}
        data-testid="queue-search"
      />
      {queue.isPending ? (
        <PageLoading />
      ) : queue.error ? (
        <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <Table<WorkItem>
          rowKey={(item) => `${item.requestId}/${item.stepId}`}
          dataSource={queue.data.items}
          locale={{ emptyText: <span className="ow-empty">{t('queue.empty')}</span> }}
          rowSelection={{
            selectedRowKeys: selected.map((s) => `${s.requestId}/${s.stepId}`),
            onChange: (_, rows) => setSelected(rows),
            getCheckboxProps: (item) => ({
              'aria-label': t('queue.select', { title: item.requestTitle, step: item.title }),
            }),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: queue.data.total,
            onChange: setPage,
            showTotal: (total) =>
              queue.data.totalCapped ? t('queue.totalCapped', { total }) : t('queue.total', { count: total }),
          }}
          columns={[
            {
              title: t('queue.request'),
              dataIndex: 'requestTitle',
              render: (title: string, item) => (
                <Link to={`/queue/${item.requestId}/steps/${item.stepId}`} data-testid={`open-${item.stepId}`}>
                  {title}
                </Link>
              ),
            },
            { title: t('queue.step'), dataIndex: 'title' },
            {
              title: t('requests.status'),
              dataIndex: 'requestStatus',
              render: (s: string) => <StatusTag status={s} />,
            },
            {
              title: t('request.heldBy'),
              dataIndex: 'assignee',
              render: (a: string | null) => a ?? t('request.unassigned'),
            },
            {
              title: t('request.due'),
              dataIndex: 'dueAt',
              render: (d: string | null, item) => (
                <>
                  <Deadline dueAt={d} timeZone={zoneOf(item.definitionKey)} />{' '}
                  {item.overdue && (
                    <Tag color={TAG.red} data-testid="breach">
                      {t('queue.breached')}
                    </Tag>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
      {selected.length > 0 && (
        <Card title={<h2 className="ow-card-title">{t('queue.bulk.title', { count: selected.length })}</h2>}>
          <Form layout="inline" onFinish={(values: { outcome: string; reason?: string }) => bulk.mutate(values)}>
            <Form.Item
              name="outcome"
              label={t('actions.outcome')}
              rules={[{ required: true, message: t('form.required', { field: t('actions.outcome') }) }]}
            >
              <Select
                style={{ minWidth: 180 }}
                options={commonOutcomes(selected, definitions.data ?? []).map((o) => ({
                  value: o,
                  label: names.outcome(o, selected[0]?.definitionKey),
                }))}
              />
            </Form.Item>
            <Form.Item name="reason" label={t('actions.reason')}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={bulk.isPending}>
              {t('queue.bulk.decide')}
            </Button>
          </Form>
        </Card>
      )}
      {bulk.error && <ErrorAlert error={bulk.error} />}
      {bulk.data && <BulkResults results={bulk.data.results} />}
    </section>
  );
}

function BulkResults({ results }: { results: Schemas['BulkResultView'][] }) {
  const { t } = useTranslation();
  return (
    <Card title={<h2 className="ow-card-title">{t('queue.bulk.results')}</h2>} data-testid="bulk-results">
      <Table<Schemas['BulkResultView']>
        rowKey={(r) => `${r.requestId}/${r.stepId}`}
        size="small"
        pagination={false}
        dataSource={results}
        columns={[
          { title: t('queue.request'), dataIndex: 'requestId' },
          { title: t('queue.step'), dataIndex: 'stepId' },
          {
            title: t('queue.bulk.result'),
            dataIndex: 'result',
            render: (r: string, row) => (
              <Tag color={r === 'decided' ? TAG.green : TAG.red}>
                {t(`queue.bulk.${r}`)} {row.message ? `— ${row.message}` : ''}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
