import MinusCircleOutlined from '@ant-design/icons/es/icons/MinusCircleOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';

export interface InformationRequest {
  items: Array<{ id: string; description: string }>;
  reason?: string;
}

/** A short identifier for an item (the API takes `site-plan`-like ids). */
export function itemId(description: string, index: number): string {
  const slug = description
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return /^[a-z]/.test(slug) ? slug : `item-${index + 1}${slug ? `-${slug}` : ''}`;
}

/** One itemised list of what is missing; earlier items are offered again (an exhaustive list may not grow). */
export function InformationRequestBuilder({
  previous,
  pending,
  onSend,
}: {
  previous: Array<{ id: string; description: string }>;
  pending: boolean;
  onSend: (request: InformationRequest) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={<h3 className="ow-card-title">{t('information.title')}</h3>}
      data-testid="information-builder"
    >
      <Form<{ items: Array<{ description: string; id?: string }>; reason?: string }>
        layout="vertical"
        initialValues={{ items: previous.length > 0 ? previous : [{ description: '' }] }}
        onFinish={(values) =>
          onSend({
            items: values.items.map((item, i) => ({
              id: item.id ?? itemId(item.description, i),
              description: item.description.trim(),
            })),
            ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
          })
        }
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <fieldset>
              <legend>{t('information.items')}</legend>
              {fields.map((field, index) => (
                <div key={field.key} style={{ display: 'flex', gap: 8 }}>
                  <Form.Item
                    name={[field.name, 'description']}
                    label={t('information.item', { n: index + 1 })}
                    style={{ flex: 1 }}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('form.required', { field: t('information.item', { n: index + 1 }) }),
                      },
                    ]}
                  >
                    <Input />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      aria-label={t('information.removeItem', { n: index + 1 })}
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  )}
                </div>
              ))}
              <Button type="dashed" onClick={() => add({ description: '' })} icon={<PlusOutlined />}>
                {t('information.addItem')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        <Form.Item name="reason" label={t('actions.reason')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending}>
          {t('information.send')}
        </Button>
      </Form>
    </Card>
  );
}
