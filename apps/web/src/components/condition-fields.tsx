import MinusCircleOutlined from '@ant-design/icons/es/icons/MinusCircleOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import { useTranslation } from 'react-i18next';
import type { components } from '@/lib/api/schema';

export type Condition = components['schemas']['ConditionDto'];

/** The conditions as the form holds them while they are typed. */
export type ConditionValues = Array<{ text?: string; reason?: string; policy?: string }> | undefined;

/** The conditions entered, trimmed, without empty rows or empty policies: what the API takes. */
export function conditionsFrom(values: ConditionValues): Condition[] {
  return (values ?? [])
    .map((c) => ({ text: c.text?.trim() ?? '', reason: c.reason?.trim() ?? '', policy: c.policy?.trim() }))
    .filter((c) => c.text)
    .map(({ policy, ...c }) => (policy ? { ...c, policy } : c));
}

/**
 * Each condition with its reason (and policy), as a decision notice or a permit prints them: the form field
 * `conditions` of the form around it.
 */
export function ConditionFields({ legend }: { legend?: string }) {
  const { t } = useTranslation();
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });
  return (
    <Form.List name="conditions">
      {(fields, { add, remove }) => (
        <fieldset>
          <legend>{legend ?? t('decision.conditions')}</legend>
          {fields.map((field, index) => {
            const n = index + 1;
            return (
              <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                <div style={{ flex: 1 }}>
                  <Form.Item
                    name={[field.name, 'text']}
                    label={t('decision.condition', { n })}
                    rules={[required(t('decision.condition', { n }))]}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'reason']}
                    label={t('decision.conditionReason', { n })}
                    rules={[required(t('decision.conditionReason', { n }))]}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'policy']} label={t('decision.conditionPolicy', { n })}>
                    <Input />
                  </Form.Item>
                </div>
                <Button
                  aria-label={t('decision.removeCondition', { n })}
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(field.name)}
                  style={{ marginTop: 30 }}
                />
              </div>
            );
          })}
          <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
            {t('decision.addCondition')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
