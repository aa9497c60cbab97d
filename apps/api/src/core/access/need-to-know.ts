import type { Actor } from '@onewindow/domain';

/** What the need-to-know rule reads of a case: who applied, and which departments have or had a step on it. */
export interface CaseParties {
  applicantId: string;
  coApplicants?: string[];
  departments?: string[];
}

/**
 * The one need-to-know rule for a case — its summary, detail, timeline, event stream, documents and
 * deliveries: `read`; `hidden` for an applicant's look at another's case (a 404, as if it did not
 * exist); `not-involved` for a clerk whose department has never had a step on it, and for anyone
 * else (a 403). Supervisors, auditors and administrators (for a migration) reach every case.
 */
export function caseAccess(actor: Actor, parties: CaseParties): 'read' | 'hidden' | 'not-involved' {
  switch (actor.role) {
    case 'applicant':
      return parties.applicantId === actor.id || (parties.coApplicants ?? []).includes(actor.id) ? 'read' : 'hidden';
    case 'clerk':
      return actor.department !== undefined && (parties.departments ?? []).includes(actor.department)
        ? 'read'
        : 'not-involved';
    // An administrator moves running cases to a new version of their definition (a law change); the routes
    // open to administrators are role-gated and none of them reads a case's detail.
    case 'administrator':
    case 'supervisor':
    case 'auditor':
      return 'read';
    case 'system':
      return 'not-involved';
  }
}

/**
 * The same rule as a filter for lists: the cases an actor may read are those of this applicant
 * (own or co-applied), or those this department has or had a step on; neither set: every case.
 */
export interface CaseScope {
  party?: string;
  department?: string;
}

export function caseScope(actor: Actor): CaseScope {
  switch (actor.role) {
    case 'applicant':
      return { party: actor.id };
    case 'clerk':
      // A clerk token always carries its department (refused before any route otherwise).
      return { department: actor.department ?? '' };
    case 'supervisor':
    case 'auditor':
      return {};
    case 'administrator':
    case 'system':
      return { department: '' };
  }
}
