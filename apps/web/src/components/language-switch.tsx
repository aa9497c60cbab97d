import { useQueryClient } from '@tanstack/react-query';
import Button from 'antd/es/button';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '@/lib/i18n';

/** English / 中文: two toggle buttons, each named in its own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <span role="group" aria-label={t('layout.language')} style={{ display: 'inline-flex', gap: 4 }}>
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          size="small"
          lang={language}
          type={i18n.language === language ? 'primary' : 'default'}
          aria-pressed={i18n.language === language}
          // The API writes definitions' labels in the language asked for: ask again in the new one.
          onClick={() => void setLanguage(language).then(() => queryClient.invalidateQueries())}
        >
          {t(`layout.languages.${language}`)}
        </Button>
      ))}
    </span>
  );
}
