import Descriptions from 'antd/es/descriptions';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Card } from '@/components/card';
import { Deadline } from '@/components/moment';
import { Table } from '@/components/table';
import { Typography } from '@/components/typography';
import { ErrorAlert, PageLoading } from '@/components/page-state';
import { StatusTag } from '@/components/status-tag';
import { TAG } from '@/components/tag-colors';
import type { Schemas } from '@/lib/api/client';
import { formatDay } from '@/lib/format';
import { useProcessName } from '@/lib/definition-labels';
import { useProject } from './api';

type MemberRequest = Schemas['ProjectRequestView'];

const STAGE_COLOR: Record<string, string> = {
  waiting: TAG.grey,
  running: TAG.blue,
  done: TAG.green,
  failed: TAG.red,
};

/** One project: its limit and projection, and each stage with its requests, clocks and critical path. */
export function ProjectPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const project = useProject(id);
  const processName = useProcessName();
  if (project.isPending) return <PageLoading />;
  if (project.error) return <ErrorAlert error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  const day = (d: string) => formatDay(d, i18n.language);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} data-testid="project-title">
        {p.title}
      </Typography.Title>
      <Card title={<h2 className="ow-card-title">{t('projects.overview')}</h2>}>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('projects.status')}>
            {t(`projects.statuses.${p.status}`, { defaultValue: p.status })}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.limit')}>
            {t('projects.days', { count: p.limitWorkingDays })} · {day(p.limitDate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.projectedDate')}>{day(p.projectedDate)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.slack')}>
            <span data-testid="project-slack">
              <Tag color={p.withinLimit ? TAG.green : TAG.red}>
                {p.withinLimit ? t('projects.withinLimit') : t('projects.overLimit')}
              </Tag>
              {t('projects.days', { count: p.slackWorkingDays })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.calendar')}>
            {p.calendar.id} ({p.calendar.timeZone})
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.criticalPath')}>
            <span data-testid="critical-path">{p.criticalPath.join(' → ') || '—'}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {p.stages.map((stage) => (
        <Card
          key={stage.number}
          data-testid={`stage-${stage.number}`}
          title={
            <h2 className="ow-card-title">
              {t('projects.stage', { number: stage.number, name: stage.name })}{' '}
              <Tag color={STAGE_COLOR[stage.status] ?? TAG.grey}>
                {t(`projects.stageStatuses.${stage.status}`, { defaultValue: stage.status })}
              </Tag>
            </h2>
          }
        >
          <Typography.Paragraph>
            {t('projects.stageClock', {
              days: stage.plannedWorkingDays,
              start: day(stage.clock.projectedStart),
              due: day(stage.clock.projectedDue),
            })}
          </Typography.Paragraph>
          <Table<MemberRequest>
            size="small"
            rowKey="memberId"
            pagination={false}
            dataSource={stage.requests}
            columns={[
              {
                title: t('projects.process'),
                dataIndex: 'definitionKey',
                render: (key: string) => processName(key),
              },
              {
                title: t('projects.requestStatus'),
                dataIndex: 'status',
                render: (status: string) =>
                  status === 'waiting' ? (
                    <Tag>{t('projects.stageStatuses.waiting')}</Tag>
                  ) : (
                    <StatusTag status={status} />
                  ),
              },
              {
                title: t('projects.nextDue'),
                dataIndex: 'nextDueAt',
                // In the zone of the request's own jurisdiction, named, as on its pages.
                render: (at: string | null, row) => (
                  <>
                    <Deadline dueAt={at} timeZone={row.timeZone} testId={`next-due-${row.memberId}`} />
                    {at && row.dueProvisional ? ` (${t('projects.provisional')})` : ''}
                  </>
                ),
              },
              {
                title: t('projects.projected'),
                key: 'projected',
                render: (_, row) => `${day(row.projectedStart)} – ${day(row.projectedDue)}`,
              },
              {
                title: t('projects.criticalPath'),
                dataIndex: 'onCriticalPath',
                render: (critical: boolean) =>
                  critical ? <Tag color={TAG.orange}>{t('projects.critical')}</Tag> : t('projects.notCritical'),
              },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
