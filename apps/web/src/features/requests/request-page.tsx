import { Card } from '@/components/card';
import Space from 'antd/es/space';
import { Typography } from '@/components/typography';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CaseHeader, CaseOverview } from '@/components/case-overview';
import { DocumentsPanel, mayUploadDocuments } from '@/components/documents-panel';
import { ErrorAlert, PageLoading, StreamBadge } from '@/components/page-state';
import { queryKeys, useDefinition, useRequestDetail } from '@/lib/api/queries';
import { useSession } from '@/lib/auth/auth-context';
import { useLiveInvalidation } from '@/lib/event-stream';
import { timeZoneOf } from '@/lib/format';
import { ApplicantActions } from './components/applicant-actions';

export function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const request = useRequestDetail(id);
  const definition = useDefinition(request.data?.definitionKey, request.data?.definitionVersion);
  const stream = useLiveInvalidation(`/requests/${id}/events`, [queryKeys.request(id)]);

  if (request.isPending) return <PageLoading />;
  if (request.error) return <ErrorAlert error={request.error} onRetry={() => void request.refetch()} />;
  const timeZone = timeZoneOf(definition.data?.jurisdiction);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} data-testid="request-title">
          {request.data.title}
        </Typography.Title>
        <StreamBadge status={stream} />
      </Space>
      <CaseHeader request={request.data} timeZone={timeZone} />
      <Card title={<h2 className="ow-card-title">{t('actions.title')}</h2>}>
        <ApplicantActions request={request.data} timeZone={timeZone} />
      </Card>
      <DocumentsPanel requestId={id} canUpload={mayUploadDocuments(user, request.data)} />
      <CaseOverview request={request.data} definition={definition.data} timeZone={timeZone} />
    </Space>
  );
}
