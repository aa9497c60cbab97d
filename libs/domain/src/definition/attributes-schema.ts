import type { AttributesSchema } from './process-definition.types';
import { checkKnownKeys, checkLabel, checkOneOf, describe, isRecord, SchemaErrors } from './schema-reader';

/** Attribute names: identifiers, as the submit endpoint accepts them. */
export const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const TYPES = ['string', 'number', 'integer', 'boolean'] as const;
const ROOT_KEYS = ['type', 'properties', 'required', 'additionalProperties', 'title', 'description'];
const PROPERTY_KEYS = [
  'type',
  'title',
  'description',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'default',
  'personal',
];
const NUMERIC_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;
const LENGTH_KEYS = ['minLength', 'maxLength'] as const;

/**
 * Checks a definition's `attributesSchema`: a JSON Schema of a flat object of scalars, the subset a form can
 * render and every JSON Schema validator reads alike. Returns the declared schema when it is sound.
 */
export function checkAttributesSchema(
  errors: SchemaErrors,
  value: unknown,
  path: string,
): AttributesSchema | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    errors.add(path, `must be a JSON Schema object (${describe(value)})`);
    return undefined;
  }
  const before = errors.list.length;
  checkKnownKeys(errors, value, path, ROOT_KEYS);
  if (value.type !== 'object') errors.add(`${path}.type`, `must be 'object' (${describe(value.type)})`);
  if (value.additionalProperties !== undefined && typeof value.additionalProperties !== 'boolean') {
    errors.add(`${path}.additionalProperties`, `must be true or false (${describe(value.additionalProperties)})`);
  }
  const properties = isRecord(value.properties) ? value.properties : undefined;
  if (!properties)
    errors.add(`${path}.properties`, `must map attribute names to schemas (${describe(value.properties)})`);
  else
    for (const [name, schema] of Object.entries(properties))
      checkProperty(errors, name, schema, `${path}.properties.${name}`);
  if (value.required !== undefined) {
    if (!Array.isArray(value.required))
      errors.add(`${path}.required`, `must list attribute names (${describe(value.required)})`);
    else
      value.required.forEach((name, i) => {
        if (typeof name !== 'string' || !properties || !(name in properties)) {
          errors.add(`${path}.required[${i}]`, `'${String(name)}' is not among the properties`);
        }
      });
  }
  return errors.list.length === before ? (value as unknown as AttributesSchema) : undefined;
}

function checkProperty(errors: SchemaErrors, name: string, value: unknown, path: string): void {
  if (!ATTRIBUTE_NAME.test(name)) errors.add(path, `'${name}' must be an identifier (letters, digits, _)`);
  if (!isRecord(value)) return errors.add(path, `must be a schema such as { "type": "number" } (${describe(value)})`);
  checkKnownKeys(errors, value, path, PROPERTY_KEYS);
  if (!checkOneOf(errors, value.type, `${path}.type`, TYPES)) return;
  const numeric = value.type === 'number' || value.type === 'integer';
  for (const key of NUMERIC_KEYS) {
    if (value[key] === undefined) continue;
    if (!numeric) errors.add(`${path}.${key}`, `applies to numbers only, not ${String(value.type)}`);
    else if (typeof value[key] !== 'number' || !Number.isFinite(value[key])) {
      errors.add(`${path}.${key}`, `must be a number (${describe(value[key])})`);
    }
  }
  for (const key of LENGTH_KEYS) {
    if (value[key] === undefined) continue;
    if (value.type !== 'string') errors.add(`${path}.${key}`, `applies to strings only, not ${String(value.type)}`);
    else if (!Number.isInteger(value[key]) || (value[key] as number) < 0) {
      errors.add(`${path}.${key}`, `must be a whole number >= 0 (${describe(value[key])})`);
    }
  }
  if (value.pattern !== undefined) {
    if (value.type !== 'string') errors.add(`${path}.pattern`, `applies to strings only, not ${String(value.type)}`);
    else if (typeof value.pattern !== 'string' || !isRegExp(value.pattern)) {
      errors.add(`${path}.pattern`, `must be a regular expression (${describe(value.pattern)})`);
    }
  }
  if (value.enum !== undefined) {
    const fits = (v: unknown) => (numeric ? typeof v === 'number' : typeof v === value.type);
    if (!Array.isArray(value.enum) || value.enum.length === 0 || !value.enum.every(fits)) {
      errors.add(`${path}.enum`, `must list one or more ${String(value.type)} values (${describe(value.enum)})`);
    }
  }
  if (value.personal !== undefined && typeof value.personal !== 'boolean') {
    errors.add(`${path}.personal`, `must be true or false (${describe(value.personal)})`);
  }
  for (const key of ['title', 'description'] as const) {
    if (value[key] !== undefined) checkLabel(errors, value[key], `${path}.${key}`);
  }
  if (
    value.default !== undefined &&
    !(numeric ? typeof value.default === 'number' : typeof value.default === value.type)
  ) {
    errors.add(`${path}.default`, `must be a ${String(value.type)} (${describe(value.default)})`);
  }
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * Every attribute a routing condition or duration rule reads must be declared, with a type its value fits:
 * otherwise the condition could never hold, which is nearly always a typo ("floorArea" for "floorAreaM2").
 */
export function checkAttributeReferences(
  errors: SchemaErrors,
  definition: Record<string, unknown>,
  schema: AttributesSchema,
): void {
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${path}[${i}]`));
    if (!isRecord(node)) return;
    if (typeof node.attr === 'string' && 'op' in node) {
      const declared = schema.properties[node.attr];
      if (!declared) errors.add(`${path}.attr`, `'${node.attr}' is not declared in attributesSchema.properties`);
      else if (node.value !== undefined && !fitsType(declared.type, node.value)) {
        errors.add(`${path}.value`, `compares '${node.attr}' (${declared.type}) with ${JSON.stringify(node.value)}`);
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'attributesSchema') visit(child, path === '' ? key : `${path}.${key}`);
    }
  };
  visit(definition, '');
}

function fitsType(type: string, value: unknown): boolean {
  return type === 'integer' || type === 'number' ? typeof value === 'number' : typeof value === type;
}
