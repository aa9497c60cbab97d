import type { Actor } from '@onewindow/domain';

/** Seeded users for development and the demo; an external OIDC provider replaces them in production. */
export const DEMO_USERS: readonly Actor[] = [
  { id: 'acme-battery', role: 'applicant', name: 'Acme Battery Manufacturing Ltd.' },
  { id: 'volta-grid', role: 'applicant', name: 'Volta Cells GmbH' },
  { id: 'clerk-planning', role: 'clerk', department: 'planning', name: 'Priya Shah (Planning)' },
  { id: 'clerk-building', role: 'clerk', department: 'building', name: 'Tom Becker (Building control)' },
  { id: 'clerk-building-2', role: 'clerk', department: 'building', name: 'Nora Hall (Building control)' },
  { id: 'clerk-fire', role: 'clerk', department: 'fire', name: 'Ana Costa (Fire safety)' },
  { id: 'clerk-environment', role: 'clerk', department: 'environment', name: 'Li Wei (Environment)' },
  { id: 'clerk-grid', role: 'clerk', department: 'grid-utility', name: 'Sam Okafor (Grid utility)' },
  { id: 'clerk-dispatch', role: 'clerk', department: 'grid-dispatch', name: 'Kim Jun (Grid dispatch)' },
  { id: 'clerk-transport', role: 'clerk', department: 'transport', name: 'Eva Novak (Transport)' },
  {
    id: 'clerk-inspectorate',
    role: 'clerk',
    department: 'planning-inspectorate',
    name: 'Ruth Hale (Planning Inspectorate)',
  },
  { id: 'clerk-appeals', role: 'clerk', department: 'appeals-board', name: 'Ivo Petrov (Board of appeals)' },
  { id: 'clerk-finance', role: 'clerk', department: 'finance', name: 'Olu Adeyemi (Cashier)' },
  { id: 'supervisor', role: 'supervisor', name: 'Maria Lopez (Supervisor)' },
  { id: 'auditor', role: 'auditor', name: 'Jon Berg (Audit office)' },
  { id: 'admin', role: 'administrator', name: 'Ada Admin' },
];

export function findDemoUser(id: string): Actor | undefined {
  return DEMO_USERS.find((user) => user.id === id);
}
