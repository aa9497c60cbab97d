import { api, unwrap } from '../api/client';
import { tabSessionStore, type AuthProvider, type Session } from './auth-provider';

/** What `GET /auth/config` tells the web app about signing in (public: no secret in it). */
export interface AuthConfig {
  mode: string;
  devLogin: boolean;
  oidc?: { issuer: string; clientId: string; scopes: string; audience?: string } | null;
}

export async function loadAuthConfig(): Promise<AuthConfig> {
  const res = await fetch(new URL('/auth/config', window.location.origin));
  if (!res.ok) throw new Error(`GET /auth/config: ${res.status}`);
  return (await res.json()) as AuthConfig;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint?: string;
}

interface TokenAnswer {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
  error?: string;
}

/** The provider's tokens for this tab, beside the session the app reads. */
interface KeptTokens {
  tokenEndpoint: string;
  revocationEndpoint?: string;
  clientId: string;
  audience?: string;
  refreshToken?: string;
  /** Epoch ms when the access token runs out. */
  expiresAt: number;
  /** Epoch ms when it was issued (to refresh before it runs out, whatever its lifetime). */
  issuedAt: number;
}

/** A sign-in started here and not yet come back: PKCE verifier, state and nonce. */
interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  returnTo: string;
  config: NonNullable<AuthConfig['oidc']>;
  tokenEndpoint: string;
  revocationEndpoint?: string;
}

const TOKENS_KEY = 'onewindow.oidc.tokens';
const PENDING_KEY = 'onewindow.oidc.pending';
/** The client route the provider sends the browser back to (not under `/auth`: the API owns that). */
export const CALLBACK_PATH = '/sign-in/callback';

function randomString(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function readJson<T>(key: string): T | null {
  const raw = window.sessionStorage.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/** Thrown when the provider's answer cannot become a session (shown on the sign-in page). */
export class OidcSignInError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'OidcSignInError';
  }
}

/**
 * Signs in through the API's OpenID Connect provider: authorization code + PKCE (S256), public client.
 * Tokens stay in this tab's session storage; the access token is refreshed before it runs out, and a
 * failed refresh ends the session (the app goes back to sign-in).
 */
export class OidcAuthProvider implements AuthProvider {
  readonly kind = 'openid-connect' as const;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(session: Session | null) => void>();

  /** Whether this tab signed in (or is signing in) through the provider. */
  inUse(): boolean {
    return window.sessionStorage.getItem(TOKENS_KEY) !== null || window.sessionStorage.getItem(PENDING_KEY) !== null;
  }

  restore(): Session | null {
    const session = tabSessionStore.read();
    const tokens = readJson<KeptTokens>(TOKENS_KEY);
    if (!session || !tokens) return session;
    if (tokens.expiresAt <= Date.now() && !tokens.refreshToken) {
      this.clear();
      return null;
    }
    this.schedule(tokens);
    return session;
  }

  keep(session: Session): void {
    tabSessionStore.write(session);
  }

  signOut(): void {
    const tokens = readJson<KeptTokens>(TOKENS_KEY);
    if (tokens?.refreshToken && tokens.revocationEndpoint) {
      // Ends the sign-in at the provider too; the tab forgets it whatever the answer.
      void fetch(tokens.revocationEndpoint, {
        method: 'POST',
        body: new URLSearchParams({ token: tokens.refreshToken, client_id: tokens.clientId }),
      }).catch(() => undefined);
    }
    this.clear();
  }

