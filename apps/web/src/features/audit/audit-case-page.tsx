import { Card } from '@/components/card';
import Space from 'antd/es/space';
import Tabs from 'antd/es/tabs';
import { Typography } from '@/components/typography';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert, PageLoading } from '@/components/page-state';
import { useHistory } from './api';
import { AccessLogTable } from './components/access-log-table';
import { HistoryTable } from './components/history-table';
import { ExportPanel, ReplayPanel } from './components/replay-export';
import { TimeTravel } from './components/time-travel';
import { VerifyPanel } from './components/verify-panel';

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
      <Card>
        <Tabs
          items={[
            { key: 'history', label: t('audit.history.title'), children: <HistoryTable requestId={id} /> },
            {
              key: 'replay',
              label: t('audit.replay.title'),
              children: (
                <Space direction="vertical" size="large" style={{ width: '100%' }}>
                  <ReplayPanel requestId={id} />
                  <ExportPanel requestId={id} />
                </Space>
              ),
            },
            { key: 'access-log', label: t('audit.accessLog.title'), children: <AccessLogTable requestId={id} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
