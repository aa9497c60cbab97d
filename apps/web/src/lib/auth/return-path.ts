/**
 * Where to go after signing in: a path of this app, never another site. Only a same-origin relative path
 * passes (`/my-requests/…?tab=…`); `//host`, `/\host`, absolute URLs and the sign-in pages themselves fall back
 * to the home page.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  const url = new URL(value, window.location.origin);
  if (url.origin !== window.location.origin || url.pathname.startsWith('/sign-in')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
