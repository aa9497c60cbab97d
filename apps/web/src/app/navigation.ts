/** Where each role starts, and the pages its menu offers (labels are i18n keys). */
export interface NavItem {
  path: string;
  label: string;
}

const NAV: Record<string, NavItem[]> = {
  applicant: [
    { path: '/my-requests', label: 'nav.myRequests' },
    { path: '/my-requests/new', label: 'nav.newRequest' },
    { path: '/portfolio', label: 'projects.nav' },
  ],
  clerk: [
    { path: '/queue', label: 'nav.workQueue' },
    { path: '/portfolio', label: 'projects.nav' },
  ],
  supervisor: [
    { path: '/queue', label: 'nav.workQueue' },
    { path: '/oversight', label: 'staffNav.oversight' },
    { path: '/portfolio', label: 'projects.nav' },
  ],
  auditor: [
    { path: '/auditing', label: 'staffNav.auditing' },
    { path: '/queue', label: 'nav.workQueue' },
    { path: '/portfolio', label: 'projects.nav' },
  ],
  administrator: [{ path: '/processes', label: 'staffNav.processes' }],
};

export function navigationFor(role: string): NavItem[] {
  return NAV[role] ?? [];
}

export function homeFor(role: string): string {
  return navigationFor(role)[0]?.path ?? '/my-requests';
}

/** Where a notification about a request takes its reader: the applicant's request page, the auditor's case, else the queue. */
export function requestPathFor(role: string, requestId: string): string {
  if (role === 'applicant') return `/my-requests/${requestId}`;
  if (role === 'auditor') return `/auditing/${requestId}`;
  return '/queue';
}
