import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Empty from 'antd/es/empty';
import Spin from 'antd/es/spin';
import Tag from 'antd/es/tag';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/client';
import type { StreamStatus } from '@/lib/event-stream';
import { TAG } from './tag-colors';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
      <div>{t('state.loading')}</div>
    </div>
  );
}

/** Holds the place of a section whose code is still on the way, saying so to a screen reader too. */
export function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

export function EmptyState({ message }: { message: string }) {
  return <Empty description={message} />;
}

/** An error as the API reported it: its message and the correlation id to quote to support. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const message = apiError?.message ?? (error instanceof Error ? error.message : String(error));
  const title =
    apiError?.status === 403
      ? t('errors.forbidden')
      : apiError?.status === 404
        ? t('errors.notFound')
        : apiError?.status === 0
          ? t('errors.network')
          : t('errors.failed');
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      title={title}
      description={
        <>
          <div data-testid="error-message">{message}</div>
          {apiError?.correlationId && (
            <div>
              {t('errors.correlationId')}: <code>{apiError.correlationId}</code>
            </div>
          )}
        </>
      }
      action={onRetry ? <Button onClick={onRetry}>{t('actions.retry')}</Button> : undefined}
    />
  );
}

/** Whether live updates are flowing; a dropped stream says so until it is back. */
export function StreamBadge({ status }: { status: StreamStatus }) {
  const { t } = useTranslation();
  const color = status === 'live' ? TAG.green : status === 'reconnecting' ? TAG.orange : TAG.grey;
  return (
    <span role="status" aria-live="polite" data-testid="stream-status" data-status={status}>
      <Tag color={color}>{t(`stream.${status}`)}</Tag>
    </span>
  );
}
