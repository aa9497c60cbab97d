import { useMutation, useQueryClient } from '@tanstack/react-query';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import InputNumber from 'antd/es/input-number';
import Select from 'antd/es/select';
import Space from 'antd/es/space';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import { ActionErrorAlert, StaleGuard } from '@/components/action-error';
import { api, idempotencyKey, unwrap } from '@/lib/api/client';
import type { Breach } from '../api';

const UNITS = ['workingDays', 'calendarDays'] as const;

/** A supervisor's levers on one late step: hand it to someone else, stop or restart the clock, propose more time. */
export function CaseSupervision({ breach }: { breach: Breach }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = breach.requestId;
  const headers = () => ({ 'Idempotency-Key': idempotencyKey() });
  const action = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['supervision'] }),
  });
  const prefix = `supervise-${breach.requestId}-${breach.stepId}`;
  return (
    <Card
      size="small"
      data-testid="case-supervision"
      title={
        <h3 className="ow-card-title">{t('supervision.actOn', { title: breach.requestTitle, step: breach.title })}</h3>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {action.isSuccess && <Alert type="success" role="status" showIcon title={t('supervision.done')} />}
        {action.error && (
          <ActionErrorAlert
            error={action.error}
            requestId={id}
            stepTitle={(stepId) => (stepId === breach.stepId ? breach.title : stepId)}
            onRefresh={() => action.reset()}
          />
        )}
        <StaleGuard error={action.error}>
          <Form
            layout="inline"
            name={`${prefix}-reassign`}
            onFinish={(values: { assigneeId: string; reason?: string }) =>
              action.mutate(() =>
                unwrap(
                  api.POST('/requests/{id}/steps/{stepId}/reassign', {
                    params: { path: { id, stepId: breach.stepId } },
                    body: { assigneeId: values.assigneeId, reason: values.reason || undefined },
                    headers: headers(),
                  }),
                ),
              )
            }
          >
            <Form.Item
              name="assigneeId"
              label={t('supervision.reassignTo')}
              rules={[{ required: true, message: t('form.required', { field: t('supervision.reassignTo') }) }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="reason" label={t('supervision.reason')}>
              <Input />
            </Form.Item>
            <Button htmlType="submit">{t('supervision.reassign')}</Button>
          </Form>
          <Form
            layout="inline"
            name={`${prefix}-clock`}
            onFinish={(values: { reason: string }) =>
              action.mutate(() =>
                unwrap(
                  api.POST('/requests/{id}/clock/pause', {
                    params: { path: { id } },
                    body: { reason: values.reason },
                    headers: headers(),
                  }),
                ),
              )
            }
          >
            <Form.Item
              name="reason"
              label={t('supervision.pauseReason')}
              rules={[{ required: true, message: t('form.required', { field: t('supervision.pauseReason') }) }]}
            >
              <Input />
            </Form.Item>
            <Button htmlType="submit">{t('supervision.pause')}</Button>
            <Button
              onClick={() =>
                action.mutate(() =>
                  unwrap(
                    api.POST('/requests/{id}/clock/resume', {
                      params: { path: { id } },
                      headers: headers(),
                    }),
                  ),
                )
              }
            >
              {t('supervision.resume')}
            </Button>
          </Form>
          <Form
            layout="inline"
            name={`${prefix}-extension`}
            initialValues={{ unit: 'workingDays', value: 10, target: 'step' }}
            onFinish={(values: { value: number; unit: (typeof UNITS)[number]; reason: string; target: string }) =>
              action.mutate(() =>
                unwrap(
                  api.POST('/requests/{id}/extensions', {
                    params: { path: { id } },
                    body: {
                      stepId: values.target === 'step' ? breach.stepId : undefined,
                      by: { value: values.value, unit: values.unit },
                      reason: values.reason,
                    },
                    headers: headers(),
                  }),
                ),
              )
            }
          >
            <Form.Item name="target" label={t('supervision.extensionOf')}>
              <Select
                style={{ minWidth: 160 }}
                options={[
                  { value: 'step', label: t('supervision.thisStep') },
                  { value: 'case', label: t('supervision.statutoryClock') },
                ]}
              />
            </Form.Item>
            <Form.Item name="value" label={t('supervision.extendBy')} rules={[{ required: true }]}>
              <InputNumber min={1} max={365} />
            </Form.Item>
            <Form.Item name="unit" label={t('supervision.unit')}>
              <Select style={{ minWidth: 140 }} options={UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))} />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('supervision.reason')}
              rules={[{ required: true, message: t('form.required', { field: t('supervision.reason') }) }]}
            >
              <Input />
            </Form.Item>
            <Button htmlType="submit">{t('supervision.proposeExtension')}</Button>
          </Form>
        </StaleGuard>
      </Space>
    </Card>
  );
}
