/** The languages a deployment serves; every human-readable label in a definition is written in each. */
export type Language = 'en' | 'zh-CN';
export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
export const DEFAULT_LANGUAGE: Language = 'en';

/**
 * A label written in every served language. A plain string is what versions published before labels
 * were translated carry; it still reads (in every language) so that old snapshots replay unchanged.
 */
export type LocalizedText = string | Readonly<Record<Language, string>>;

/** The label in the reader's language, falling back to English, then to any text the label has. */
export function textIn(text: LocalizedText, language: Language): string {
  if (typeof text === 'string') return text;
  return text[language] ?? text[DEFAULT_LANGUAGE] ?? Object.values(text)[0] ?? '';
}

/** The best served language for an Accept-Language header or a stored preference ('zh', 'zh-CN;q=0.9' → zh-CN). */
export function languageOf(preference: string | undefined | null): Language {
  if (!preference) return DEFAULT_LANGUAGE;
  const ranked = preference
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return DEFAULT_LANGUAGE;
}
