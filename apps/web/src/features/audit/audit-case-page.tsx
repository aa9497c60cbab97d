import Space from 'antd/es/space';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Card } from '@/components/card';
import { Typography } from '@/components/typography';
import { Deferred, ErrorAlert, PageLoading } from '@/components/page-state';
import { useProcessName } from '@/lib/definition-labels';
import { useHistory, useViewAsOf } from './api';
import { TimeTravel } from './components/time-travel';
import { VerifyPanel } from './components/verify-panel';

/** The merged history, replay and export, and the access log: below the verdict, loaded after it. */
const CaseRecords = lazy(() => import('./components/case-records').then((m) => ({ default: m.CaseRecords })));

/** One case under audit: verdict, time travel, merged history, replay, export and its access log. */
export function AuditCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const history = useHistory(id);
  const transitions = history.data?.filter((e) => e.source === 'log').length ?? 0;
  // The case as it stands now names it and gives the zone its moments are read in (time travel shares the query).
  const latest = useViewAsOf(id, transitions > 0 ? transitions : undefined);
  const processName = useProcessName();
  if (history.isPending) return <PageLoading />;
  if (history.error) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  const view = latest.data?.view;
  const timeZone = view?.timeZone ?? 'UTC';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/auditing">{t('audit.back')}</Link>
      <div>
        <Typography.Title level={1} data-testid="audit-case-heading">
          {view ? view.title : t('audit.case')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="audit-case-subtitle">
          {view && `${processName(view.definitionKey)} v${view.definitionVersion} · `}
          {t('audit.find.id')} <code>{id}</code>
        </Typography.Text>
      </div>
      <Card title={<h2 className="ow-card-title">{t('audit.verify.title')}</h2>}>
        <VerifyPanel requestId={id} />
      </Card>
      <Card title={<h2 className="ow-card-title">{t('audit.travel.title')}</h2>}>
        <TimeTravel requestId={id} transitions={transitions} />
      </Card>
      <Deferred>
        <CaseRecords requestId={id} timeZone={timeZone} />
      </Deferred>
    </Space>
  );
}
