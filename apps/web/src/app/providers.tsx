import { QueryClientProvider } from '@tanstack/react-query';
import ConfigProvider from 'antd/es/config-provider';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '@/lib/api/query-client';
import { AuthProviderBoundary } from '@/lib/auth/auth-context';
import { tabAuthProvider } from '@/lib/auth/tab-auth-provider';
import { antdLocaleOf } from '@/lib/i18n';

export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  // A tab that signed in (or is signing in) through the OpenID provider keeps using it.
  const [auth] = useState(tabAuthProvider);
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
