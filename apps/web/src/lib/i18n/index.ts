import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'onewindow.language';

function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * Each language's strings, and Ant Design's own strings for it, in chunks of their own: a visitor
 * downloads only the language they read. (Ant Design carries its English strings anyway.)
 */
const LANGUAGE_CHUNKS: Record<Language, () => Promise<{ strings: ResourceKey; antd: Locale }>> = {
  en: async () => ({ strings: (await import('./en')).en, antd: enUS }),
  'zh-CN': async () => {
    const [strings, antd] = await Promise.all([import('./zh-CN'), import('antd/locale/zh_CN')]);
    return { strings: strings.zhCN, antd: antd.default };
  },
};

const antdLocales: Partial<Record<string, Locale>> = {};

/** Ant Design's strings for a language whose chunk has arrived (i18next switches only once it has). */
export function antdLocaleOf(language: string): Locale {
  return antdLocales[language] ?? enUS;
}

const languageChunks: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = LANGUAGE_CHUNKS[language as Language];
    if (!load) return callback(new Error(`no strings for the language ${language}`), false);
    load().then(
      ({ strings, antd }) => {
        antdLocales[language] = antd;
        callback(null, strings);
      },
      (error: Error) => callback(error, false),
    );
  },
};

/**
 * Resolves once the first language's strings are in. The app renders only then, so a page never
 * shows a raw key while its language is on the way.
 */
export const i18nReady: Promise<void> = i18n
  .use(languageChunks)
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    // Only the chosen language's chunk (not also `zh` for `zh-CN`).
    load: 'currentOnly',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // A missing key shows itself, so the browser tests can find it. A label made from data (a definition
    // an administrator published has no translation) brings its own default, which shows instead.
    parseMissingKeyHandler: (key, defaultValue?: string) => defaultValue ?? `⟦${key}⟧`,
  })
  .then(() => {
    document.documentElement.lang = i18n.language;
  });

/** Switches once the language's strings have arrived, so no page is drawn half in each language. */
export async function setLanguage(language: Language): Promise<void> {
  window.localStorage.setItem(STORAGE_KEY, language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18n };
