import type { Actor } from '@onewindow/domain';
import { caseAccess, caseScope } from './need-to-know';

const acme: Actor = { id: 'acme-battery', role: 'applicant' };
const volta: Actor = { id: 'volta-grid', role: 'applicant' };
const fire: Actor = { id: 'clerk-fire', role: 'clerk', department: 'fire' };
const transport: Actor = { id: 'clerk-transport', role: 'clerk', department: 'transport' };
const supervisor: Actor = { id: 'supervisor', role: 'supervisor' };
const auditor: Actor = { id: 'auditor', role: 'auditor' };
const admin: Actor = { id: 'admin', role: 'administrator' };

describe(caseAccess.name, () => {
  const permit = { applicantId: 'acme-battery', coApplicants: [], departments: ['building', 'fire'] };

  it('lets the applicant and co-applicants read their case, and hides it from other applicants', () => {
    expect(caseAccess(acme, permit)).toBe('read');
    expect(caseAccess(volta, permit)).toBe('hidden');
    expect(caseAccess(volta, { ...permit, coApplicants: ['volta-grid'] })).toBe('read');
  });

  it('lets a clerk read only a case their department has or had a step on', () => {
    expect(caseAccess(fire, permit)).toBe('read');
    expect(caseAccess(transport, permit)).toBe('not-involved');
    expect(caseAccess({ ...fire, department: undefined }, permit)).toBe('not-involved');
  });

  it('lets supervisors and auditors read every case, and administrators reach any case to migrate it', () => {
    expect(caseAccess(supervisor, permit)).toBe('read');
    expect(caseAccess(auditor, permit)).toBe('read');
    expect(caseAccess(admin, permit)).toBe('read');
  });

  it('gives lists the same rule', () => {
    expect(caseScope(acme)).toEqual({ party: 'acme-battery' });
    expect(caseScope(fire)).toEqual({ department: 'fire' });
    expect(caseScope(supervisor)).toEqual({});
    expect(caseScope(auditor)).toEqual({});
  });
});
