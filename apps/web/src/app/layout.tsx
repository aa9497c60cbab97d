import Button from 'antd/es/button';
import Space from 'antd/es/space';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { Typography } from '@/components/typography';
import { LanguageSwitch } from '@/components/language-switch';
import { NotificationBell } from '@/components/notification-bell';
import { PageLoading } from '@/components/page-state';
import { useAuth, useSession } from '@/lib/auth/auth-context';
import { navigationFor, requestPathFor } from './navigation';
import './layout.css';

export function AppLayout() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  return (
    <div className="ow-layout">
      <a className="ow-skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="ow-header">
        <Typography.Text strong className="ow-brand">
          {t('app.name')}
        </Typography.Text>
        <nav aria-label={t('layout.mainNavigation')} className="ow-nav">
          {navigationFor(user.role).map((item) => (
            <NavLink key={item.path} to={item.path} end>
              {t(item.label)}
            </NavLink>
          ))}
        </nav>
        <Space className="ow-user">
          <NotificationBell requestPath={(id) => requestPathFor(user.role, id)} />
          <LanguageSwitch />
          <span data-testid="signed-in-user">
            {user.name ?? user.id} · {t(`roles.${user.role}`)}
          </span>
          <Button
            onClick={() => {
              signOut();
              void navigate('/sign-in');
            }}
          >
            {t('layout.signOut')}
          </Button>
        </Space>
      </header>
      <main id="main" tabIndex={-1} className="ow-content">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
