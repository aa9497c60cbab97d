import Form from 'antd/es/form';
import Input from 'antd/es/input';
import InputNumber from 'antd/es/input-number';
import Select from 'antd/es/select';
import Switch from 'antd/es/switch';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';

/** One attribute as the definition's JSON Schema declares it (a flat object of scalars). */
export interface AttributeSchemaLike {
  type: 'string' | 'number' | 'integer' | 'boolean';
  title?: string;
  description?: string;
  enum?: Array<string | number>;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: string | number | boolean;
}

export interface AttributesSchemaLike {
  type: 'object';
  properties: Record<string, AttributeSchemaLike>;
  required?: string[];
}

/**
 * Form fields for a definition's request attributes, with the schema's own limits as client checks;
 * `name` is where in the form the attributes go (a request's `attributes`, or a project stage's).
 */
export function AttributeFields({
  schema,
  name: base = ['attributes'],
}: {
  schema: AttributesSchemaLike;
  name?: Array<string | number>;
}) {
  const { t } = useTranslation();
  const required = new Set(schema.required ?? []);
  return (
    <>
      {Object.entries(schema.properties).map(([name, field]) => {
        const label = field.title ?? name;
        const rules: Rule[] = [];
        if (required.has(name) && field.type !== 'boolean') {
          rules.push({ required: true, message: t('form.required', { field: label }) });
        }
        if (field.type === 'number' || field.type === 'integer') {
          rules.push({
            type: 'number',
            min: field.minimum,
            max: field.maximum,
            message: t('form.range', { field: label, min: field.minimum ?? '−∞', max: field.maximum ?? '∞' }),
          });
        }
        if (field.type === 'string' && field.pattern) {
          rules.push({ pattern: new RegExp(field.pattern), message: t('form.pattern', { field: label }) });
        }
        const control =
          field.type === 'boolean' ? (
            <Switch />
          ) : field.enum ? (
            <Select options={field.enum.map((value) => ({ value, label: String(value) }))} />
          ) : field.type === 'number' || field.type === 'integer' ? (
            <InputNumber style={{ width: '100%' }} precision={field.type === 'integer' ? 0 : undefined} />
          ) : (
            <Input maxLength={field.maxLength} />
          );
        return (
          <Form.Item
            key={name}
            name={[...base, name]}
            label={label}
            extra={field.description}
            rules={rules}
            valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
            initialValue={field.default ?? (field.type === 'boolean' ? false : undefined)}
          >
            {control}
          </Form.Item>
        );
      })}
    </>
  );
}

interface ConditionLike {
  attr?: string;
  value?: unknown;
  all?: ConditionLike[];
  any?: ConditionLike[];
  not?: ConditionLike;
}

/**
 * For a definition that declares no attribute schema: the attributes its routing conditions read,
 * typed by the values they are compared with.
 */
export function schemaFromConditions(definition: { steps: unknown[] }): AttributesSchemaLike {
  const properties: Record<string, AttributeSchemaLike> = {};
  const visit = (c: ConditionLike | undefined) => {
    if (!c) return;
    if (c.attr) {
      const type = typeof c.value === 'boolean' ? 'boolean' : typeof c.value === 'number' ? 'number' : 'string';
      properties[c.attr] ??= { type };
    }
    c.all?.forEach(visit);
    c.any?.forEach(visit);
    visit(c.not);
  };
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'when') visit(value as ConditionLike);
        else walk(value);
      }
    }
  };
  walk(definition);
  return { type: 'object', properties };
}
