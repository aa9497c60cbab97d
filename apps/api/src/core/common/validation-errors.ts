import type { ValidationError } from 'class-validator';
import { ApiError, ApiErrorCode } from '../errors/api-error';

export interface FieldError {
  /** Dotted path to the field, e.g. `items.0.id`. */
  field: string;
  messages: string[];
}

/** The global validation pipe's refusal: 400 listing every field at fault. */
export function validationFailed(errors: ValidationError[]): ApiError {
  const fields: FieldError[] = [];
  const pending = errors.map((error) => ({ error, path: error.property }));
  while (pending.length > 0) {
    const { error, path } = pending.shift()!;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) fields.push({ field: path, messages });
    for (const child of error.children ?? []) pending.push({ error: child, path: `${path}.${child.property}` });
  }
  return new ApiError(ApiErrorCode.VALIDATION_FAILED, 'Validation failed', { fields });
}
