export type ActorRole = 'applicant' | 'clerk' | 'supervisor' | 'auditor' | 'administrator' | 'system';

export const ACTOR_ROLES: readonly ActorRole[] = [
  'applicant',
  'clerk',
  'supervisor',
  'auditor',
  'administrator',
  'system',
];

export interface Actor {
  id: string;
  role: ActorRole;
  department?: string;
  name?: string;
}

/** The actor recorded on transitions caused by timers. */
export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };
