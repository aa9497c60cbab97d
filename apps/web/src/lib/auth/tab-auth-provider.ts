import type { AuthProvider } from './auth-provider';
import { developmentAuth } from './development-auth-provider';
import { oidcAuth } from './oidc-auth-provider';

/** The provider this tab signs in with: a tab that signed in (or is signing in) through OpenID Connect keeps it. */
export function tabAuthProvider(): AuthProvider {
  return oidcAuth.inUse() ? oidcAuth : developmentAuth;
}
