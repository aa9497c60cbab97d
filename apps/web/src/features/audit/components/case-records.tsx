import Space from 'antd/es/space';
import Tabs from 'antd/es/tabs';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import { AccessLogTable } from './access-log-table';
import { HistoryTable } from './history-table';
import { ExportPanel, ReplayPanel } from './replay-export';

/** A case's records as an auditor reads them: the merged history, replay and export, the access log. */
export function CaseRecords({ requestId, timeZone }: { requestId: string; timeZone: string }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Tabs
        items={[
          {
            key: 'history',
            label: t('audit.history.title'),
            children: <HistoryTable requestId={requestId} timeZone={timeZone} />,
          },
          {
            key: 'replay',
            label: t('audit.replay.title'),
            children: (
              <Space direction="vertical" size="large" style={{ width: '100%' }}>
                <ReplayPanel requestId={requestId} />
                <ExportPanel requestId={requestId} />
              </Space>
            ),
          },
          {
            key: 'access-log',
            label: t('audit.accessLog.title'),
            children: <AccessLogTable requestId={requestId} timeZone={timeZone} />,
          },
        ]}
      />
    </Card>
  );
}
