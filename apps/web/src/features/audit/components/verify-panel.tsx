import { useMutation } from '@tanstack/react-query';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import List from 'antd/es/list';
import Space from 'antd/es/space';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/page-state';
import { api, unwrap } from '@/lib/api/client';

/** Checks the hash chain, the log against Temporal's history and the recomputed state, with one clear verdict. */
export function VerifyPanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const verify = useMutation({
    mutationFn: () => unwrap(api.GET('/audit/requests/{id}/verify', { params: { path: { id: requestId } } })),
  });
  const result = verify.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()} data-testid="verify">
        {t('audit.verify.run')}
      </Button>
      {verify.error && <ErrorAlert error={verify.error} />}
      {result && (
        <Alert
          data-testid="verdict"
          data-ok={String(result.ok)}
          role="status"
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={result.ok ? t('audit.verify.ok') : t('audit.verify.failed', { count: result.issues.length })}
          description={
            <Space direction="vertical">
              <span>
                {t('audit.verify.summary', {
                  transitions: result.transitions,
                  runs: result.runs,
                  status: result.status ?? '—',
                })}
              </span>
              {result.issues.length > 0 && (
                <List
                  size="small"
                  dataSource={result.issues}
                  renderItem={(issue) => (
                    <List.Item>
                      <code>{issue.kind}</code> {issue.seq !== null ? `#${issue.seq} ` : ''}
                      {issue.message}
                    </List.Item>
                  )}
                />
              )}
              {result.warnings.map((w) => (
                <span key={w}>
                  {t('audit.verify.warning')}: {w}
                </span>
              ))}
            </Space>
          }
        />
      )}
    </Space>
  );
}
