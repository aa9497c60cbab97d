import { useQueryClient } from '@tanstack/react-query';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/queries';
import { ErrorAlert } from './page-state';

interface CurrentState {
  status: string;
  currentSteps: Array<{ stepId: string; state: string; assignee: string | null }>;
}

/**
 * A refused action. A 409 means someone else acted first: say where the case stands now and offer a
 * refresh; anything else shows the API's message and correlation id.
 */
export function ActionErrorAlert({ error, requestId }: { error: unknown; requestId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  if (!(error instanceof ApiError) || error.status !== 409) return <ErrorAlert error={error} />;
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
          <div data-testid="error-message">{error.message}</div>
          {current && (
            <div>
              {t('errors.currentState', {
                status: t(`status.${current.status}`, { defaultValue: current.status }),
                steps:
                  current.currentSteps.map((s) => `${s.stepId}${s.assignee ? ` (${s.assignee})` : ''}`).join(', ') ||
                  '—',
              })}
            </div>
          )}
          {error.correlationId && (
            <div>
              {t('errors.correlationId')}: <code>{error.correlationId}</code>
            </div>
          )}
        </>
      }
      action={
        <Button onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.request(requestId) })}>
          {t('actions.refresh')}
        </Button>
      }
    />
  );
}
