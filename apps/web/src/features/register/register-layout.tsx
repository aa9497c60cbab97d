import Space from 'antd/es/space';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { Typography } from '@/components/typography';
import './register.css';

/** The frame of the public pages: no sign-in, the register's own navigation and the language switch. */
export function RegisterLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="ow-register">
      <div className="ow-register-head">
        <nav aria-label={t('register.nav')}>
          <Space wrap>
            <Link to="/register">{t('register.title')}</Link>
            <Link to="/register/performance">{t('register.performance.title')}</Link>
          </Space>
        </nav>
        <LanguageSwitch />
      </div>
      <Typography.Title level={1}>{title}</Typography.Title>
      {children}
    </main>
  );
}

/** Facts as a definition list that stacks on a phone. */
export function Facts({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="ow-register-facts">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
