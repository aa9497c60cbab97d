import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '@/lib/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      aria-label={t('layout.language')}
      value={i18n.language as Language}
      onChange={setLanguage}
      options={LANGUAGES.map((language) => ({ value: language, label: t(`layout.languages.${language}`) }))}
      style={{ width: 120 }}
    />
  );
}
