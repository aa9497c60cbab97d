import MinusCircleOutlined from '@ant-design/icons/es/icons/MinusCircleOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Radio from 'antd/es/radio';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import {
  type Condition,
  ConditionFields,
  conditionsFrom,
  type ConditionValues,
  type StandardConditionText,
} from '@/components/condition-fields';

export interface Decision {
  outcome: string;
  reason?: string;
  conditions?: Condition[];
  informatives?: string[];
  refusalReasons?: string[];
}

interface Values {
  outcome: string;
  reason?: string;
  conditions?: ConditionValues;
  informatives?: string[];
  refusalReasons?: string[];
}

const trimmed = (list: string[] | undefined) => (list ?? []).map((s) => s.trim()).filter(Boolean);

/**
 * The outcomes the rules allow now, a reason, each condition with its reason (and policy), informatives, and
 * for a refusal each of its reasons: the decision notice prints them as they are entered here.
 */
export function DecisionForm({
  outcomes,
  outcomeName,
  standardConditions = [],
  pending,
  onDecide,
}: {
  outcomes: string[];
  /** An outcome's name in the reader's language. */
  outcomeName?: (outcome: string) => string;
  /** The definition's standard conditions, offered to add as they are written. */
  standardConditions?: StandardConditionText[];
  pending: boolean;
  onDecide: (decision: Decision) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });
  return (
    <Card size="small" title={<h3 className="ow-card-title">{t('decision.title')}</h3>} data-testid="decision-form">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          const conditions = conditionsFrom(values.conditions, standardConditions);
          const informatives = trimmed(values.informatives);
          const refusalReasons = trimmed(values.refusalReasons);
          onDecide({
            outcome: values.outcome,
            ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
            ...(conditions.length > 0 ? { conditions } : {}),
            ...(informatives.length > 0 ? { informatives } : {}),
            ...(refusalReasons.length > 0 && values.outcome === 'refused' ? { refusalReasons } : {}),
          });
        }}
      >
        <Form.Item name="outcome" label={t('actions.outcome')} rules={[required(t('actions.outcome'))]}>
          <Radio.Group
            options={outcomes.map((o) => ({
              value: o,
              label: outcomeName ? outcomeName(o) : t(`outcomes.${o}`, { defaultValue: o }),
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('actions.reason')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <ConditionFields standardConditions={standardConditions} />
        <TextList name="informatives" legend={t('decision.informatives')} item="informative" />
        {outcome === 'refused' && (
          <TextList name="refusalReasons" legend={t('decision.refusalReasons')} item="refusalReason" />
        )}
        <Button type="primary" htmlType="submit" loading={pending} style={{ marginTop: 16 }}>
          {t('decision.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** A list of sentences, one field each (informatives, the reasons of a refusal). */
function TextList({
  name,
  legend,
  item,
}: {
  name: 'informatives' | 'refusalReasons';
  legend: string;
  item: 'informative' | 'refusalReason';
}) {
  const { t } = useTranslation();
  const Item = item === 'informative' ? 'Informative' : 'RefusalReason';
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <fieldset style={{ marginTop: 12 }}>
          <legend>{legend}</legend>
          {fields.map((field, index) => (
            <div key={field.key} style={{ display: 'flex', gap: 8 }}>
              <Form.Item
                name={field.name}
                label={t(`decision.${item}`, { n: index + 1 })}
                style={{ flex: 1 }}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('form.required', { field: t(`decision.${item}`, { n: index + 1 }) }),
                  },
                ]}
              >
                <Input />
              </Form.Item>
              <Button
                aria-label={t(`decision.remove${Item}`, { n: index + 1 })}
                icon={<MinusCircleOutlined />}
                onClick={() => remove(field.name)}
                style={{ marginTop: 30 }}
              />
            </div>
          ))}
          <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
            {t(`decision.add${Item}`)}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
