import { useMutation, useQueryClient } from '@tanstack/react-query';
import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Radio from 'antd/es/radio';
import Space from 'antd/es/space';
import { useState } from 'react';
import type { ProcessDefinition } from '@onewindow/definition-types';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import { Typography } from '@/components/typography';
import { ActionErrorAlert, StaleGuard } from '@/components/action-error';
import { api, idempotencyKey, unwrap, type LegalAction, type RequestDetail } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/queries';
import { nameIn, stepTitleIn, useLabel } from '@/lib/definition-labels';
import { deadlineText } from '@/components/moment';
import { InformationRequestFacts } from '@/components/information-request-facts';

type Send = (request: RequestDetail['id'], key: string) => Promise<RequestDetail>;

/** Runs one action and puts the answer (the request's new state) straight into the cache. */
function useAction(request: RequestDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (send: Send) => send(request.id, idempotencyKey()),
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.request(request.id), next);
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests });
    },
  });
}

/** Only the actions the API says are legal now: the page never decides what the rules allow. */
interface ApplicantActionsProps {
  request: RequestDetail;
  definition: ProcessDefinition | undefined;
  timeZone: string;
}

export function ApplicantActions({ request, definition, timeZone }: ApplicantActionsProps) {
  const { t, i18n } = useTranslation();
  const action = useAction(request);
  const label = useLabel();
  const legal = request.legalActions;
  const has = (type: LegalAction['type']) => legal.some((a) => a.type === type);
  const headers = (key: string) => ({ 'Idempotency-Key': key });
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [withdrawReason, setWithdrawReason] = useState('');
  const [pledgeOpen, setPledgeOpen] = useState(false);
  // What the case waits for from the applicant comes first; what they may do besides comes after it.
  const waiting = legal.some(
    (a) =>
      a.type === 'answer-information' ||
      a.type === 'decide' ||
      a.type === 'accept-extension' ||
      a.type === 'give-notice',
  );
  const optional = has('pledge') || has('appeal') || has('withdraw');

  if (legal.length === 0) {
    return <Typography.Paragraph data-testid="no-actions">{t('actions.noneNow')}</Typography.Paragraph>;
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="applicant-actions">
      {action.error && (
        <ActionErrorAlert
          error={action.error}
          requestId={request.id}
          stepTitle={(id) => label(stepTitleIn(definition, id))}
          onRefresh={() => action.reset()}
        />
      )}
      <StaleGuard error={action.error}>
        <h3 className="ow-card-title" data-testid="actions-waiting">
          {t('applicantActions.waiting')}
        </h3>
        {!waiting && (
          <Typography.Paragraph data-testid="nothing-waiting">
            {t('applicantActions.nothingWaiting')}
          </Typography.Paragraph>
        )}
        {legal
          .filter((a) => a.type === 'answer-information' && a.stepId)
          .map((a) => {
            const open = request.informationRequests.find((q) => q.stepId === a.stepId && q.status === 'open');
            return (
              <Card key={`answer-${a.stepId}`} size="small" title={t('actions.answerInformation.title')}>
                {open && <InformationRequestFacts request={open} timeZone={timeZone} />}
                <Form
                  layout="vertical"
                  onFinish={(values: { itemIds?: string[]; note?: string }) =>
                    action.mutate((id, key) =>
                      unwrap(
                        api.POST('/requests/{id}/steps/{stepId}/information-answers', {
                          params: { path: { id, stepId: a.stepId ?? '' } },
                          body: { itemIds: values.itemIds, note: values.note || undefined },
                          headers: headers(key),
                        }),
                      ),
                    )
                  }
                >
                  {open && (
                    <Form.Item name="itemIds" label={t('actions.answerInformation.items')}>
                      <Checkbox.Group
                        options={open.items.map((item) => ({ value: item.id, label: item.description }))}
                      />
                    </Form.Item>
                  )}
                  <Form.Item name="note" label={t('actions.answerInformation.note')}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Button htmlType="submit" type="primary" loading={action.isPending}>
                    {t('actions.answerInformation.submit')}
                  </Button>
                </Form>
              </Card>
            );
          })}

        {legal
          .filter((a) => a.type === 'decide' && a.stepId)
          .map((a) => (
            <Card key={`complete-${a.stepId}`} size="small" title={t('actions.complete.title')}>
              <Form
                layout="vertical"
                onFinish={(values: { outcome: string; reason?: string }) =>
                  action.mutate((id, key) =>
                    unwrap(
                      api.POST('/requests/{id}/steps/{stepId}/completion', {
                        params: { path: { id, stepId: a.stepId ?? '' } },
                        body: { outcome: values.outcome, reason: values.reason || undefined },
                        headers: headers(key),
                      }),
                    ),
                  )
                }
              >
                <Form.Item
                  name="outcome"
                  label={t('actions.outcome')}
                  rules={[{ required: true, message: t('form.required', { field: t('actions.outcome') }) }]}
                >
                  <Radio.Group
                    options={(a.outcomes ?? []).map((o) => ({
                      value: o,
                      label: nameIn('outcomes', o, definition, t, label),
                    }))}
                  />
                </Form.Item>
                <Form.Item name="reason" label={t('actions.reason')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Button htmlType="submit" type="primary" loading={action.isPending}>
                  {t('actions.complete.submit')}
                </Button>
              </Form>
            </Card>
          ))}

        {request.extensions
          .filter((x) => has('accept-extension') && legal.some((a) => a.extensionId === x.id))
          .map((x) => (
            <Card key={x.id} size="small" title={t('actions.extension.title')}>
              <Typography.Paragraph>
                {t('actions.extension.proposal', {
                  value: x.by.value,
                  unit: t(`units.${x.by.unit}`),
                  reason: x.reason,
                })}
              </Typography.Paragraph>
              <Space>
                <Button
                  type="primary"
                  loading={action.isPending}
                  onClick={() =>
                    action.mutate((id, key) =>
                      unwrap(
                        api.POST('/requests/{id}/extensions/{extensionId}/accept', {
                          params: { path: { id, extensionId: x.id } },
                          headers: headers(key),
                        }),
                      ),
                    )
                  }
                >
                  {t('actions.extension.accept')}
                </Button>
                <Button
                  loading={action.isPending}
                  onClick={() =>
                    action.mutate((id, key) =>
                      unwrap(
                        api.POST('/requests/{id}/extensions/{extensionId}/decline', {
                          params: { path: { id, extensionId: x.id } },
                          body: {},
                          headers: headers(key),
                        }),
                      ),
                    )
                  }
                >
                  {t('actions.extension.decline')}
                </Button>
              </Space>
            </Card>
          ))}

        {legal
          .filter((a) => a.type === 'give-notice' && a.stepId)
          .map((a) => (
            <Button
              key={`notice-${a.stepId}`}
              onClick={() =>
                action.mutate((id, key) =>
                  unwrap(
                    api.POST('/requests/{id}/steps/{stepId}/notice', {
                      params: { path: { id, stepId: a.stepId ?? '' } },
                      headers: headers(key),
                    }),
                  ),
                )
              }
            >
              {t('actions.giveNotice')}
            </Button>
          ))}

        {optional && (
          <h3 className="ow-card-title" data-testid="actions-optional">
            {t('applicantActions.optional')}
          </h3>
        )}

        {has('pledge') && (
          <Card size="small" title={t('actions.pledge.title')} data-testid="pledge">
            <Typography.Paragraph type="secondary">{t('applicantActions.pledgeHint')}</Typography.Paragraph>
            {!pledgeOpen && <Button onClick={() => setPledgeOpen(true)}>{t('applicantActions.pledgeOpen')}</Button>}
            {pledgeOpen && (
              <Form
                layout="vertical"
                onFinish={(values: { statement: string }) =>
                  action.mutate((id, key) =>
                    unwrap(
                      api.POST('/requests/{id}/pledge', {
                        params: { path: { id } },
                        body: values,
                        headers: headers(key),
                      }),
                    ),
                  )
                }
              >
                <Form.Item
                  name="statement"
                  label={t('actions.pledge.statement')}
                  rules={[{ required: true, message: t('form.required', { field: t('actions.pledge.statement') }) }]}
                >
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Button htmlType="submit" loading={action.isPending}>
                  {t('actions.pledge.submit')}
                </Button>
              </Form>
            )}
          </Card>
        )}

        {has('appeal') && (
          <Card size="small" title={t('actions.appeal.title')}>
            {request.appealDeadline && (
              <Typography.Paragraph>
                {t('actions.appeal.deadline', {
                  at: deadlineText((k, o) => t(k, o), { dueAt: request.appealDeadline }, timeZone, i18n.language),
                })}
              </Typography.Paragraph>
            )}
            <Form
              layout="vertical"
              onFinish={(values: { grounds: string }) =>
                action.mutate((id, key) =>
                  unwrap(
                    api.POST('/requests/{id}/appeal', {
                      params: { path: { id } },
                      body: values,
                      headers: headers(key),
                    }),
                  ),
                )
              }
            >
              <Form.Item
                name="grounds"
                label={t('actions.appeal.grounds')}
                rules={[{ required: true, message: t('form.required', { field: t('actions.appeal.grounds') }) }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
              <Button htmlType="submit" loading={action.isPending}>
                {t('actions.appeal.submit')}
              </Button>
            </Form>
          </Card>
        )}

        {has('withdraw') && (
          <>
            <Button className="ow-danger" onClick={() => setWithdrawOpen(true)} data-testid="withdraw">
              {t('actions.withdraw.button')}
            </Button>
            <Modal
              open={withdrawOpen}
              title={t('actions.withdraw.confirmTitle')}
              okText={t('actions.withdraw.confirm')}
              cancelText={t('actions.cancel')}
              okButtonProps={{ className: 'ow-danger-solid', loading: action.isPending }}
              onCancel={() => setWithdrawOpen(false)}
              onOk={() =>
                action.mutate(
                  (id, key) =>
                    unwrap(
                      api.POST('/requests/{id}/withdraw', {
                        params: { path: { id } },
                        body: withdrawReason ? { reason: withdrawReason } : {},
                        headers: headers(key),
                      }),
                    ),
                  { onSettled: () => setWithdrawOpen(false) },
                )
              }
            >
              <Typography.Paragraph>{t('actions.withdraw.warning')}</Typography.Paragraph>
              <label htmlFor="withdraw-reason">{t('actions.reason')}</label>
              <Input.TextArea
                id="withdraw-reason"
                value={withdrawReason}
                onChange={(e) => setWithdrawReason(e.target.value)}
              />
            </Modal>
          </>
        )}
      </StaleGuard>
    </Space>
  );
}
