import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { documentSigningEnv } from '../support/document-signing';
import { SHORT_LIVED_CLIENT, TestOidcProvider } from '../support/oidc-provider';
import { missingTranslations } from './support/browser';
import { startWebSession, WebSession } from './support/web-session';

jest.setTimeout(180_000);

const AUDIENCE = 'urn:onewindow:api';
/** What a page's own code sees; the test runs in Node, the callbacks below in the page. */
type TabGlobals = { sessionStorage: { getItem(key: string): string | null } };
const secret = () => randomBytes(32).toString('hex');

/**
 * The web app in front of the API in production mode, behind a real OpenID provider: a person signs in
 * on the provider's own login and consent pages (authorization code + PKCE, from the browser) and lands
 * signed in with the role the token's claims give them. The web client's access tokens live two seconds,
 * so the app has to keep renewing them; once it cannot, the person is back at sign-in.
 */
describe('The web app signs in through an OpenID Connect provider', () => {
  let idp: TestOidcProvider;
  let web: WebSession;
  let base: string;

  beforeAll(async () => {
    idp = await TestOidcProvider.start({ [AUDIENCE]: 300 });
    web = await startWebSession({
      ONEWINDOW_MODE: 'production',
      ...documentSigningEnv(),
      AUTH_DEV_LOGIN: 'false',
      AUTH_DEV_SECRET: secret(),
      AUDIT_SIGNING_KEY: secret(),
      METRICS_TOKEN: secret(),
      AUTH_JWKS_URL: idp.jwksUrl,
      AUTH_ISSUER: idp.issuer,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_CLIENT_ID: SHORT_LIVED_CLIENT,
      AUTH_ROLE_CLAIM: 'realm_access.roles',
      AUTH_ROLE_MAP: 'ow-applicant=applicant, ow-clerk=clerk, ow-supervisor=supervisor, ow-auditor=auditor',
    });
    ({ base } = web);
    await idp.allowRedirect(`${base}/sign-in/callback`);
  });

  afterAll(async () => {
    await web?.close();
    await idp?.stop();
  });

  /** From the app's sign-in page through the provider's login and consent pages, back into the app. */
  async function signInThroughProvider(login: string, path = '/queue'): Promise<Page> {
    const page = await web.newPage();
    await page.goto(`${base}${path}`);
    await page.waitForURL(`${base}/sign-in`);
    // Production mode: no seeded users to pick, only the provider.
    expect(await page.getByTestId(/^sign-in-(?!provider)/).count()).toBe(0);
    expect(await missingTranslations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign in with your organisation account' }).click();

    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    // The consent page: the app asks for a refresh token (offline access).
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === base && !url.pathname.startsWith('/sign-in'));
    return page;
  }

  const accessToken = (page: Page) =>
    page.evaluate(
      () =>
        (
          JSON.parse((globalThis as unknown as TabGlobals).sessionStorage.getItem('onewindow.session') ?? 'null') as {
            accessToken: string;
          } | null
        )?.accessToken ?? null,
    );

  it('lands a clerk on their work queue, signed in with the role from the token, and keeps them signed in', async () => {
    const page = await signInThroughProvider('ana.costa');
    await page.waitForURL(`${base}/queue`);
    await expect(page.getByTestId('signed-in-user').innerText()).resolves.toBe('Ana Costa · Clerk');

    // The two-second access token is renewed in the background: a new token, still signed in.
    const first = await accessToken(page);
    await page.waitForFunction(
      (previous) => {
        const raw = (globalThis as unknown as TabGlobals).sessionStorage.getItem('onewindow.session');
        return raw !== null && (JSON.parse(raw) as { accessToken: string }).accessToken !== previous;
      },
      first,
      { timeout: 60_000 },
    );
    await page.reload();
    await expect(page.getByTestId('signed-in-user').innerText()).resolves.toBe('Ana Costa · Clerk');
    expect(page.url()).toBe(`${base}/queue`);
  });

  it('brings a person who followed a link while signed out back to that page after the provider', async () => {
    const page = await signInThroughProvider('ana.costa', '/portfolio?from=email');
    await page.waitForURL(`${base}/portfolio?from=email`);
    await expect(page.getByTestId('signed-in-user').innerText()).resolves.toBe('Ana Costa · Clerk');
  });

  it('sends a person whose sign-in ended at the provider back to sign-in once their token runs out', async () => {
    const page = await signInThroughProvider('max.weber');
    await expect(page.getByTestId('signed-in-user').innerText()).resolves.toBe('Max Weber · Supervisor');
    const refreshToken = await page.evaluate(
      () =>
        (
          JSON.parse((globalThis as unknown as TabGlobals).sessionStorage.getItem('onewindow.oidc.tokens') ?? '{}') as {
            refreshToken?: string;
          }
        ).refreshToken,
    );
    expect(refreshToken).toBeTruthy();
    await idp.revoke(refreshToken!, SHORT_LIVED_CLIENT);
    await page.waitForURL(`${base}/sign-in`, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Sign in with your organisation account' }).waitFor();
    expect(await page.getByTestId('signed-in-user').count()).toBe(0);
  });
});
