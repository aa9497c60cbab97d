import MinusCircleOutlined from '@ant-design/icons/es/icons/MinusCircleOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Radio from 'antd/es/radio';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';

export interface Decision {
  outcome: string;
  reason?: string;
  conditions?: string[];
}

/** The outcomes the rules allow now, a reason, and any conditions attached to the decision. */
export function DecisionForm({
  outcomes,
  pending,
  onDecide,
}: {
  outcomes: string[];
  pending: boolean;
  onDecide: (decision: Decision) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<h3 className="ow-card-title">{t('decision.title')}</h3>} data-testid="decision-form">
      <Form<{ outcome: string; reason?: string; conditions?: string[] }>
        layout="vertical"
        onFinish={(values) => {
          const conditions = (values.conditions ?? []).map((c) => c.trim()).filter(Boolean);
          onDecide({
            outcome: values.outcome,
            ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
            ...(conditions.length > 0 ? { conditions } : {}),
          });
        }}
      >
        <Form.Item
          name="outcome"
          label={t('actions.outcome')}
          rules={[{ required: true, message: t('form.required', { field: t('actions.outcome') }) }]}
        >
          <Radio.Group options={outcomes.map((o) => ({ value: o, label: t(`outcomes.${o}`, { defaultValue: o }) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('actions.reason')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.List name="conditions">
          {(fields, { add, remove }) => (
            <fieldset>
              <legend>{t('decision.conditions')}</legend>
              {fields.map((field, index) => (
                <div key={field.key} style={{ display: 'flex', gap: 8 }}>
                  <Form.Item
                    name={field.name}
                    label={t('decision.condition', { n: index + 1 })}
                    style={{ flex: 1 }}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('form.required', { field: t('decision.condition', { n: index + 1 }) }),
                      },
                    ]}
                  >
                    <Input />
                  </Form.Item>
                  <Button
                    aria-label={t('decision.removeCondition', { n: index + 1 })}
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 30 }}
                  />
                </div>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                {t('decision.addCondition')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={pending} style={{ marginTop: 16 }}>
          {t('decision.submit')}
        </Button>
      </Form>
    </Card>
  );
}