  /** Tells the app of a refreshed session, or of its end (null). */
  subscribe(listener: (session: Session | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends the browser to the provider's sign-in page. */
  async begin(config: NonNullable<AuthConfig['oidc']>, returnTo = '/'): Promise<void> {
    const discovery = await this.discover(config.issuer);
    const verifier = randomString();
    const pending: Pending = {
      state: randomString(16),
      nonce: randomString(16),
      verifier,
      redirectUri: new URL(CALLBACK_PATH, window.location.origin).toString(),
      returnTo,
      config,
      tokenEndpoint: discovery.token_endpoint,
      revocationEndpoint: discovery.revocation_endpoint,
    };
    window.sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    const url = new URL(discovery.authorization_endpoint);
    const params: Record<string, string> = {
      client_id: config.clientId,
      response_type: 'code',
      redirect_uri: pending.redirectUri,
      scope: config.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await s256(verifier),
      code_challenge_method: 'S256',
      // A refresh token (offline_access) is only issued once the person has consented to it.
      ...(config.scopes.split(' ').includes('offline_access') ? { prompt: 'consent' } : {}),
      ...(config.audience ? { resource: config.audience } : {}),
    };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    window.location.assign(url.toString());
  }

  /** Completes a sign-in the provider sent back here: checks state, exchanges the code, returns the session. */
  async complete(search: string): Promise<{ session: Session; returnTo: string }> {
    const pending = readJson<Pending>(PENDING_KEY);
    window.sessionStorage.removeItem(PENDING_KEY);
    const params = new URLSearchParams(search);
    if (!pending) throw new OidcSignInError('noPending');
    if (params.get('state') !== pending.state) throw new OidcSignInError('stateMismatch');
    const error = params.get('error');
    if (error) throw new OidcSignInError(error === 'access_denied' ? 'denied' : 'providerError');
    const code = params.get('code');
    if (!code) throw new OidcSignInError('providerError');
    const answer = await this.token(pending.tokenEndpoint, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: pending.redirectUri,
      client_id: pending.config.clientId,
      code_verifier: pending.verifier,
      ...(pending.config.audience ? { resource: pending.config.audience } : {}),
    });
    const tokens = this.keepTokens(answer, {
      tokenEndpoint: pending.tokenEndpoint,
      revocationEndpoint: pending.revocationEndpoint,
      clientId: pending.config.clientId,
      audience: pending.config.audience,
    });
    const user = await unwrap(api.GET('/auth/me', { headers: { authorization: `Bearer ${answer.access_token}` } }));
    const session: Session = { accessToken: answer.access_token, user };
    this.schedule(tokens);
    return { session, returnTo: pending.returnTo };
  }

  private async discover(issuer: string): Promise<Discovery> {
    const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
    if (!res.ok) throw new OidcSignInError('providerUnreachable');
    return (await res.json()) as Discovery;
  }

  private async token(endpoint: string, form: Record<string, string>): Promise<TokenAnswer> {
    let res: Response;
    try {
      res = await fetch(endpoint, { method: 'POST', body: new URLSearchParams(form) });
    } catch {
      throw new OidcSignInError('providerUnreachable');
    }
    const body = (await res.json().catch(() => ({}))) as TokenAnswer;
    if (!res.ok || !body.access_token) throw new OidcSignInError(body.error ?? 'providerError');
    return body;
  }

  private keepTokens(
    answer: TokenAnswer,
    where: Pick<KeptTokens, 'tokenEndpoint' | 'revocationEndpoint' | 'clientId' | 'audience'>,
  ): KeptTokens {
    const now = Date.now();
    const previous = readJson<KeptTokens>(TOKENS_KEY);
    const tokens: KeptTokens = {
      ...where,
      refreshToken: answer.refresh_token ?? previous?.refreshToken,
      issuedAt: now,
      expiresAt: now + (answer.expires_in ?? 300) * 1000,
    };
    window.sessionStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
    return tokens;
  }

  /** Refreshes when three quarters of the access token's life are gone (at most a minute before it ends). */
  private schedule(tokens: KeptTokens): void {
    clearTimeout(this.timer);
    if (!tokens.refreshToken) return;
    const lifetime = tokens.expiresAt - tokens.issuedAt;
    const at = tokens.expiresAt - Math.min(60_000, lifetime / 4);
    this.timer = setTimeout(() => void this.refresh(), Math.max(0, at - Date.now()));
  }

  private async refresh(): Promise<void> {
    const tokens = readJson<KeptTokens>(TOKENS_KEY);
    const session = tabSessionStore.read();
    if (!tokens?.refreshToken || !session) return;
    try {
      const answer = await this.token(tokens.tokenEndpoint, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
        client_id: tokens.clientId,
        ...(tokens.audience ? { resource: tokens.audience } : {}),
      });
      const next = { ...session, accessToken: answer.access_token };
      tabSessionStore.write(next);
      this.schedule(this.keepTokens(answer, tokens));
      for (const listener of this.listeners) listener(next);
    } catch {
      // The provider ended the sign-in (revoked, expired) or cannot be reached: the session is over.
      this.clear();
      for (const listener of this.listeners) listener(null);
    }
  }

  private clear(): void {
    clearTimeout(this.timer);
    window.sessionStorage.removeItem(TOKENS_KEY);
    window.sessionStorage.removeItem(PENDING_KEY);
    tabSessionStore.write(null);
  }
}

export const oidcAuth = new OidcAuthProvider();
