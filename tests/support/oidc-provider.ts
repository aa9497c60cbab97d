import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, JWK } from 'jose';
import { findFreePort, ManagedChild, startManagedChild, waitUntil } from '@onewindow/devstack';

export const WEB_CLIENT = 'onewindow-web';
/** A client whose access tokens live two seconds: for watching one expire. */
export const SHORT_LIVED_CLIENT = 'onewindow-web-short';
export const REDIRECT_URI = 'http://127.0.0.1:5173/auth/callback';

export interface TokenSet {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  token_type: string;
}

export interface SignInOptions {
  clientId?: string;
  /** The resource indicator (audience) asked for; the provider's default is the API's. */
  resource?: string;
}

/**
 * A real OpenID Connect provider (`oidc-provider`) in a child process on a port of its own, and the
 * browser's side of signing in — authorization code with PKCE, the login and consent pages followed
 * over HTTP as a browser would, cookies kept — plus refresh, revocation and key rotation.
 */
export class TestOidcProvider {
  private child?: ManagedChild;
  private keys: JWK[] = [];
  /** Where the provider may send a browser back to, besides REDIRECT_URI (e.g. the web app's callback). */
  private readonly redirectUris = [REDIRECT_URI];

  private constructor(
    readonly port: number,
    private readonly resources: Record<string, number>,
  ) {}

  get issuer(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  /** `resources`: audience -> access token lifetime (s); the first is the default audience. */
  static async start(resources: Record<string, number>): Promise<TestOidcProvider> {
    const provider = new TestOidcProvider(await findFreePort(), resources);
    provider.keys = [await newSigningKey()];
    await provider.launch();
    return provider;
  }

  /** Publishes a new signing key first (it signs from now on) and keeps the old one published. */
  async rotateKeys(): Promise<void> {
    this.keys = [await newSigningKey(), ...this.keys];
    await this.stop();
    await this.launch();
  }

  /** Lets the clients send browsers back to `uri` too (the provider restarts; keys and clients stay). */
  async allowRedirect(uri: string): Promise<void> {
    this.redirectUris.push(uri);
    await this.stop();
    await this.launch();
  }

  get signingKeyId(): string {
    return this.keys[0].kid!;
  }

  async signIn(login: string, { clientId = WEB_CLIENT, resource }: SignInOptions = {}): Promise<TokenSet> {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const state = randomBytes(8).toString('hex');
    const authorize = new URL('/auth', this.issuer);
    const params: Record<string, string> = {
      client_id: clientId,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile offline_access api',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
      prompt: 'consent',
      ...(resource ? { resource } : {}),
    };
    for (const [key, value] of Object.entries(params)) authorize.searchParams.set(key, value);

    const browser = new CookieBrowser();
    let url = authorize.toString();
    for (let hop = 0; hop < 20; hop += 1) {
      if (url.startsWith(REDIRECT_URI)) {
        const back = new URL(url);
        if (back.searchParams.get('state') !== state) throw new Error(`state mismatch in ${url}`);
        const code = back.searchParams.get('code');
        if (!code) throw new Error(`sign-in failed: ${url}`);
        return this.token({
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT_URI,
          client_id: clientId,
          code_verifier: verifier,
          ...(resource ? { resource } : {}),
        });
      }
      const res = await browser.fetch(url);
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location')!, url).toString();
        continue;
      }
      const page = await res.text();
      if (res.status !== 200) throw new Error(`${res.status} at ${url}: ${page.slice(0, 300)}`);
      // The login page, then the consent page: fill in and submit the one form, as a person would.
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
      if (!action || !prompt) throw new Error(`no sign-in form at ${url}`);
      const form = new URLSearchParams({ prompt, ...(prompt === 'login' ? { login, password: 'any' } : {}) });
      const submitted = await browser.fetch(new URL(action.replace(/&amp;/g, '&'), url).toString(), form);
      if (submitted.status < 300 || submitted.status >= 400) throw new Error(`form at ${url}: ${submitted.status}`);
      url = new URL(submitted.headers.get('location')!, url).toString();
    }
    throw new Error('sign-in did not come back to the redirect URI');
  }

  refresh(refreshToken: string, clientId = WEB_CLIENT): Promise<TokenSet> {
    return this.token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });
  }

  /** The token endpoint's answer, or an error carrying its status and OAuth error code. */
  async token(form: Record<string, string>): Promise<TokenSet> {
    const res = await fetch(new URL('/token', this.issuer), { method: 'POST', body: new URLSearchParams(form) });
    const body = (await res.json()) as TokenSet & { error?: string };
    if (!res.ok)
      throw Object.assign(new Error(`token endpoint: ${res.status} ${body.error}`), { oauthError: body.error });
    return body;
  }

  async revoke(token: string, clientId = WEB_CLIENT): Promise<void> {
    const res = await fetch(new URL('/token/revocation', this.issuer), {
      method: 'POST',
      body: new URLSearchParams({ token, client_id: clientId }),
    });
    if (!res.ok) throw new Error(`revocation: ${res.status} ${await res.text()}`);
  }

  async stop(): Promise<void> {
    await this.child?.stop();
  }

  private async launch(): Promise<void> {
    const client = (client_id: string) => ({
      client_id,
      token_endpoint_auth_method: 'none',
      redirect_uris: [...this.redirectUris],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    });
    const lines: string[] = [];
    const child = startManagedChild({
      name: 'the OpenID provider',
      command: process.execPath,
      args: [join(__dirname, 'oidc', 'provider.mjs')],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        OIDC_PORT: String(this.port),
        OIDC_KEYS: JSON.stringify(this.keys),
        OIDC_CLIENTS: JSON.stringify([client(WEB_CLIENT), client(SHORT_LIVED_CLIENT)]),
        OIDC_SHORT_LIVED_CLIENTS: JSON.stringify([SHORT_LIVED_CLIENT]),
        OIDC_RESOURCES: JSON.stringify(this.resources),
      },
      output: (line) => lines.push(line),
    });
    this.child = child;
    await waitUntil(
      'the OpenID provider to say it is ready',
      () => lines.some((line) => line.includes('"ready":true')),
      {
        timeoutMs: 30_000,
        intervalMs: 50,
        child,
      },
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${lines.join('\n')}`);
    });
  }
}

async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomBytes(6).toString('hex'), alg: 'RS256', use: 'sig' };
}

/** Just enough of a browser: follows nothing by itself, keeps cookies by name. */
class CookieBrowser {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string, form?: URLSearchParams): Promise<Response> {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      ...(form ? { body: form } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return res;
  }
}
