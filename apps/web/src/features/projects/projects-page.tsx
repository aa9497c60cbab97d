import Space from 'antd/es/space';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Moment } from '@/components/moment';
import { Table } from '@/components/table';
import { Typography } from '@/components/typography';
import { EmptyState, ErrorAlert } from '@/components/page-state';
import { useSession } from '@/lib/auth/auth-context';
import { useProjects, type ProjectSummary } from './api';

/** Projects: several departments' processes in stages under one whole-project limit. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [page, setPage] = useState(1);
  const projects = useProjects(page);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1}>{t('projects.title')}</Typography.Title>
        {user.role === 'applicant' && (
          <Link to="/portfolio/new" data-testid="new-project">
            {t('projects.new')}
          </Link>
        )}
      </Space>
      {projects.error ? (
        <ErrorAlert error={projects.error} onRetry={() => void projects.refetch()} />
      ) : (
        <Table<ProjectSummary>
          rowKey="id"
          loading={projects.isPending}
          dataSource={projects.data?.items ?? []}
          locale={{ emptyText: <EmptyState message={t('projects.empty')} /> }}
          pagination={{
            current: page,
            pageSize: projects.data?.pageSize ?? 20,
            total: projects.data?.total ?? 0,
            onChange: setPage,
          }}
          columns={[
            {
              title: t('projects.name'),
              dataIndex: 'title',
              render: (title: string, row) => <Link to={`/portfolio/${row.id}`}>{title}</Link>,
            },
            { title: t('projects.applicant'), dataIndex: 'applicantId' },
            {
              title: t('projects.submittedAt'),
              dataIndex: 'submittedAt',
              render: (at: string, row) => <Moment at={at} timeZone={row.timeZone} />,
            },
            {
              title: t('projects.limit'),
              dataIndex: 'limitWorkingDays',
              render: (n: number) => t('projects.days', { count: n }),
            },
          ]}
        />
      )}
    </Space>
  );
}
