import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setTokenSource } from '../api/client';
import type { AuthProvider, Session } from './auth-provider';

interface AuthState {
  provider: AuthProvider;
  session: Session | null;
  signedIn(session: Session): void;
  signOut(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProviderBoundary({ provider, children }: { provider: AuthProvider; children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => provider.restore());
  setTokenSource(() => session?.accessToken ?? null);
  const signedIn = useCallback(
    (next: Session) => {
      provider.keep(next);
      setTokenSource(() => next.accessToken);
      setSession(next);
    },
    [provider],
  );
  const signOut = useCallback(() => {
    provider.signOut();
    setTokenSource(() => null);
    setSession(null);
  }, [provider]);
  useEffect(
    () =>
      provider.subscribe?.((next) => {
        setTokenSource(() => next?.accessToken ?? null);
        setSession(next);
      }),
    [provider],
  );
  const value = useMemo(() => ({ provider, session, signedIn, signOut }), [provider, session, signedIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProviderBoundary');
  return state;
}

/** The signed-in user's session; pages under the signed-in layout always have one. */
export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('useSession without a session');
  return session;
}
