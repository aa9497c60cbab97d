import { useQueryClient } from '@tanstack/react-query';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import ConfigProvider from 'antd/es/config-provider';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/queries';
import { ErrorAlert } from './page-state';

interface CurrentState {
  status: string;
  currentSteps: Array<{ stepId: string; state: string; assignee: string | null; assigneeName?: string | null }>;
}

/** Someone else acted first: what the page shows was out of date when the action was sent. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

interface ActionErrorProps {
  error: unknown;
  requestId: string;
  /** A step's title in the reader's language (the id when the definition is not in yet). */
  stepTitle?: (stepId: string) => string;
  /** Called once the fresh state is asked for: the page may offer its forms again. */
  onRefresh?: () => void;
}

/**
 * A refused action. A 409 means someone else acted first: say where the case stands now, in words, and
 * offer a refresh; anything else shows the API's message and correlation id.
 */
export function ActionErrorAlert({ error, requestId, stepTitle = (id) => id, onRefresh }: ActionErrorProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  if (!(error instanceof ApiError) || !isConflict(error)) return <ErrorAlert error={error} />;
  const current = error.details?.current as CurrentState | undefined;
  return (
    <Alert
      type="warning"
      role="alert"
      showIcon
      data-testid="conflict"
      title={t('errors.conflict')}
      description={
        <>
          {current ? (
            <div data-testid="current-state">
              {t('errors.currentState', {
                status: t(`status.${current.status}`, { defaultValue: current.status }),
                steps:
                  current.currentSteps
                    .map((s) =>
                      s.assignee
                        ? t('errors.stepHeldBy', { step: stepTitle(s.stepId), assignee: s.assigneeName ?? s.assignee })
                        : stepTitle(s.stepId),
                    )
                    .join(t('errors.listSeparator')) || '—',
              })}
            </div>
          ) : (
            <div data-testid="error-message">{error.message}</div>
          )}
          <div>{t('errors.staleForm')}</div>
          {error.correlationId && (
            <div>
              {t('errors.correlationId')}: <code>{error.correlationId}</code>
            </div>
          )}
        </>
      }
      action={
        <Button
          type="primary"
          onClick={() => {
            void queryClient.invalidateQueries({ queryKey: queryKeys.request(requestId) });
            onRefresh?.();
          }}
        >
          {t('actions.refresh')}
        </Button>
      }
    />
  );
}

/** The forms of a page whose last action lost a race: shown, but not usable until the page is refreshed. */
export function StaleGuard({ error, children }: { error: unknown; children: ReactNode }) {
  const stale = isConflict(error);
  return (
    <ConfigProvider componentDisabled={stale}>
      <div data-testid="action-forms" data-stale={stale} aria-disabled={stale || undefined}>
        {children}
      </div>
    </ConfigProvider>
  );
}
