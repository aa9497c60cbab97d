import type { ActorRole } from '../actor';
import { Refusal } from '../domain-error';
import type { ActiveStep } from './case-state.types';
import type { CaseView } from './reduction';

/*
 * Coarse rules the reducer can check on its own: role, department (when the actor carries one) and claims.
 * Identity and membership of a department are the API's job; these checks make the workflow's Update
 * validator refuse what no deployment should allow.
 */

export function roleRefusal(v: CaseView, roles: readonly ActorRole[], what: string): Refusal | undefined {
  if (roles.includes(v.actor.role)) return undefined;
  return new Refusal('NOT_ALLOWED', `${what} is for ${roles.join(' or ')}, not ${v.actor.role}`, {
    role: v.actor.role,
  });
}

export function applicantRefusal(v: CaseView, what: string): Refusal | undefined {
  return roleRefusal(v, ['applicant'], what);
}

function departmentRefusal(v: CaseView, active: ActiveStep): Refusal | undefined {
  const department = v.actor.department;
  if (department === undefined || department === active.owner.department) return undefined;
  return new Refusal(
    'NOT_ALLOWED',
    `step '${active.stepId}' belongs to department '${active.owner.department}', not '${department}'`,
  );
}

/** May the actor decide (or request information on, or claim) this step? */
export function workRefusal(v: CaseView, active: ActiveStep): Refusal | undefined {
  const { role, id } = v.actor;
  const owner = active.owner;
  if (owner.role === 'applicant') {
    if (role !== 'applicant')
      return new Refusal('NOT_ALLOWED', `step '${active.stepId}' is the applicant's to complete`);
    return undefined;
  }
  if (role === 'supervisor') return departmentRefusal(v, active);
  if (role !== owner.role) {
    return new Refusal(
      'NOT_ALLOWED',
      `step '${active.stepId}' is decided by a ${owner.role} of '${owner.department}', not a ${role}`,
    );
  }
  const department = departmentRefusal(v, active);
  if (department) return department;
  if (active.assignee !== undefined && active.assignee !== id) {
    return new Refusal('NOT_ALLOWED', `step '${active.stepId}' is claimed by '${active.assignee}'`, {
      assignee: active.assignee,
    });
  }
  return undefined;
}
