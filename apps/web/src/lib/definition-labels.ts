import { useTranslation } from 'react-i18next';
import type { ProcessDefinition } from '@onewindow/definition-types';
import { languageOf, textIn, type LocalizedText } from '@onewindow/localized-text';
import { useDefinitions } from '@/lib/api/queries';

export type { LocalizedText };

/** A label from a definition in a language of the app (the API sends one language; a stored map has all). */
export function labelIn(text: LocalizedText | undefined, language: string): string {
  return text === undefined ? '' : textIn(text, languageOf(language));
}

/** Reads definition labels in the reader's language. */
export function useLabel(): (text: LocalizedText | undefined) => string {
  const { i18n } = useTranslation();
  return (text) => labelIn(text, i18n.language);
}

/** A step's label by its id, a joint review's members included; the id itself while the definition is not in. */
export function stepTitleIn(definition: ProcessDefinition | undefined, stepId: string): LocalizedText {
  for (const step of definition?.steps ?? []) {
    if (step.id === stepId) return step.title;
    const member = step.kind === 'parallel' ? step.members.find((m) => m.id === stepId) : undefined;
    if (member) return member.title;
  }
  return stepId;
}

/** A process's name in the reader's language: its definition's title, else the app's own name for the key. */
export function useProcessName(): (definitionKey: string) => string {
  const { t } = useTranslation();
  const label = useLabel();
  const definitions = useDefinitions();
  return (definitionKey) => {
    const title = definitions.data?.find((d) => d.key === definitionKey)?.title;
    return title !== undefined ? label(title) : t(`definitions.${definitionKey}`, { defaultValue: definitionKey });
  };
}

/** A definition, or the key of one whose latest version names things well enough for a list. */
type NamingDefinition = ProcessDefinition | string | undefined;

type Translate = (key: string, options: { defaultValue: string }) => string;

/**
 * An outcome's or a department's name: the definition's own label in the reader's language, else the app's
 * word for a well-known id, else the id itself (a definition published before it named them).
 */
export function nameIn(
  kind: 'outcomes' | 'departments',
  id: string,
  definition: ProcessDefinition | undefined,
  t: Translate,
  label: (text: LocalizedText | undefined) => string,
): string {
  const text = kind === 'outcomes' ? definition?.outcomeLabels?.[id] : definition?.departments?.[id];
  return text !== undefined ? label(text) : t(`${kind}.${id}`, { defaultValue: id });
}

/** Outcomes and departments by name, for pages that hold a definition or only its key. */
export function useDefinitionNames(): {
  outcome: (outcome: string, definition?: NamingDefinition) => string;
  department: (department: string, definition?: NamingDefinition) => string;
} {
  const { t } = useTranslation();
  const label = useLabel();
  const definitions = useDefinitions();
  // Without a definition, any published one that names the id will do (a department is one office).
  const resolve = (kind: 'outcomes' | 'departments', id: string, definition: NamingDefinition) =>
    typeof definition === 'string'
      ? definitions.data?.find((d) => d.key === definition)
      : (definition ??
        definitions.data?.find((d) => (kind === 'outcomes' ? d.outcomeLabels : d.departments)?.[id] !== undefined));
  const translate: Translate = (key, options) => t(key, options);
  const name = (kind: 'outcomes' | 'departments') => (id: string, definition?: NamingDefinition) =>
    nameIn(kind, id, resolve(kind, id, definition), translate, label);
  return { outcome: name('outcomes'), department: name('departments') };
}
