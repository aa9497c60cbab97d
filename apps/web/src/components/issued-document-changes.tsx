import { useMutation, useQueryClient } from '@tanstack/react-query';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import { useTranslation } from 'react-i18next';
import { ActionErrorAlert, StaleGuard } from '@/components/action-error';
import { api, idempotencyKey, unwrap, type Schemas } from '@/lib/api/client';

type Issued = Schemas['IssuedDocumentView'];
type Change = 'revoke' | 'suspend' | 'reinstate';

const ROUTES = {
  revoke: '/requests/{id}/issued-documents/{documentId}/revocation',
  suspend: '/requests/{id}/issued-documents/{documentId}/suspension',
  reinstate: '/requests/{id}/issued-documents/{documentId}/reinstatement',
} as const;

const CHANGES: readonly Change[] = ['suspend', 'reinstate', 'revoke'];

/**
 * A supervisor's changes to one issued permit, each with the reason printed on its verification page. Only the
 * changes the API says are legal now are offered.
 */
export function IssuedDocumentChanges({ requestId, document }: { requestId: string; document: Issued }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const change = useMutation({
    mutationFn: ({ to, reason }: { to: Change; reason: string }) =>
      unwrap(
        api.POST(ROUTES[to], {
          params: { path: { id: requestId, documentId: document.documentId } },
          body: { reason },
          headers: { 'Idempotency-Key': idempotencyKey() },
        }),
      ),
    onSuccess: () => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['requests', requestId] });
    },
  });
  const offered = CHANGES.filter((c) => document.actions.includes(c));
  if (offered.length === 0) return null;
  const submit = (to: Change) =>
    void form.validateFields().then(
      ({ reason }) => change.mutate({ to, reason: reason.trim() }),
      // The form shows what is missing next to the field.
      () => undefined,
    );
  return (
    <div data-testid={`issued-changes-${document.documentId}`}>
      {change.error && <ActionErrorAlert error={change.error} requestId={requestId} onRefresh={() => change.reset()} />}
      <StaleGuard error={change.error}>
        <Form form={form} layout="inline" name={`issued-changes-${document.documentId}`}>
          <Form.Item
            name="reason"
            label={t('issued.changeReason', { number: document.number })}
            rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('issued.reason') }) }]}
          >
            <Input style={{ minWidth: 280 }} />
          </Form.Item>
          {offered.map((to) => (
            <Button
              key={to}
              danger={to === 'revoke'}
              loading={change.isPending && change.variables?.to === to}
              data-testid={`issued-${to}-${document.documentId}`}
              onClick={() => submit(to)}
            >
              {t(`issued.changes.${to}`)}
            </Button>
          ))}
        </Form>
      </StaleGuard>
    </div>
  );
}
