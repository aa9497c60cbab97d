import { useMutation, useQueryClient } from '@tanstack/react-query';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import InputNumber from 'antd/es/input-number';
import Radio from 'antd/es/radio';
import Space from 'antd/es/space';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Card } from '@/components/card';
import { Typography } from '@/components/typography';
import { ActionErrorAlert, StaleGuard } from '@/components/action-error';
import { CaseHeader } from '@/components/case-header';
import { CaseOverview, DocumentsPanel } from '@/components/case-sections';
import { mayUploadDocuments } from '@/components/document-rights';
import { Deferred, ErrorAlert, PageLoading, StreamBadge } from '@/components/page-state';
import { api, idempotencyKey, unwrap, type RequestDetail } from '@/lib/api/client';
import { queryKeys, useDefinition, useRequestDetail } from '@/lib/api/queries';
import { useSession } from '@/lib/auth/auth-context';
import { nameIn, stepTitleIn, useLabel } from '@/lib/definition-labels';
import { useLiveInvalidation } from '@/lib/event-stream';
import { ConsulteeResponses } from './components/consultee-responses';
import { DecisionForm } from './components/decision-form';
import { InformationRequestFacts } from '@/components/information-request-facts';
import { InformationRequestBuilder } from './components/information-request-builder';
import { PublicCommentsPanel } from './components/public-comments-panel';

/**
 * An action on a step answers with the request's new state; an external fact (a payment, an inspection)
 * answers 202 `{ accepted: true }` and reaches the case once the workflow applies it: the live stream
 * then brings the new state.
 */
type Send = (id: string, key: string) => Promise<RequestDetail | 'accepted'>;

/** Sends an external fact; its 202 body is no request state, so it never goes into the request's cache. */
const accepted = (call: Promise<unknown>): Promise<'accepted'> => call.then(() => 'accepted');

