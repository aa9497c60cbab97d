import { loadConfig } from '@onewindow/config';
import { ClaimMapping } from './claim-mapping';

describe(ClaimMapping.name, () => {
  const sutWith = (env: Record<string, string> = {}) => new ClaimMapping(loadConfig(env));
  const reasonOf = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return (error as { details?: { reason?: string } }).details?.reason;
    }
    return undefined;
  };

  it('reads the role and department from plain claims by default', () => {
    expect(sutWith().toActor({ sub: 'u1', role: 'clerk', department: 'fire', name: 'Ana' })).toEqual({
      id: 'u1',
      role: 'clerk',
      department: 'fire',
      name: 'Ana',
    });
  });

  it('follows dot paths into nested claims and maps provider role names, ignoring the others', () => {
    const sut = sutWith({
      AUTH_ROLE_CLAIM: 'realm_access.roles',
      AUTH_DEPARTMENT_CLAIM: 'org.department',
      AUTH_ROLE_MAP: 'ow-clerk=clerk, ow-admin=administrator',
    });
    const payload = { sub: 'u2', realm_access: { roles: ['offline_access', 'ow-clerk'] }, org: { department: 'grid' } };
    expect(sut.toActor(payload)).toEqual({ id: 'u2', role: 'clerk', department: 'grid' });
  });

  it('prefers a claim whose own name holds dots (namespaced claims)', () => {
    const sut = sutWith({ AUTH_ROLE_CLAIM: 'https://onewindow.example/role' });
    expect(sut.toActor({ sub: 'u3', 'https://onewindow.example/role': 'auditor' }).role).toBe('auditor');
  });

  it('refuses no role, several roles, the system role, a clerk without one department and a missing subject', () => {
    const sut = sutWith({ AUTH_ROLE_CLAIM: 'roles' });
    expect(reasonOf(() => sut.toActor({ sub: 'u', roles: ['reader'] }))).toBe('no-role');
    expect(reasonOf(() => sut.toActor({ sub: 'u', roles: ['system'] }))).toBe('no-role');
    expect(reasonOf(() => sut.toActor({ sub: 'u', roles: ['clerk', 'supervisor'] }))).toBe('ambiguous-role');
    expect(reasonOf(() => sut.toActor({ sub: 'u', roles: 'clerk' }))).toBe('no-department');
    expect(reasonOf(() => sut.toActor({ sub: 'u', roles: 'clerk', department: ['a', 'b'] }))).toBe('no-department');
    expect(reasonOf(() => sut.toActor({ roles: 'auditor' }))).toBe('no-subject');
  });
});
