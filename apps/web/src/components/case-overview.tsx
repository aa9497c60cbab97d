import Col from 'antd/es/col';
import Row from 'antd/es/row';
import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import type { ProcessDefinition } from '@onewindow/definition-types';
import { Card } from '@/components/card';
import { Table } from '@/components/table';
import { Typography } from '@/components/typography';
import { ConditionList } from '@/components/decision-details';
import type { RequestDetail, StepView } from '@/lib/api/client';
import { nameIn, useLabel } from '@/lib/definition-labels';
import { CaseTimeline } from './case-timeline';
import { Deadline } from './moment';
import { ProcessDiagram } from './process-diagram';
import { StatusTag } from './status-tag';
import { StatutoryClock } from './statutory-clock';
import { TAG } from './tag-colors';

/** Where a case stands: the flow with its current position, the clock, the open steps, conditions, timeline. */
export function CaseOverview({
  request,
  definition,
  timeZone,
}: {
  request: RequestDetail;
  definition: ProcessDefinition | undefined;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const active = new Set(request.currentSteps.map((s) => s.stepId));
  // A step skipped by its routing condition or cancelled was never worked: it is not drawn as done.
  const done = new Set(
    request.timeline
      .filter((e) => e.event !== 'skipped' && e.event !== 'cancelled')
      .map((e) => e.stepId)
      .filter((s): s is string => !!s && !active.has(s)),
  );
  const conditions = request.timeline.flatMap((e) => e.conditions ?? []);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={<h2 className="ow-card-title">{t('request.diagram')}</h2>}>
          {definition ? (
            <ProcessDiagram definition={definition} activeStepIds={active} doneStepIds={done} />
          ) : (
            <Typography.Text type="secondary">{t('state.loading')}</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={<h2 className="ow-card-title">{t('clock.title')}</h2>}>
          {request.clock ? (
            <StatutoryClock clock={request.clock} timeZone={timeZone} />
          ) : (
            <Typography.Text>{t('clock.none')}</Typography.Text>
          )}
        </Card>
        {conditions.length > 0 && (
          <Card title={<h2 className="ow-card-title">{t('request.conditions')}</h2>} style={{ marginTop: 16 }}>
            <ConditionList conditions={conditions} testId="conditions" />
          </Card>
        )}
      </Col>
      <Col span={24}>
        <Card title={<h2 className="ow-card-title">{t('request.currentSteps')}</h2>}>
          <Table<StepView>
            rowKey="stepId"
            aria-label={t('request.currentSteps')}
            size="small"
            pagination={false}
            dataSource={request.currentSteps}
            locale={{ emptyText: <span className="ow-empty">{t('request.noCurrentSteps')}</span> }}
            columns={[
              { title: t('request.step'), dataIndex: 'title' },
              {
                title: t('request.department'),
                dataIndex: 'department',
                render: (d: string) => nameIn('departments', d, definition, t, label),
              },
              {
                title: t('request.heldBy'),
                key: 'holder',
                render: (_, s) => s.assigneeName ?? s.assignee ?? t('request.unassigned'),
              },
              { title: t('request.state'), dataIndex: 'state', render: (st: string) => <StatusTag status={st} /> },
              {
                title: t('request.due'),
                dataIndex: 'dueAt',
                render: (d: string | null, s) => (
                  <>
                    {/* A stopped step has no deadline until it runs again: say it is stopped, not "—". */}
                    {!d && s.clock?.paused ? (
                      <Tag color={TAG.orange}>{t('clock.paused')}</Tag>
                    ) : (
                      <Deadline dueAt={d} dueDate={s.clock?.dueDate} timeZone={timeZone} />
                    )}{' '}
                    {s.clock?.overdue && <Tag color={TAG.red}>{t('clock.overdue')}</Tag>}
                    {s.escalated && <Tag color={TAG.orange}>{t('request.escalated')}</Tag>}
                  </>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={<h2 className="ow-card-title">{t('request.timeline')}</h2>}>
          <CaseTimeline timeline={request.timeline} timeZone={timeZone} definition={definition} />
        </Card>
      </Col>
    </Row>
  );
}
