import { useQuery } from '@tanstack/react-query';
import Button from 'antd/es/button';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, authorizedFetch, unwrap, type Schemas } from '@/lib/api/client';
import { Table } from '@/components/table';
import { Typography } from '@/components/typography';
import { formatDateTime } from '@/lib/format';
import { IssuedDocumentChanges } from './issued-document-changes';
import { ErrorAlert } from './page-state';
import { TAG } from './tag-colors';

type Issued = Schemas['IssuedDocumentView'];

/** Under the request's key, so its live stream refreshes the list when a document is issued. */
const issuedKey = (requestId: string) => ['requests', requestId, 'documents', 'issued'] as const;

async function download(number: string, rendition: Issued['renditions'][number]): Promise<void> {
  const response = await authorizedFetch(rendition.href);
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = `${number}.${rendition.language}.pdf`;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The documents the case issued (decision notices, the permit): number, status now, each language's PDF. */
export function IssuedDocuments({ requestId, timeZone }: { requestId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const issued = useQuery({
    queryKey: issuedKey(requestId),
    queryFn: () => unwrap(api.GET('/requests/{id}/documents/issued', { params: { path: { id: requestId } } })),
  });
  if (issued.error) return <ErrorAlert error={issued.error} onRetry={() => void issued.refetch()} />;
  if (!issued.data || issued.data.length === 0) return null;
  return (
    <section aria-labelledby="issued-documents" data-testid="issued-documents">
      <h3 id="issued-documents" className="ow-card-title">
        {t('issued.title')}
      </h3>
      <Table<Issued>
        rowKey="verificationCode"
        size="small"
        pagination={false}
        aria-label={t('issued.title')}
        dataSource={issued.data}
        columns={[
          { title: t('issued.kind'), key: 'kind', render: (_, d) => t(`issued.kinds.${d.kind}`) },
          { title: t('issued.number'), dataIndex: 'number' },
          {
            title: t('issued.issuedAt'),
            dataIndex: 'issuedAt',
            render: (at: string) => formatDateTime(at, timeZone, i18n.language),
          },
          {
            title: t('issued.status'),
            key: 'status',
            render: (_, d) => (
              <Space direction="vertical" size={0}>
                <Tag color={d.status === 'valid' ? TAG.green : TAG.grey} data-status={d.status}>
                  {t(`issued.statuses.${d.status}`)}
                </Tag>
                {d.statusReason && (
                  <Typography.Text type="secondary" data-testid={`issued-reason-${d.documentId}`}>
                    {d.statusReason}
                    {d.statusAt ? ` · ${formatDateTime(d.statusAt, timeZone, i18n.language)}` : ''}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('issued.verify'),
            key: 'actions',
            render: (_, d) => (
              <Space wrap>
                {d.renditions.map((r) => (
                  <Button
                    key={r.language}
                    size="small"
                    data-testid={`issued-${d.documentId}-${r.language}`}
                    onClick={() => {
                      setFailure(null);
                      download(d.number, r).catch(setFailure);
                    }}
                  >
                    {t('issued.download', { language: t(`issued.languages.${r.language}`) })}
                  </Button>
                ))}
                <Link to={`/verify/${d.verificationCode}`}>{t('issued.verify')}</Link>
              </Space>
            ),
          },
        ]}
      />
      {issued.data.map((d) => (
        <IssuedDocumentChanges key={d.verificationCode} requestId={requestId} document={d} />
      ))}
      {failure !== null && <ErrorAlert error={failure} />}
    </section>
  );
}
