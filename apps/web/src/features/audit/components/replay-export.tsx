import { useMutation } from '@tanstack/react-query';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import List from 'antd/es/list';
import Space from 'antd/es/space';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/page-state';
import { api, unwrap } from '@/lib/api/client';

function download(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** Replays every run against the current workflow code. */
export function ReplayPanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const replay = useMutation({
    mutationFn: () => unwrap(api.GET('/audit/requests/{id}/replay', { params: { path: { id: requestId } } })),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button loading={replay.isPending} onClick={() => replay.mutate()} data-testid="replay">
        {t('audit.replay.run')}
      </Button>
      {replay.error && <ErrorAlert error={replay.error} />}
      {replay.data && (
        <Alert
          data-testid="replay-result"
          role="status"
          showIcon
          type={replay.data.deterministic ? 'success' : 'error'}
          title={replay.data.deterministic ? t('audit.replay.ok') : t('audit.replay.diverged')}
          description={
            <List
              size="small"
              dataSource={replay.data.runs}
              renderItem={(run) => (
                <List.Item>
                  <code>{run.runId}</code>: {run.deterministic ? t('audit.replay.runOk') : run.divergence}
                </List.Item>
              )}
            />
          }
        />
      )}
    </Space>
  );
}

/** The case's transitions with the manifest that lets anyone verify them offline. */
export function ExportPanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const exported = useMutation({
    mutationFn: () =>
      unwrap(
        api.GET('/audit/requests/{id}/export', { params: { path: { id: requestId }, query: { format: 'both' } } }),
      ),
    onSuccess: (result) => {
      for (const [name, content] of Object.entries(result.files)) {
        download(name, content, name.endsWith('.csv') ? 'text/csv' : 'application/x-ndjson');
      }
      download(`request-${requestId}.manifest.json`, JSON.stringify(result.manifest, null, 2), 'application/json');
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button loading={exported.isPending} onClick={() => exported.mutate()} data-testid="export">
        {t('audit.export.run')}
      </Button>
      {exported.error && <ErrorAlert error={exported.error} />}
      {exported.data && (
        <Alert
          role="status"
          type="success"
          showIcon
          title={t('audit.export.done', { count: Object.keys(exported.data.files).length + 1 })}
        />
      )}
    </Space>
  );
}
