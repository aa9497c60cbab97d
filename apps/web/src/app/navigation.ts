/** Where each role starts, and the pages its menu offers (labels are i18n keys). */
export interface NavItem {
  path: string;
  label: string;
}

const NAV: Record<string, NavItem[]> = {
  applicant: [
    { path: '/my-requests', label: 'nav.myRequests' },
    { path: '/my-requests/new', label: 'nav.newRequest' },
  ],
  clerk: [{ path: '/queue', label: 'nav.workQueue' }],
  supervisor: [
    { path: '/queue', label: 'nav.workQueue' },
    { path: '/oversight', label: 'staffNav.oversight' },
  ],
  auditor: [
    { path: '/auditing', label: 'staffNav.auditing' },
    { path: '/queue', label: 'nav.workQueue' },
  ],
  administrator: [{ path: '/processes', label: 'staffNav.processes' }],
};

export function navigationFor(role: string): NavItem[] {
  return NAV[role] ?? [];
}

export function homeFor(role: string): string {
  return navigationFor(role)[0]?.path ?? '/my-requests';
}
