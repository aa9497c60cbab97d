import type { AttributesSchema, ProcessDefinition, SchemaFault } from '@onewindow/domain';
import { Injectable } from '@nestjs/common';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import type { FieldError } from '../../core/common/validation-errors';

/**
 * Validates a request's attributes against its definition's `attributesSchema` (JSON Schema, via ajv). The web
 * form renders from the same schema and shows these messages beside the fields they name.
 */
@Injectable()
export class AttributesValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: true });
  /** Published versions never change, so each schema is compiled once. */
  private readonly compiled = new Map<string, ValidateFunction>();

  /** Throws a 422 naming every attribute at fault, as `attributes.<name>`. */
  check(definition: ProcessDefinition, attributes: Record<string, unknown>): void {
    if (!definition.attributesSchema) return;
    const key = `${definition.key}@${definition.version}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(withoutLabels(definition.attributesSchema));
      this.compiled.set(key, validate);
    }
    if (validate(attributes)) return;
    const fields = fieldErrors(validate.errors ?? []);
    const first = fields[0];
    throw new ApiError(
      ApiErrorCode.UNPROCESSABLE,
      `Invalid attributes for '${definition.key}': ${first.field} ${first.messages[0]}`,
      { fields },
    );
  }

  /** Faults ajv finds compiling a schema the domain's own check let through (none expected). */
  schemaFaults(schema: AttributesSchema): SchemaFault[] {
    try {
      new Ajv({ strict: true }).compile(withoutLabels(schema));
      return [];
    } catch (error) {
      return [{ path: 'attributesSchema', message: error instanceof Error ? error.message : String(error) }];
    }
  }
}

/**
 * The schema as JSON Schema knows it: titles and help texts are labels in every language (objects, where
 * JSON Schema wants strings), and annotations that change nothing a value must satisfy (`personal`: never
 * published).
 */
function withoutLabels(schema: AttributesSchema): object {
  const strip = <T extends object>(node: T): T => {
    const copy = { ...node } as Record<string, unknown>;
    delete copy.title;
    delete copy.description;
    delete copy.personal;
    return copy as T;
  };
  const properties = Object.fromEntries(Object.entries(schema.properties).map(([name, p]) => [name, strip(p)]));
  return { ...strip(schema), properties };
}

function fieldErrors(errors: ErrorObject[]): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    const [field, message] = describe(error);
    const messages = byField.get(field) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byField.set(field, messages);
  }
  return [...byField].map(([field, messages]) => ({ field, messages }));
}

/** The field an ajv error concerns and a message that reads after its label. */
function describe(error: ErrorObject): [string, string] {
  const params = error.params as Record<string, unknown>;
  const path = error.instancePath.split('/').filter(Boolean).join('.');
  const field = (name: string) => `attributes${name ? `.${name}` : ''}`;
  switch (error.keyword) {
    case 'required':
      return [field(String(params.missingProperty)), 'is required'];
    case 'additionalProperty':
    case 'additionalProperties':
      return [field(String(params.additionalProperty)), 'is not an attribute of this kind of request'];
    case 'enum':
      return [
        field(path),
        `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      ];
    default:
      return [field(path), error.message ?? 'is invalid'];
  }
}
