import Space from 'antd/es/space';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Card } from '@/components/card';
import { Typography } from '@/components/typography';
import { Deferred, ErrorAlert, PageLoading } from '@/components/page-state';
import { useHistory } from './api';
import { TimeTravel } from './components/time-travel';
import { VerifyPanel } from './components/verify-panel';

/** The merged history, replay and export, and the access log: below the verdict, loaded after it. */
const CaseRecords = lazy(() => import('./components/case-records').then((m) => ({ default: m.CaseRecords })));

/** One case under audit: verdict, time travel, merged history, replay, export and its access log. */
export function AuditCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const history = useHistory(id);
  if (history.isPending) return <PageLoading />;
  if (history.error) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  const transitions = history.data.filter((e) => e.source === 'log').length;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/auditing">{t('audit.back')}</Link>
      <Typography.Title level={1}>
        {t('audit.case')} <code>{id}</code>
      </Typography.Title>
      <Card title={<h2 className="ow-card-title">{t('audit.verify.title')}</h2>}>
        <VerifyPanel requestId={id} />
      </Card>
      <Card title={<h2 className="ow-card-title">{t('audit.travel.title')}</h2>}>
        <TimeTravel requestId={id} transitions={transitions} />
      </Card>
      <Deferred>
        <CaseRecords requestId={id} />
      </Deferred>
    </Space>
  );
}
