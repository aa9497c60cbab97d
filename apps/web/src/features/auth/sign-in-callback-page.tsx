import { useQuery } from '@tanstack/react-query';
import Button from 'antd/es/button';
import Result from 'antd/es/result';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Card } from '@/components/card';
import { PageLoading } from '@/components/page-state';
import { useAuth } from '@/lib/auth/auth-context';
import { oidcAuth, OidcSignInError } from '@/lib/auth/oidc-auth-provider';
import { safeReturnPath } from '@/lib/auth/return-path';

/** Where the OpenID provider sends the browser back: exchanges the code for tokens, then goes on. */
export function SignInCallbackPage() {
  const { t } = useTranslation();
  const { signedIn } = useAuth();
  const navigate = useNavigate();
  // Once per page load: the code can be exchanged only once.
  const completed = useQuery({
    queryKey: ['auth', 'callback', window.location.search],
    queryFn: () => oidcAuth.complete(window.location.search),
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
  });
  useEffect(() => {
    if (!completed.data) return;
    signedIn(completed.data.session);
    void navigate(safeReturnPath(completed.data.returnTo), { replace: true });
  }, [completed.data, signedIn, navigate]);

  if (completed.error) {
    const reason = completed.error instanceof OidcSignInError ? completed.error.reason : 'providerError';
    return (
      <main id="main" style={{ maxWidth: 640, margin: '32px auto', padding: 16 }}>
        <Card>
          <Result
            status="error"
            title={t('signIn.failed')}
            subTitle={t(`signIn.errors.${reason}`, { defaultValue: t('signIn.errors.providerError') })}
            extra={
              <Link to="/sign-in" replace>
                <Button type="primary">{t('signIn.backToSignIn')}</Button>
              </Link>
            }
          />
        </Card>
      </main>
    );
  }
  return <PageLoading />;
}
