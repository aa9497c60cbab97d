import Result from 'antd/es/result';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return <Result status="404" title={t('errors.pageNotFound')} extra={<Link to="/">{t('nav.home')}</Link>} />;
}
