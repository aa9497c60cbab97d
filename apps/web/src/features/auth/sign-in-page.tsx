import { useMutation, useQuery } from '@tanstack/react-query';
import Button from 'antd/es/button';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Card } from '@/components/card';
import { Table } from '@/components/table';
import { Typography } from '@/components/typography';
import { EmptyState, ErrorAlert, PageLoading } from '@/components/page-state';
import type { Actor } from '@/lib/api/client';
import { useAuth } from '@/lib/auth/auth-context';
import { developmentAuth } from '@/lib/auth/development-auth-provider';
import { safeReturnPath } from '@/lib/auth/return-path';
import { loadAuthConfig, oidcAuth, type AuthConfig } from '@/lib/auth/oidc-auth-provider';
import { LanguageSwitch } from '@/components/language-switch';

/**
 * Signing in: through the API's OpenID Connect provider when it has one, and (with the API's
 * development login on) as one of the seeded users.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const config = useQuery({ queryKey: ['auth', 'config'], queryFn: loadAuthConfig, staleTime: Infinity });
  return (
    <main id="main" style={{ maxWidth: 960, margin: '32px auto', padding: 16 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1}>{t('app.name')}</Typography.Title>
        <LanguageSwitch />
      </Space>
      {config.isPending ? (
        <PageLoading />
      ) : config.error ? (
        <ErrorAlert error={config.error} onRetry={() => void config.refetch()} />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {config.data.oidc && <ProviderSignIn oidc={config.data.oidc} />}
          {(config.data.devLogin || !config.data.oidc) && <DevelopmentSignIn />}
        </Space>
      )}
    </main>
  );
}

function ProviderSignIn({ oidc }: { oidc: NonNullable<AuthConfig['oidc']> }) {
  const { t } = useTranslation();
  const location = useLocation();
  const from = safeReturnPath((location.state as { from?: string } | null)?.from);
  const begin = useMutation({ mutationFn: () => oidcAuth.begin(oidc, from) });
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('signIn.title')}</h2>}>
      <Typography.Paragraph>{t('signIn.providerIntro')}</Typography.Paragraph>
      {begin.error && <ErrorAlert error={begin.error} />}
      <Button
        type="primary"
        size="large"
        data-testid="sign-in-provider"
        loading={begin.isPending}
        onClick={() => begin.mutate()}
      >
        {t('signIn.withProvider')}
      </Button>
    </Card>
  );
}

/** With the API's development login on: pick a seeded user to act as. */
function DevelopmentSignIn() {
  const { t } = useTranslation();
  const { signedIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = safeReturnPath((location.state as { from?: string } | null)?.from);
  const users = useQuery({ queryKey: ['auth', 'demo-users'], queryFn: () => developmentAuth.users() });
  const signIn = useMutation({
    mutationFn: (username: string) => developmentAuth.signIn(username),
    onSuccess: (session) => {
      signedIn(session);
      void navigate(from, { replace: true });
    },
  });

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('signIn.developmentTitle')}</h2>}>
      <Typography.Paragraph>{t('signIn.intro')}</Typography.Paragraph>
      {signIn.error && <ErrorAlert error={signIn.error} />}
      {users.isPending ? (
        <PageLoading />
      ) : users.error ? (
        <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <EmptyState message={t('signIn.noDevelopmentLogin')} />
      ) : (
        <Table<Actor>
          rowKey="id"
          pagination={false}
          dataSource={users.data}
          columns={[
            { title: t('signIn.user'), dataIndex: 'name', render: (_, u) => u.name ?? u.id },
            { title: t('signIn.role'), dataIndex: 'role', render: (role: string) => <Tag>{t(`roles.${role}`)}</Tag> },
            {
              title: t('signIn.department'),
              dataIndex: 'department',
              render: (d?: string) => (d ? t(`departments.${d}`, { defaultValue: d }) : '—'),
            },
            {
              title: t('signIn.action'),
              key: 'action',
              render: (_, u) => (
                <Button
                  type="primary"
                  data-testid={`sign-in-${u.id}`}
                  loading={signIn.isPending && signIn.variables === u.id}
                  onClick={() => signIn.mutate(u.id)}
                  aria-label={t('signIn.signInAs', { name: u.name ?? u.id })}
                >
                  {t('signIn.signIn')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
