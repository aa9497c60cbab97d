import { useMutation, useQueryClient } from '@tanstack/react-query';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Card } from '@/components/card';
import { Typography } from '@/components/typography';
import { ErrorAlert, PageLoading } from '@/components/page-state';
import { api, ApiError, idempotencyKey, unwrap } from '@/lib/api/client';
import { queryKeys, useDefinitions } from '@/lib/api/queries';
import { AttributeFields, schemaFromConditions, type AttributesSchemaLike } from '@/components/attribute-fields';

interface FormValues {
  definitionKey: string;
  title: string;
  attributes?: Record<string, string | number | boolean | undefined>;
}

/** The API's field errors (`attributes.floorAreaM2`) placed beside the fields they name. */
export function fieldErrorsOf(error: unknown): Array<{ name: (string | number)[]; errors: string[] }> {
  if (!(error instanceof ApiError)) return [];
  const fields = (error.details?.fields ?? []) as Array<{ field: string; messages: string[] }>;
  return fields.map((f) => ({ name: f.field.split('.'), errors: f.messages }));
}

/** A short, header-safe fingerprint of a string (FNV-1a). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

export function NewRequestPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const definitions = useDefinitions();
  const [key] = useState(idempotencyKey);
  const definitionKey = Form.useWatch('definitionKey', form);
  const definition = definitions.data?.find((d) => d.key === definitionKey);
  const declared = (definition as { attributesSchema?: AttributesSchemaLike } | undefined)?.attributesSchema;
  const schema = declared ?? (definition ? schemaFromConditions(definition) : undefined);

  const submit = useMutation({
    mutationFn: (values: FormValues) => {
      const attributes = Object.fromEntries(
        Object.entries(values.attributes ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''),
      ) as Record<string, string | number | boolean>;
      return unwrap(
        api.POST('/requests', {
          body: { definitionKey: values.definitionKey, title: values.title, attributes },
          // The same form sent again replays the first answer; a changed form is a new submission.
          headers: { 'Idempotency-Key': `${key}:${fingerprint(JSON.stringify(values))}` },
        }),
      );
    },
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests });
      void navigate(`/my-requests/${created.id}`);
    },
    onError: (error) => form.setFields(fieldErrorsOf(error) as Parameters<typeof form.setFields>[0]),
  });

  if (definitions.isPending) return <PageLoading />;
  if (definitions.error) return <ErrorAlert error={definitions.error} onRetry={() => void definitions.refetch()} />;

  return (
    <section aria-labelledby="new-request-title">
      <Typography.Title level={1} id="new-request-title">
        {t('newRequest.title')}
      </Typography.Title>
      <Card>
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={(values) => submit.mutate(values)}
          style={{ maxWidth: 640 }}
        >
          <Form.Item
            name="definitionKey"
            label={t('newRequest.kind')}
            rules={[{ required: true, message: t('form.required', { field: t('newRequest.kind') }) }]}
          >
            <Select
              data-testid="definition-select"
              options={definitions.data.map((d) => ({
                value: d.key,
                label: t(`definitions.${d.key}`, { defaultValue: d.title }),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('newRequest.requestTitle')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('form.required', { field: t('newRequest.requestTitle') }),
              },
            ]}
          >
            <Input maxLength={200} />
          </Form.Item>
          {schema && Object.keys(schema.properties).length > 0 && (
            <fieldset>
              <legend>{t('newRequest.attributes')}</legend>
              <AttributeFields schema={schema} />
            </fieldset>
          )}
          {submit.error && !(submit.error instanceof ApiError && submit.error.details?.fields) && (
            <ErrorAlert error={submit.error} />
          )}
          <Button type="primary" htmlType="submit" loading={submit.isPending}>
            {t('newRequest.submit')}
          </Button>
        </Form>
      </Card>
    </section>
  );
}
