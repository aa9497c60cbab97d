import Input from 'antd/es/input';
import Space from 'antd/es/space';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '@/components/card';
import { Table } from '@/components/table';
import { Typography } from '@/components/typography';
import { EmptyState, ErrorAlert, PageLoading } from '@/components/page-state';
import { StatusTag } from '@/components/status-tag';
import type { RequestSummary } from '@/lib/api/client';
import { Moment } from '@/components/moment';
import { useTimeZoneOfDefinition } from '@/lib/api/queries';
import { useFindCases } from './api';
import { CheckpointsPanel } from './components/checkpoints-panel';

/** The auditor's start: find a case by id, title or applicant; the signed checkpoints over all cases. */
export function AuditingPage() {
  const { t } = useTranslation();
  const zoneOf = useTimeZoneOfDefinition();
  const [q, setQ] = useState('');
  const found = useFindCases(q);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>{t('audit.title')}</Typography.Title>
      <Card title={<h2 className="ow-card-title">{t('audit.find.title')}</h2>}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.Search
            data-testid="find-case"
            aria-label={t('audit.find.label')}
            placeholder={t('audit.find.placeholder')}
            enterButton={t('audit.find.search')}
            allowClear
            onSearch={(value) => setQ(value.trim())}
            style={{ maxWidth: 480 }}
          />
          {q && found.isPending && <PageLoading />}
          {found.error && <ErrorAlert error={found.error} onRetry={() => void found.refetch()} />}
          {found.data && (
            <Table<RequestSummary>
              data-testid="found-cases"
              rowKey="id"
              size="small"
              dataSource={found.data}
              pagination={false}
              locale={{ emptyText: <EmptyState message={t('audit.find.none')} /> }}
              columns={[
                {
                  title: t('requests.title'),
                  dataIndex: 'title',
                  render: (title: string, r) => <Link to={`/auditing/${r.id}`}>{title}</Link>,
                },
                { title: t('audit.find.id'), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
                { title: t('audit.find.applicant'), dataIndex: 'applicantId' },
                { title: t('requests.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
                {
                  title: t('request.submitted'),
                  dataIndex: 'submittedAt',
                  render: (at: string, r) => <Moment at={at} timeZone={zoneOf(r.definitionKey)} />,
                },
              ]}
            />
          )}
        </Space>
      </Card>
      <Card title={<h2 className="ow-card-title">{t('audit.checkpoints.title')}</h2>}>
        <CheckpointsPanel />
      </Card>
    </Space>
  );
}
