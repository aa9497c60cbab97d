import MinusCircleOutlined from '@ant-design/icons/es/icons/MinusCircleOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import type { FormInstance } from 'antd/es/form';
import Input from 'antd/es/input';
import InputNumber from 'antd/es/input-number';
import Select from 'antd/es/select';
import type { ProcessDefinition } from '@onewindow/definition-types';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Card } from '@/components/card';
import { Typography } from '@/components/typography';
import { AttributeFields, type AttributesSchemaLike } from '@/components/attribute-fields';
import { ErrorAlert, PageLoading } from '@/components/page-state';
import { api, unwrap } from '@/lib/api/client';
import { useDefinitions } from '@/lib/api/queries';
import type { CreateProject } from './api';

interface StageValues {
  name: string;
  definitionKeys: string[];
  plannedWorkingDays: number;
  attributes?: Record<string, string | number | boolean | undefined>;
}

interface FormValues {
  title: string;
  limitWorkingDays: number;
  stages: StageValues[];
}

/** A stage's one form: the union of the attributes its definitions declare. */
export function stageSchema(definitions: ProcessDefinition[], keys: string[] | undefined): AttributesSchemaLike {
  const properties: AttributesSchemaLike['properties'] = {};
  const required = new Set<string>();
  for (const key of keys ?? []) {
    const schema = (definitions.find((d) => d.key === key) as { attributesSchema?: AttributesSchemaLike } | undefined)
      ?.attributesSchema;
    if (!schema) continue;
    Object.assign(properties, schema.properties);
    for (const name of schema.required ?? []) required.add(name);
  }
  return { type: 'object', properties, required: [...required] };
}

function StageForm({
  form,
  index,
  definitions,
}: {
  form: FormInstance<FormValues>;
  index: number;
  definitions: ProcessDefinition[];
}) {
  const { t } = useTranslation();
  const keys = Form.useWatch(['stages', index, 'definitionKeys'], form) as string[] | undefined;
  const schema = stageSchema(definitions, keys);
  return (
    <>
      <Form.Item
        name={[index, 'name']}
        label={t('projects.stageName')}
        rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('projects.stageName') }) }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name={[index, 'definitionKeys']}
        label={t('projects.processes')}
        rules={[{ required: true, message: t('form.required', { field: t('projects.processes') }) }]}
      >
        <Select
          mode="multiple"
          options={definitions.map((d) => ({
            value: d.key,
            label: t(`definitions.${d.key}`, { defaultValue: d.title }),
          }))}
        />
      </Form.Item>
      <Form.Item
        name={[index, 'plannedWorkingDays']}
        label={t('projects.plannedDays')}
        rules={[{ required: true, message: t('form.required', { field: t('projects.plannedDays') }) }]}
      >
        <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      {Object.keys(schema.properties).length > 0 && (
        <fieldset>
          <legend>{t('projects.stageForm')}</legend>
          <AttributeFields schema={schema} name={[index, 'attributes']} />
        </fieldset>
      )}
    </>
  );
}

/** An applicant's new project: a title, the whole-project limit, and stages of parallel processes. */
export function NewProjectPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const definitions = useDefinitions();
  const create = useMutation({
    mutationFn: (values: FormValues) => {
      const body: CreateProject = {
        title: values.title.trim(),
        limitWorkingDays: values.limitWorkingDays,
        stages: values.stages.map((s) => ({
          name: s.name.trim(),
          definitionKeys: s.definitionKeys,
          plannedWorkingDays: s.plannedWorkingDays,
          attributes: Object.fromEntries(
            Object.entries(s.attributes ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''),
          ) as Record<string, never>,
        })),
      };
      return unwrap(api.POST('/projects', { body }));
    },
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ['projects'] });
      void navigate(`/portfolio/${created.id}`);
    },
  });
  if (definitions.isPending) return <PageLoading />;
  if (definitions.error) return <ErrorAlert error={definitions.error} onRetry={() => void definitions.refetch()} />;
  return (
    <section aria-labelledby="new-project-title">
      <Typography.Title level={1} id="new-project-title">
        {t('projects.new')}
      </Typography.Title>
      <Card>
        <Form<FormValues>
          form={form}
          layout="vertical"
          style={{ maxWidth: 720 }}
          initialValues={{ stages: [{ definitionKeys: [] }] }}
          onFinish={(values) => create.mutate(values)}
        >
          <Form.Item
            name="title"
            label={t('projects.name')}
            rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('projects.name') }) }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="limitWorkingDays"
            label={t('projects.limit')}
            rules={[{ required: true, message: t('form.required', { field: t('projects.limit') }) }]}
          >
            <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.List name="stages">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <fieldset key={field.key} className="ow-stage-fieldset">
                    <legend>{t('projects.stageLegend', { number: i + 1 })}</legend>
                    <StageForm form={form} index={field.name} definitions={definitions.data} />
                    {fields.length > 1 && (
                      <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                        {t('projects.removeStage', { number: i + 1 })}
                      </Button>
                    )}
                  </fieldset>
                ))}
                <Form.Item>
                  <Button icon={<PlusOutlined />} onClick={() => add({ definitionKeys: [] })}>
                    {t('projects.addStage')}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
          {create.error && <ErrorAlert error={create.error} />}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('projects.create')}
          </Button>
        </Form>
      </Card>
    </section>
  );
}
