import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Space from 'antd/es/space';
import Tabs from 'antd/es/tabs';
import Tag from 'antd/es/tag';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDefinitionNames } from '@/lib/definition-labels';
import { Link } from 'react-router';
import { Table } from '@/components/table';
import { Typography } from '@/components/typography';
import { Deferred, EmptyState, ErrorAlert, PageLoading } from '@/components/page-state';
import { TAG } from '@/components/tag-colors';
import { Deadline } from '@/components/moment';
import { useTimeZoneOfDefinition } from '@/lib/api/queries';
import { useBreaches, useTimeUse, type Breach, type StepTimeUse } from './api';

/** Acting on a breach (its forms) loads once one is chosen. */
const CaseSupervision = lazy(() =>
  import('./components/case-supervision').then((m) => ({ default: m.CaseSupervision })),
);

const days = (n: number | null) => (n === null ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(1));

function BreachesTab({ department }: { department?: string }) {
  const { t } = useTranslation();
  const names = useDefinitionNames();
  const zoneOf = useTimeZoneOfDefinition();
  const breaches = useBreaches(department);
  const [selected, setSelected] = useState<Breach | null>(null);
  if (breaches.isPending) return <PageLoading />;
  if (breaches.error) return <ErrorAlert error={breaches.error} onRetry={() => void breaches.refetch()} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Table<Breach>
        data-testid="breaches"
        rowKey={(b) => `${b.requestId}/${b.stepId}`}
        size="small"
        dataSource={breaches.data.items}
        locale={{ emptyText: <EmptyState message={t('supervision.noBreaches')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('supervision.request'),
            dataIndex: 'requestTitle',
            render: (title: string, b) => <Link to={`/queue/${b.requestId}/steps/${b.stepId}`}>{title}</Link>,
          },
          { title: t('supervision.step'), dataIndex: 'title' },
          {
            title: t('supervision.department'),
            dataIndex: 'department',
            render: (d: string) => names.department(d),
          },
          { title: t('supervision.assignee'), dataIndex: 'assignee', render: (a: string | null) => a ?? '—' },
          {
            title: t('supervision.due'),
            dataIndex: 'dueAt',
            render: (at: string | null, b) => <Deadline dueAt={at} timeZone={zoneOf(b.definitionKey)} />,
          },
          {
            title: t('supervision.breach'),
            key: 'breach',
            render: (_: unknown, b) => (
              <Space size={4} wrap>
                {b.overdue && <Tag color={TAG.red}>{t('supervision.overdue')}</Tag>}
                {b.escalated && <Tag color={TAG.orange}>{t('supervision.escalated')}</Tag>}
                {b.caseOverdue && <Tag color={TAG.purple}>{t('supervision.caseOverdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('supervision.action'),
            key: 'action',
            render: (_: unknown, b) => (
              <Button
                size="small"
                data-testid={`supervise-${b.stepId}`}
                aria-label={t('supervision.actOn', { title: b.requestTitle, step: b.title })}
                onClick={() => setSelected(b)}
              >
                {t('supervision.act')}
              </Button>
            ),
          },
        ]}
      />
      {selected && (
        <Deferred>
          <CaseSupervision key={`${selected.requestId}/${selected.stepId}`} breach={selected} />
        </Deferred>
      )}
    </Space>
  );
}

function TimeUseTab({ department }: { department?: string }) {
  const { t } = useTranslation();
  const names = useDefinitionNames();
  const timeUse = useTimeUse(department);
  if (timeUse.isPending) return <PageLoading />;
  if (timeUse.error) return <ErrorAlert error={timeUse.error} onRetry={() => void timeUse.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('supervision.timeUseHelp')}</Typography.Paragraph>
      <Table<StepTimeUse>
        data-testid="time-use"
        rowKey={(r) => `${r.department}/${r.stepId}`}
        size="small"
        dataSource={timeUse.data.steps}
        locale={{ emptyText: <EmptyState message={t('supervision.noTimeUse')} /> }}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        columns={[
          {
            title: t('supervision.department'),
            dataIndex: 'department',
            render: (d: string) => names.department(d),
          },
          { title: t('supervision.step'), dataIndex: 'stepId' },
          { title: t('supervision.open'), dataIndex: 'open', align: 'right' },
          {
            title: t('supervision.overdue'),
            dataIndex: 'overdue',
            align: 'right',
            render: (n: number) => (n > 0 ? <Tag color={TAG.red}>{n}</Tag> : n),
          },
          { title: t('supervision.completed'), dataIndex: 'completed', align: 'right' },
          { title: t('supervision.median'), dataIndex: 'medianWorkingDays', align: 'right', render: days },
          { title: t('supervision.p90'), dataIndex: 'p90WorkingDays', align: 'right', render: days },
        ]}
      />
    </Space>
  );
}

/** The supervisor's desk: what is late or escalated, what to do about it, and where each department's time goes. */
export function OversightPage() {
  const { t } = useTranslation();
  const [department, setDepartment] = useState<string | undefined>();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>{t('supervision.title')}</Typography.Title>
      <Input.Search
        allowClear
        style={{ maxWidth: 320 }}
        aria-label={t('supervision.departmentFilter')}
        placeholder={t('supervision.departmentFilter')}
        enterButton={t('supervision.filter')}
        onSearch={(value) => setDepartment(value.trim() || undefined)}
      />
      <Tabs
        items={[
          { key: 'breaches', label: t('supervision.breaches'), children: <BreachesTab department={department} /> },
          { key: 'time-use', label: t('supervision.timeUse'), children: <TimeUseTab department={department} /> },
        ]}
      />
    </Space>
  );
}
