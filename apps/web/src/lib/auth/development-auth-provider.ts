import { api, unwrap, type Actor } from '../api/client';
import { tabSessionStore, type AuthProvider, type Session } from './auth-provider';

/** Signs in as one of the API's seeded demo users (only while the API's development login is on). */
export class DevelopmentAuthProvider implements AuthProvider {
  readonly kind = 'development' as const;

  restore(): Session | null {
    return tabSessionStore.read();
  }

  keep(session: Session): void {
    tabSessionStore.write(session);
  }

  signOut(): void {
    tabSessionStore.write(null);
  }

  users(): Promise<Actor[]> {
    return unwrap(api.GET('/auth/demo-users'));
  }

  async signIn(username: string): Promise<Session> {
    const { accessToken, user } = await unwrap(api.POST('/auth/login', { body: { username } }));
    return { accessToken, user };
  }
}

export const developmentAuth = new DevelopmentAuthProvider();
