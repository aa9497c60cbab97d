import { checkLabel, checkString, describe, isRecord, type SchemaErrors } from './schema-reader';

const LABEL_KEY = /^[a-z0-9][a-z0-9-]*$/;

/**
 * A map of ids to their names in every served language (`outcomeLabels`, `departments`): the definition
 * says what its outcomes and departments are called, so no reader meets a bare id.
 */
export function checkLabelMap(errors: SchemaErrors, value: unknown, path: string): void {
  if (value === undefined) return;
  if (!isRecord(value)) return errors.add(path, `must map ids to names in each language (${describe(value)})`);
  for (const [id, label] of Object.entries(value)) {
    if (checkString(errors, id, `${path}.${id}`, LABEL_KEY)) checkLabel(errors, label, `${path}.${id}`);
  }
}
