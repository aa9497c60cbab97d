import { LANGUAGES } from '../text/localized-text';

/**
 * A tiny hand-written schema checker: definitions are loaded from JSON published by administrators, and
 * every fault is reported with its path so the author can fix them all in one pass.
 */
export class SchemaErrors {
  readonly list: string[] = [];
  /** The same faults with their place apart, so an editor can show each where it is. */
  readonly faults: SchemaFault[] = [];

  /**
   * `everyLanguage`: a label must be written in every served language (a definition being published);
   * otherwise a plain string still passes, as versions published before labels were translated carry.
   */
  constructor(readonly everyLanguage = false) {}

  add(path: string, fault: string): void {
    this.list.push(`${path}: ${fault}`);
    this.faults.push({ path, message: fault });
  }
}

/** One fault of a published document: where (`steps[2].next.approved`) and what. */
export interface SchemaFault {
  path: string;
  message: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  return `got ${JSON.stringify(value)}`;
}

export function checkString(errors: SchemaErrors, value: unknown, path: string, pattern?: RegExp): value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    errors.add(path, `must be a non-empty string (${describe(value)})`);
    return false;
  }
  if (pattern && !pattern.test(value)) {
    errors.add(path, `'${value}' must match ${String(pattern)}`);
    return false;
  }
  return true;
}

/** A human-readable label: `{ en, 'zh-CN' }` with a text in each served language (or, when allowed, a string). */
export function checkLabel(errors: SchemaErrors, value: unknown, path: string): void {
  if (typeof value === 'string' && !errors.everyLanguage) {
    checkString(errors, value, path);
    return;
  }
  if (!isRecord(value)) {
    errors.add(
      path,
      `must be a text in each language: { ${LANGUAGES.map((l) => `"${l}": "…"`).join(', ')} } (${describe(value)})`,
    );
    return;
  }
  for (const language of LANGUAGES) {
    const text = value[language];
    if (typeof text !== 'string' || text.trim() === '')
      errors.add(`${path}.${language}`, `the ${language} text is missing`);
  }
  for (const key of Object.keys(value)) {
    if (!(LANGUAGES as readonly string[]).includes(key))
      errors.add(`${path}.${key}`, `is not a served language (${LANGUAGES.join(', ')})`);
  }
}

export function checkOneOf<T extends string>(
  errors: SchemaErrors,
  value: unknown,
  path: string,
  allowed: readonly T[],
): value is T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return true;
  errors.add(path, `must be one of ${allowed.join(', ')} (${describe(value)})`);
  return false;
}

export function checkOptionalBoolean(errors: SchemaErrors, value: unknown, path: string): void {
  if (value !== undefined && typeof value !== 'boolean') errors.add(path, `must be true or false (${describe(value)})`);
}

/** Flags properties the schema does not know, which are nearly always typos ("nxt", "duraton"). */
export function checkKnownKeys(
  errors: SchemaErrors,
  value: Record<string, unknown>,
  path: string,
  known: readonly string[],
): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) errors.add(`${path}.${key}`, 'unknown property');
}
