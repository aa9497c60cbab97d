import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import ConfigProvider from 'antd/es/config-provider';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/client';
import { AuthProviderBoundary } from '@/lib/auth/auth-context';
import { developmentAuth } from '@/lib/auth/development-auth-provider';
import { oidcAuth } from '@/lib/auth/oidc-auth-provider';
import { antdLocaleOf } from '@/lib/i18n';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // A 4xx will answer the same again; only network trouble and 5xx are worth retrying.
        retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const { i18n } = useTranslation();
  // A tab that signed in (or is signing in) through the OpenID provider keeps using it.
  const [auth] = useState(() => (oidcAuth.inUse() ? oidcAuth : developmentAuth));
  return (
    <ConfigProvider
      locale={antdLocaleOf(i18n.language)}
      // No space between two Chinese characters: a button's text stays the words of its accessible name.
      button={{ autoInsertSpace: false }}
      theme={{
        token: {
          colorPrimary: '#1d4ed8',
          // A primary button under the pointer keeps AA contrast with its white text (the derived hover blue has 4.3:1).
          colorPrimaryHover: '#1e40af',
          colorTextDescription: 'rgba(0,0,0,0.65)',
          colorTextTertiary: 'rgba(0,0,0,0.6)',
        },
      }}
    >
      <QueryClientProvider client={queryClient}>
        <AuthProviderBoundary provider={auth}>{children}</AuthProviderBoundary>
      </QueryClientProvider>
    </ConfigProvider>
  );
}
