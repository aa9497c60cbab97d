import { checkKnownKeys, checkString, describe, isRecord, type SchemaErrors } from './schema-reader';
import { STEP_ID } from './step-schema';

/**
 * `publication`: from which step's completion a case is public, which attributes and document types are published.
 * Only declared attributes may be listed, and never one the schema marks personal.
 */
export function checkPublicationDeclaration(
  errors: SchemaErrors,
  definition: Record<string, unknown>,
  resolve: (path: string, id: string) => void,
): void {
  const value = definition.publication;
  if (value === undefined) return;
  const shape = '{ from: { step, outcomes? }, attributes, documents? }';
  if (!isRecord(value)) return errors.add('publication', `must be ${shape} (${describe(value)})`);
  checkKnownKeys(errors, value, 'publication', ['from', 'attributes', 'documents', 'comments']);
  if (value.comments !== undefined) {
    const comments = value.comments;
    if (!isRecord(comments)) errors.add('publication.comments', `must be { during } (${describe(comments)})`);
    else {
      checkKnownKeys(errors, comments, 'publication.comments', ['during']);
      if (checkString(errors, comments.during, 'publication.comments.during', STEP_ID)) {
        resolve('publication.comments.during', comments.during);
      }
    }
  }
  const from = value.from;
  if (!isRecord(from)) errors.add('publication.from', `must be { step, outcomes? } (${describe(from)})`);
  else {
    checkKnownKeys(errors, from, 'publication.from', ['step', 'outcomes']);
    if (checkString(errors, from.step, 'publication.from.step', STEP_ID)) resolve('publication.from.step', from.step);
    if (from.outcomes !== undefined) {
      if (!Array.isArray(from.outcomes) || from.outcomes.length === 0) {
        errors.add('publication.from.outcomes', 'must be a non-empty list of outcomes');
      } else from.outcomes.forEach((o, i) => checkString(errors, o, `publication.from.outcomes[${i}]`));
    }
  }
  const properties = propertiesOf(definition.attributesSchema);
  checkKeyList(errors, value.attributes, 'publication.attributes', (key, path) => {
    const property = properties[key];
    if (!isRecord(property)) errors.add(path, `'${key}' is not an attribute of the definition's schema`);
    else if (property.personal === true) errors.add(path, `'${key}' is personal data and is never published`);
  });
  if (value.documents === undefined) return;
  const types = Array.isArray(definition.documents) ? definition.documents.filter(isRecord).map((d) => d.key) : [];
  checkKeyList(errors, value.documents, 'publication.documents', (key, path) => {
    if (!types.includes(key)) errors.add(path, `'${key}' is not a document type of the definition`);
  });
}

function checkKeyList(
  errors: SchemaErrors,
  value: unknown,
  path: string,
  check: (key: string, path: string) => void,
): void {
  if (!Array.isArray(value)) return errors.add(path, `must be a list of keys (${describe(value)})`);
  const seen = new Set<string>();
  value.forEach((key, i) => {
    if (!checkString(errors, key, `${path}[${i}]`)) return;
    if (seen.has(key)) errors.add(`${path}[${i}]`, `'${key}' is listed twice`);
    seen.add(key);
    check(key, `${path}[${i}]`);
  });
}

function propertiesOf(schema: unknown): Record<string, unknown> {
  return isRecord(schema) && isRecord(schema.properties) ? schema.properties : {};
}
