import { checkKnownKeys, checkLabel, checkString, describe, isRecord, type SchemaErrors } from './schema-reader';

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

/**
 * The standard conditions a decision form offers (`standardConditions`): each with a unique key, its text and its
 * reason in every served language, and optionally the policy it rests on.
 */
export function checkStandardConditions(errors: SchemaErrors, value: unknown, path: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return errors.add(path, `must be a list of conditions (${describe(value)})`);
  const keys = new Set<string>();
  value.forEach((condition: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(condition)) return errors.add(at, `must be { key, text, reason, policy? } (${describe(condition)})`);
    checkKnownKeys(errors, condition, at, ['key', 'text', 'reason', 'policy']);
    if (checkString(errors, condition.key, `${at}.key`, LABEL_KEY)) {
      if (keys.has(condition.key)) errors.add(`${at}.key`, `duplicate standard condition '${condition.key}'`);
      keys.add(condition.key);
    }
    checkLabel(errors, condition.text, `${at}.text`);
    checkLabel(errors, condition.reason, `${at}.reason`);
    if (condition.policy !== undefined) checkString(errors, condition.policy, `${at}.policy`);
  });
}
