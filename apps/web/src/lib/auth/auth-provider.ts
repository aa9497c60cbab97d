import type { Actor } from '../api/client';

/** A signed-in user and the bearer token the API accepts for them. */
export interface Session {
  accessToken: string;
  user: Actor;
}

/**
 * Where sessions come from. The development provider signs in as a seeded user; an OpenID Connect
 * provider (authorization code + PKCE) implements the same interface, so no page changes with it.
 */
export interface AuthProvider {
  readonly kind: 'development' | 'openid-connect';
  /** The session kept for this browser tab, if any. */
  restore(): Session | null;
  /** Keeps a session for this tab (session storage: gone when the tab closes). */
  keep(session: Session): void;
  signOut(): void;
  /** Tells the app of a session renewed in the background, or ended (null); returns the unsubscribe. */
  subscribe?(listener: (session: Session | null) => void): () => void;
}

const STORAGE_KEY = 'onewindow.session';

export const tabSessionStore = {
  read(): Session | null {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as Session;
    } catch {
      return null;
    }
  },
  write(session: Session | null): void {
    if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  },
};
