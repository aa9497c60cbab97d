import MinusCircleOutlined from '@ant-design/icons/es/icons/MinusCircleOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import { useTranslation } from 'react-i18next';
import type { components } from '@/lib/api/schema';

export type Condition = components['schemas']['ConditionDto'];

/** The conditions as the form holds them while they are typed; `standard` names the standard one chosen. */
export type ConditionValues = Array<{ text?: string; reason?: string; policy?: string; standard?: string }> | undefined;

/** A standard condition of the definition, in the reader's language. */
export interface StandardConditionText {
  key: string;
  text: string;
  reason: string;
  policy?: string;
}

/**
 * The conditions entered, trimmed, without empty rows or empty policies: what the API takes. A condition keeps
 * its standard key only while it reads as the standard one (then every reader sees it in their language); once
 * the decider rewords it, it is their own text.
 */
export function conditionsFrom(values: ConditionValues, standards: StandardConditionText[] = []): Condition[] {
  return (values ?? [])
    .map((c) => ({
      text: c.text?.trim() ?? '',
      reason: c.reason?.trim() ?? '',
      policy: c.policy?.trim(),
      standard: c.standard,
    }))
    .filter((c) => c.text)
    .map(({ policy, standard, ...c }) => {
      const own = policy ? { ...c, policy } : c;
      const chosen = standards.find((s) => s.key === standard);
      return chosen && chosen.text === own.text && chosen.reason === own.reason
        ? { ...own, standard: chosen.key }
        : own;
    });
}

/**
 * Each condition with its reason (and policy), as a decision notice or a permit prints them: the form field
 * `conditions` of the form around it. The definition's standard conditions, if given, can be added as written.
 */
export function ConditionFields({
  legend,
  standardConditions = [],
}: {
  legend?: string;
  standardConditions?: StandardConditionText[];
}) {
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
                  <Form.Item name={[field.name, 'standard']} hidden>
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
          {standardConditions.length > 0 && (
            <div role="group" aria-label={t('decision.standardConditions')} style={{ marginTop: 8 }}>
              <div>{t('decision.standardConditions')}</div>
              {standardConditions.map((c) => (
                <Button
                  key={c.key}
                  type="dashed"
                  icon={<PlusOutlined />}
                  style={{ marginTop: 4, whiteSpace: 'normal', height: 'auto', textAlign: 'start' }}
                  onClick={() =>
                    add({ text: c.text, reason: c.reason, standard: c.key, ...(c.policy ? { policy: c.policy } : {}) })
                  }
                >
                  {c.text}
                </Button>
              ))}
            </div>
          )}
        </fieldset>
      )}
    </Form.List>
  );
}
