import { useMutation, useQueryClient } from '@tanstack/react-query';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Space from 'antd/es/space';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionErrorAlert, StaleGuard } from '@/components/action-error';
import { type Condition, ConditionFields, conditionsFrom, type ConditionValues } from '@/components/condition-fields';
import { api, idempotencyKey, unwrap, type Schemas } from '@/lib/api/client';

type Issued = Schemas['IssuedDocumentView'];
type Change = 'revoke' | 'suspend' | 'reinstate' | 'vary';

const ROUTES = {
  revoke: '/requests/{id}/issued-documents/{documentId}/revocation',
  suspend: '/requests/{id}/issued-documents/{documentId}/suspension',
  reinstate: '/requests/{id}/issued-documents/{documentId}/reinstatement',
  vary: '/requests/{id}/issued-documents/{documentId}/variation',
} as const;

const CHANGES: readonly Change[] = ['vary', 'suspend', 'reinstate', 'revoke'];

interface Values {
  reason: string;
  conditions?: ConditionValues;
}

/**
 * A supervisor's changes to one issued permit, each with the reason printed on its verification page. Only the
 * changes the API says are legal now are offered. A variation issues a new version (new number and code) with
 * the conditions entered here; without any, the new version keeps the permit's conditions.
 */
export function IssuedDocumentChanges({ requestId, document }: { requestId: string; document: Issued }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [varying, setVarying] = useState(false);
  const change = useMutation({
    mutationFn: ({ to, reason, conditions }: { to: Change; reason: string; conditions?: Condition[] }) =>
      unwrap(
        api.POST(ROUTES[to], {
          params: { path: { id: requestId, documentId: document.documentId } },
          body: { reason, ...(conditions && conditions.length > 0 ? { conditions } : {}) },
          headers: { 'Idempotency-Key': idempotencyKey() },
        }),
      ),
    onSuccess: () => {
      form.resetFields();
      setVarying(false);
      void queryClient.invalidateQueries({ queryKey: ['requests', requestId] });
    },
  });
  const offered = CHANGES.filter((c) => document.actions.includes(c));
  if (offered.length === 0) return null;
  const submit = (to: Change) =>
    void form.validateFields().then(
      ({ reason, conditions }) =>
        change.mutate({
          to,
          reason: reason.trim(),
          ...(to === 'vary' ? { conditions: conditionsFrom(conditions) } : {}),
        }),
      // The form shows what is missing next to the field.
      () => undefined,
    );
  const button = (to: Change, onClick: () => void, label = t(`issued.changes.${to}`)) => (
    <Button
      key={to}
      className={to === 'revoke' ? 'ow-danger' : undefined}
      type={to === 'vary' && varying ? 'primary' : 'default'}
      loading={change.isPending && change.variables?.to === to}
      data-testid={`issued-${to}-${document.documentId}`}
      onClick={onClick}
    >
      {label}
    </Button>
  );
  return (
    <div data-testid={`issued-changes-${document.documentId}`}>
      {change.error && <ActionErrorAlert error={change.error} requestId={requestId} onRefresh={() => change.reset()} />}
      <StaleGuard error={change.error}>
        <Form form={form} layout={varying ? 'vertical' : 'inline'} name={`issued-changes-${document.documentId}`}>
          <Form.Item
            name="reason"
            label={t('issued.changeReason', { number: document.number })}
            rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('issued.reason') }) }]}
          >
            <Input style={{ minWidth: 280 }} />
          </Form.Item>
          {varying ? (
            <>
              <ConditionFields legend={t('issued.variedConditions')} />
              <Space style={{ marginTop: 16 }}>
                {button('vary', () => submit('vary'), t('issued.issueVariation'))}
                <Button onClick={() => setVarying(false)}>{t('issued.cancelVariation')}</Button>
              </Space>
            </>
          ) : (
            offered.map((to) => button(to, () => (to === 'vary' ? setVarying(true) : submit(to))))
          )}
        </Form>
      </StaleGuard>
    </div>
  );
}
