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