export function StepPage() {
  const { t } = useTranslation();
  const { requestId = '', stepId = '' } = useParams();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const label = useLabel();
  const request = useRequestDetail(requestId);
  const definition = useDefinition(request.data?.definitionKey, request.data?.definitionVersion);
  const stream = useLiveInvalidation(`/requests/${requestId}/events`, [queryKeys.request(requestId)]);
  const action = useMutation({
    mutationFn: (send: Send) => send(requestId, idempotencyKey()),
    onSuccess: (next) => {
      if (next === 'accepted') void queryClient.invalidateQueries({ queryKey: queryKeys.request(requestId) });
      else queryClient.setQueryData(queryKeys.request(requestId), next);
      void queryClient.invalidateQueries({ queryKey: queryKeys.workQueue });
    },
  });

  if (request.isPending) return <PageLoading />;
  if (request.error) return <ErrorAlert error={request.error} onRetry={() => void request.refetch()} />;
  const detail = request.data;
  const step = detail.currentSteps.find((s) => s.stepId === stepId);
  const legal = detail.legalActions.filter((a) => a.stepId === stepId);
  const can = (type: string) => legal.find((a) => a.type === type);
  const headers = (key: string) => ({ 'Idempotency-Key': key });
  const path = (id: string) => ({ path: { id, stepId } });
  const timeZone = detail.timeZone;
  const decide = can('decide');
  const stepTitle = (id: string) => label(stepTitleIn(definition.data, id));
  const openRequest = detail.informationRequests.find((q) => q.stepId === stepId && q.status === 'open');

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/queue">{t('queue.back')}</Link>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} data-testid="request-title">
          {detail.title} · {step?.title ?? stepTitle(stepId)}
        </Typography.Title>
        <StreamBadge status={stream} />
      </Space>
      <CaseHeader request={detail} timeZone={timeZone} />
      {openRequest && (
        <Card title={<h2 className="ow-card-title">{t('informationRequest.title')}</h2>}>
          <InformationRequestFacts request={openRequest} timeZone={timeZone} />
          <Typography.Text strong>{t('informationRequest.items')}</Typography.Text>
          <ul>
            {openRequest.items.map((item) => (
              <li key={item.id}>{item.description}</li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={<h2 className="ow-card-title">{t('step.actions')}</h2>} data-testid="step-actions">
        <Space direction="vertical" style={{ width: '100%' }}>
          {action.error && (
            <ActionErrorAlert
              error={action.error}
              requestId={requestId}
              stepTitle={stepTitle}
              onRefresh={() => action.reset()}
            />
          )}
          {action.data === 'accepted' && (
            <Alert type="success" showIcon role="status" data-testid="fact-accepted" title={t('step.accepted')} />
          )}
          <StaleGuard error={action.error}>
            {!step && <Typography.Paragraph>{t('step.notActive')}</Typography.Paragraph>}
            {step && legal.length === 0 && (
              <Typography.Paragraph data-testid="no-actions">{t('step.noActionsForYou')}</Typography.Paragraph>
            )}
            <Space wrap>
              {can('claim') && (
                <Button
                  onClick={() =>
                    action.mutate((id, key) =>
                      unwrap(
                        api.POST('/requests/{id}/steps/{stepId}/claim', { params: path(id), headers: headers(key) }),
                      ),
                    )
                  }
                >
                  {t('step.claim')}
                </Button>
              )}
              {can('release') && (
                <Button
                  onClick={() =>
                    action.mutate((id, key) =>
                      unwrap(
                        api.POST('/requests/{id}/steps/{stepId}/release', {
                          params: path(id),
                          body: {},
                          headers: headers(key),
                        }),
                      ),
                    )
                  }
                >
                  {t('step.release')}
                </Button>
              )}
            </Space>
            {can('reassign') && (
              <Form
                layout="inline"
                onFinish={(values: { assigneeId: string; reason?: string }) =>
                  action.mutate((id, key) =>
                    unwrap(
                      api.POST('/requests/{id}/steps/{stepId}/reassign', {
                        params: path(id),
                        body: { assigneeId: values.assigneeId, reason: values.reason || undefined },
                        headers: headers(key),
                      }),
                    ),
                  )
                }
              >
                <Form.Item
                  name="assigneeId"
                  label={t('step.reassignTo')}
                  rules={[{ required: true, message: t('form.required', { field: t('step.reassignTo') }) }]}
                >
                  <Input placeholder={user.id} />
                </Form.Item>
                <Form.Item name="reason" label={t('actions.reason')}>
                  <Input />
                </Form.Item>
                <Button htmlType="submit">{t('step.reassign')}</Button>
              </Form>
            )}
            {decide && (
              <DecisionForm
                outcomes={decide.outcomes ?? []}
                outcomeName={(o) => nameIn('outcomes', o, definition.data, t, label)}
                standardConditions={(definition.data?.standardConditions ?? []).map((c) => ({
                  key: c.key,
                  text: label(c.text),
                  reason: label(c.reason),
                  ...(c.policy ? { policy: c.policy } : {}),
                }))}
                pending={action.isPending}
                onDecide={(body) =>
                  action.mutate((id, key) =>
                    unwrap(
                      api.POST('/requests/{id}/steps/{stepId}/decision', {
                        params: path(id),
                        body,
                        headers: headers(key),
                      }),
                    ),
                  )
                }
              />
            )}
            {can('request-information') && (
              <InformationRequestBuilder
                pending={action.isPending}
                previous={detail.informationRequests.find((q) => q.stepId === stepId)?.items ?? []}
                onSend={(body) =>
                  action.mutate((id, key) =>
                    unwrap(
                      api.POST('/requests/{id}/steps/{stepId}/information-requests', {
                        params: path(id),
                        body,
                        headers: headers(key),
                      }),
                    ),
                  )
                }
              />
            )}
            {can('payment-confirmed') && action.data !== 'accepted' && (
              <Card size="small" title={t('step.payment.title')}>
                <Form
                  layout="inline"
                  onFinish={(values: { reference: string; amount?: number }) =>
                    action.mutate((id, key) =>
                      accepted(
                        unwrap(
                          api.POST('/requests/{id}/payments', {
                            params: { path: { id } },
                            body: { stepId, reference: values.reference, amount: values.amount },
                            headers: headers(key),
                          }),
                        ),
                      ),
                    )
                  }
                >
                  <Form.Item
                    name="reference"
                    label={t('step.payment.reference')}
                    rules={[{ required: true, message: t('form.required', { field: t('step.payment.reference') }) }]}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item name="amount" label={t('step.payment.amount')}>
                    <InputNumber min={0} />
                  </Form.Item>
                  <Button htmlType="submit" type="primary" loading={action.isPending}>
                    {t('step.payment.record')}
                  </Button>
                </Form>
              </Card>
            )}
            {can('inspection-result') && action.data !== 'accepted' && (
              <Card size="small" title={t('step.inspection.title')}>
                <Form
                  layout="inline"
                  onFinish={(values: { passed: boolean; findings?: string }) =>
                    action.mutate((id, key) =>
                      accepted(
                        unwrap(
                          api.POST('/requests/{id}/inspections', {
                            params: { path: { id } },
                            body: { stepId, passed: values.passed, findings: values.findings || undefined },
                            headers: headers(key),
                          }),
                        ),
                      ),
                    )
                  }
                >
                  <Form.Item
                    name="passed"
                    label={t('step.inspection.result')}
                    rules={[{ required: true, message: t('form.required', { field: t('step.inspection.result') }) }]}
                  >
                    <Radio.Group
                      options={[
                        { value: true, label: t('step.inspection.passed') },
                        { value: false, label: t('step.inspection.failed') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name="findings" label={t('step.inspection.findings')}>
                    <Input />
                  </Form.Item>
                  <Button htmlType="submit" type="primary">
                    {t('step.inspection.record')}
                  </Button>
                </Form>
              </Card>
            )}
          </StaleGuard>
        </Space>
      </Card>
      <ConsulteeResponses requestId={requestId} timeZone={timeZone} />
      <Deferred>
        <DocumentsPanel requestId={requestId} canUpload={mayUploadDocuments(user, detail)} timeZone={timeZone} />
      </Deferred>
      {definition.data?.publication?.comments && <PublicCommentsPanel requestId={requestId} timeZone={timeZone} />}
      <Deferred>
        <CaseOverview request={detail} definition={definition.data} timeZone={timeZone} />
      </Deferred>
    </Space>
  );
}
