import UploadOutlined from '@ant-design/icons/es/icons/UploadOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Button from 'antd/es/button';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApiError,
  api,
  authorizedFetch,
  unwrap,
  type CaseDocumentView,
  type DocumentVersionView,
} from '@/lib/api/client';
import { Card } from '@/components/card';
import { Table } from '@/components/table';
import { Typography } from '@/components/typography';
import { formatDateTime } from '@/lib/format';
import { IssuedDocuments } from './issued-documents';
import { ErrorAlert, PageLoading } from './page-state';
import { TAG } from './tag-colors';

/** Under the request's key, so its live stream (which invalidates the request) refreshes the documents too. */
export const documentKeys = { list: (requestId: string) => ['requests', requestId, 'documents'] as const };

/** Saves one version: fetched with the bearer token as a blob, then handed to the browser as a download. */
export async function downloadVersion(version: DocumentVersionView): Promise<void> {
  const response = await authorizedFetch(version.href);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = version.fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Files a new version (multipart: the documentType field first, then the file). */
export async function uploadDocument(
  requestId: string,
  documentType: string,
  file: File,
): Promise<DocumentVersionView> {
  const form = new FormData();
  form.append('documentType', documentType);
  form.append('file', file, file.name);
  const response = await authorizedFetch(`/requests/${requestId}/documents`, { method: 'POST', body: form });
  return (await response.json()) as DocumentVersionView;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function UploadRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && (error.status === 413 || error.status === 415)) {
    return (
      <div role="alert" data-testid="upload-error" className="ow-upload-error">
        <strong>{t(error.status === 413 ? 'documents.tooLarge' : 'documents.wrongType')}</strong>{' '}
        <span data-testid="error-message">{error.message}</span>
      </div>
    );
  }
  return (
    <div data-testid="upload-error">
      <ErrorAlert error={error} />
    </div>
  );
}

function UploadForm({ requestId, types }: { requestId: string; types: CaseDocumentView[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const typeId = useId();
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [documentType, setDocumentType] = useState<string | undefined>(types[0]?.documentType);
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: () => uploadDocument(requestId, documentType ?? '', file as File),
    onSuccess: () => {
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      void client.invalidateQueries({ queryKey: ['requests', requestId] });
    },
  });
  return (
    <form
      aria-label={t('documents.uploadForm')}
      onSubmit={(event) => {
        event.preventDefault();
        if (documentType && file) upload.mutate();
      }}
    >
      <Space wrap align="end">
        <div>
          <label htmlFor={typeId} className="ow-field-label">
            {t('documents.type')}
          </label>
          {/* The browser's own select: the case page loads no Select component for one short list. */}
          <select
            id={typeId}
            className="ow-native-select"
            value={documentType}
            onChange={(event) => setDocumentType(event.target.value)}
          >
            {types.map((d) => (
              <option key={d.documentType} value={d.documentType}>
                {d.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={fileId} className="ow-field-label">
            {t('documents.file')}
          </label>
          <input
            id={fileId}
            ref={fileInput}
            type="file"
            data-testid="document-file"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              upload.reset();
            }}
          />
        </div>
        <Button
          htmlType="submit"
          type="primary"
          icon={<UploadOutlined />}
          loading={upload.isPending}
          disabled={!documentType || !file}
        >
          {t('documents.upload')}
        </Button>
      </Space>
      {upload.error && <UploadRefusal error={upload.error} />}
      {upload.isSuccess && (
        <div role="status" data-testid="upload-done">
          {t('documents.uploaded', { fileName: upload.data.fileName, version: upload.data.version })}
        </div>
      )}
    </form>
  );
}

function VersionHistory({ doc, zone }: { doc: CaseDocumentView; zone: string }) {
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  return (
    <>
      <Table<DocumentVersionView>
        size="small"
        rowKey="version"
        pagination={false}
        dataSource={[...doc.versions].reverse()}
        aria-label={t('documents.history', { title: doc.title })}
        columns={[
          {
            title: t('documents.version'),
            dataIndex: 'version',
            render: (v: number) =>
              v === doc.current?.version ? (
                <Space>
                  {v}
                  <Tag color={TAG.green}>{t('documents.current')}</Tag>
                </Space>
              ) : (
                v
              ),
          },
          { title: t('documents.fileName'), dataIndex: 'fileName' },
          { title: t('documents.size'), dataIndex: 'size', render: (n: number) => formatSize(n) },
          {
            title: t('documents.uploadedBy'),
            key: 'by',
            render: (_, v) =>
              `${v.uploadedBy.id} · ${t(`roles.${v.uploadedBy.role}`, { defaultValue: v.uploadedBy.role })}`,
          },
          {
            title: t('documents.uploadedAt'),
            dataIndex: 'uploadedAt',
            render: (at: string) => formatDateTime(at, zone, i18n.language),
          },
          {
            title: t('documents.sha256'),
            dataIndex: 'sha256',
            render: (sha: string) => <code title={sha}>{sha.slice(0, 12)}…</code>,
          },
          {
            title: t('documents.download'),
            key: 'download',
            render: (_, v) => (
              <Button
                size="small"
                data-testid={`download-${doc.documentType}-${v.version}`}
                onClick={() => {
                  setFailure(null);
                  downloadVersion(v).catch(setFailure);
                }}
              >
                {t('documents.downloadVersion', { fileName: v.fileName, version: v.version })}
              </Button>
            ),
          },
        ]}
      />
      {failure !== null && <ErrorAlert error={failure} />}
    </>
  );
}

/**
 * The documents of a request: each declared type, its current version (the one every reviewer sees)
 * and the whole history; downloads; and, for those who may, an upload of a new version.
 */
/** The case's documents; their moments in the case's zone (the browser's own where none is given). */
export function DocumentsPanel({
  requestId,
  canUpload,
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
}: {
  requestId: string;
  canUpload: boolean;
  timeZone?: string;
}) {
  const { t } = useTranslation();
  const documents = useQuery({
    queryKey: documentKeys.list(requestId),
    queryFn: () => unwrap(api.GET('/requests/{id}/documents', { params: { path: { id: requestId } } })),
  });
  let body;
  if (documents.isPending) body = <PageLoading />;
  else if (documents.error) body = <ErrorAlert error={documents.error} onRetry={() => void documents.refetch()} />;
  else if (documents.data.items.length === 0) {
    body = <Typography.Text type="secondary">{t('documents.none')}</Typography.Text>;
  } else {
    body = (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {documents.data.items.map((doc) => (
          <section
            key={doc.documentType}
            data-testid={`document-${doc.documentType}`}
            aria-labelledby={`doc-${doc.documentType}`}
          >
            <h3 id={`doc-${doc.documentType}`} className="ow-card-title">
              {doc.title}
            </h3>
            <div data-testid="document-current">
              {doc.current
                ? t('documents.currentVersion', { version: doc.current.version, fileName: doc.current.fileName })
                : t('documents.noVersion')}
              {doc.requiredAt.length > 0 && (
                <Typography.Text type="secondary">
                  {' '}
                  · {t('documents.requiredAt', { steps: doc.requiredAt.join(', ') })}
                </Typography.Text>
              )}
            </div>
            {doc.versions.length > 0 && <VersionHistory zone={timeZone} doc={doc} />}
          </section>
        ))}
        {canUpload && <UploadForm requestId={requestId} types={documents.data.items} />}
        <IssuedDocuments requestId={requestId} timeZone={timeZone} />
      </Space>
    );
  }
  return (
    <Card title={<h2 className="ow-card-title">{t('documents.title')}</h2>} data-testid="documents-panel">
      {body}
    </Card>
  );
}
