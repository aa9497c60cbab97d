import Space from 'antd/es/space';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Card } from '@/components/card';
import { Typography } from '@/components/typography';
import { CaseHeader } from '@/components/case-header';
import { CaseOverview, DocumentsPanel } from '@/components/case-sections';
import { mayUploadDocuments } from '@/components/document-rights';
import { Deferred, ErrorAlert, PageLoading, StreamBadge } from '@/components/page-state';
import { queryKeys, useDefinition, useRequestDetail } from '@/lib/api/queries';
import { useSession } from '@/lib/auth/auth-context';
import { useLiveInvalidation } from '@/lib/event-stream';

/** The applicant's forms (Form, Input, Radio, Checkbox, Modal) come after the status is on screen. */
const ApplicantActions = lazy(() =>
  import('./components/applicant-actions').then((m) => ({ default: m.ApplicantActions })),
);

export function RequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const request = useRequestDetail(id);
  const definition = useDefinition(request.data?.definitionKey, request.data?.definitionVersion);
  const stream = useLiveInvalidation(`/requests/${id}/events`, [queryKeys.request(id)]);

  if (request.isPending) return <PageLoading />;
  if (request.error) return <ErrorAlert error={request.error} onRetry={() => void request.refetch()} />;
  const timeZone = request.data.timeZone;
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
        <Deferred>
          <ApplicantActions request={request.data} definition={definition.data} timeZone={timeZone} />
        </Deferred>
      </Card>
      <Deferred>
        <DocumentsPanel requestId={id} canUpload={mayUploadDocuments(user, request.data)} timeZone={timeZone} />
      </Deferred>
      <Deferred>
        <CaseOverview request={request.data} definition={definition.data} timeZone={timeZone} />
      </Deferred>
    </Space>
  );
}
