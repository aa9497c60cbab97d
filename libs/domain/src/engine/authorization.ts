import type { ActorRole } from '../actor';
import { DomainError } from '../domain-error';
import type { ActiveStep } from './case-state.types';
import type { Reduction } from './reduction';

/*
 * Coarse rules the reducer can check on its own: role, department (when the actor carries one) and claims.
 * Identity and membership of a department are the API's job; these checks make the workflow's Update
 * validator refuse what no deployment should allow.
 */

export function assertRole(r: Reduction, roles: readonly ActorRole[], what: string): void {
  if (!roles.includes(r.actor.role)) {
    throw new DomainError('NOT_ALLOWED', `${what} is for ${roles.join(' or ')}, not ${r.actor.role}`, {
      role: r.actor.role,
    });
  }
}

export function assertApplicant(r: Reduction, what: string): void {
  assertRole(r, ['applicant'], what);
}

function assertDepartment(r: Reduction, active: ActiveStep): void {
  const department = r.actor.department;
  if (department !== undefined && department !== active.owner.department) {
    throw new DomainError(
      'NOT_ALLOWED',
      `step '${active.stepId}' belongs to department '${active.owner.department}', not '${department}'`,
    );
  }
}

/** May the actor decide (or request information on, or claim) this step? */
export function assertCanWork(r: Reduction, active: ActiveStep): void {
  const { role, id } = r.actor;
  const owner = active.owner;
  if (owner.role === 'applicant') {
    if (role !== 'applicant')
      throw new DomainError('NOT_ALLOWED', `step '${active.stepId}' is the applicant's to complete`);
    return;
  }
  if (role === 'supervisor') {
    assertDepartment(r, active);
    return;
  }
  if (role !== owner.role) {
    throw new DomainError(
      'NOT_ALLOWED',
      `step '${active.stepId}' is decided by a ${owner.role} of '${owner.department}', not a ${role}`,
    );
  }
  assertDepartment(r, active);
  if (active.assignee !== undefined && active.assignee !== id) {
    throw new DomainError('NOT_ALLOWED', `step '${active.stepId}' is claimed by '${active.assignee}'`, {
      assignee: active.assignee,
    });
  }
}
