import { ApiDriver, IssuedDocument, startWithPermit } from '../support/api-driver';
import type { TestApi } from '../support/test-api';

interface Verification {
  number: string;
  status: string;
  statusReason: string | null;
  statusAt: string | null;
  supersededBy: string | null;
}

const SPRINKLERS = { text: 'Sprinklers in hall A before occupation', reason: 'Battery store fire load' };
const AMENDED = { text: 'Sprinklers in halls A and B before first storage', reason: 'Battery store fire load' };

/** A supervisor suspends, reinstates, varies and revokes an issued permit; /verify says so to anyone. */
describe('the lifecycle of an issued permit', () => {
  let api: TestApi;
  let driver: ApiDriver;
  let id: string;
  let permit: IssuedDocument;

  beforeAll(async () => {
    ({ api, driver, id } = await startWithPermit());
    permit = (await driver.issuePermit(id, [SPRINKLERS])).find((d) => d.kind === 'permit')!;
  });
  afterAll(() => api?.close());

  const change = (user: string, documentId: string, what: string, body: object) =>
    driver.post(user, `/requests/${id}/issued-documents/${documentId}/${what}`, body);
  const issued = async () =>
    (await driver.get('supervisor', `/requests/${id}/documents/issued`)).body as IssuedDocument[];
  const verify = async (code: string) =>
    (await api.http.get(`/verifications/${code}`).expect(200)).body as Verification;

  it('offers a supervisor the changes legal now, and refuses the rest with the reason, changing nothing', async () => {
    expect(permit.status).toBe('valid');
    const seen = async (user: string) =>
      ((await driver.get(user, `/requests/${id}/documents/issued`)).body as IssuedDocument[]).find(
        (d) => d.documentId === permit.documentId,
      )?.actions;
    expect(await seen('supervisor')).toEqual(['revoke', 'suspend', 'vary']);
    expect(await seen('acme-battery')).toEqual([]);
    expect(await seen('clerk-building')).toEqual([]);

    expect((await change('clerk-building', permit.documentId, 'revocation', { reason: 'x' })).status).toBe(403);
    expect((await change('acme-battery', permit.documentId, 'revocation', { reason: 'x' })).status).toBe(403);
    const missing = await change('supervisor', permit.documentId, 'revocation', {});
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', correlationId: expect.any(String) });
    expect((await change('supervisor', permit.documentId, 'suspension', { reason: '   ' })).status).toBe(400);
    const reinstate = await change('supervisor', permit.documentId, 'reinstatement', {
      reason: 'Nothing to reinstate',
    });
    expect(reinstate.status).toBe(409);
    expect(reinstate.body.message).toMatch(/is valid and cannot be reinstated/);
    const notice = await change('supervisor', 'decision-notice-1', 'suspension', { reason: 'A notice is no licence' });
    expect(notice.status).toBe(409);
    expect((await change('supervisor', 'permit-99', 'suspension', { reason: 'No such permit' })).status).toBe(409);
    expect((await change('supervisor', 'Permit 1', 'suspension', { reason: 'Malformed' })).status).toBe(400);

    expect(await verify(permit.verificationCode)).toMatchObject({ status: 'valid', statusReason: null });
  });

  it('suspends and reinstates the permit, each with its reason and date on /verify and in the timeline', async () => {
    const suspended = await change('supervisor', permit.documentId, 'suspension', { reason: 'Site inspection due' });
    expect(suspended.status).toBe(200);
    const onVerify = await verify(permit.verificationCode);
    expect(onVerify).toMatchObject({ status: 'suspended', statusReason: 'Site inspection due' });
    expect(Date.now() - Date.parse(onVerify.statusAt!)).toBeLessThan(10 * 60_000);
    expect((await issued()).find((d) => d.documentId === permit.documentId)?.actions).toEqual(['revoke', 'reinstate']);

    expect((await change('supervisor', permit.documentId, 'reinstatement', { reason: 'Inspected' })).status).toBe(200);
    expect(await verify(permit.verificationCode)).toMatchObject({ status: 'valid', statusReason: 'Inspected' });

    const timeline = (await driver.detail(id)).timeline as Array<{ event: string; reason?: string | null }>;
    const changes = timeline.filter((t) => t.event.startsWith('document.') && t.event !== 'document.issued');
    expect(changes.map((t) => [t.event, t.reason ?? null])).toEqual([
      ['document.suspended', 'Site inspection due'],
      ['document.reinstated', 'Inspected'],
    ]);
  });

  it('varies the permit: a new number and code with the amended condition, the old one pointing to it', async () => {
    const res = await change('supervisor', permit.documentId, 'variation', {
      reason: 'Condition 1 extended to hall B',
      conditions: [AMENDED],
    });
    expect(res.status).toBe(200);

    const list = await issued();
    const old = list.find((d) => d.documentId === permit.documentId)!;
    const varied = list.find((d) => d.documentId === 'permit-2')!;
    expect(old).toMatchObject({ documentId: permit.documentId, status: 'varied', actions: [] });
    expect(varied).toMatchObject({ documentId: 'permit-2', kind: 'permit', status: 'valid' });
    expect(varied.number).not.toBe(permit.number);
    expect(old.supersededBy).toBe(varied.verificationCode);
    expect(await verify(permit.verificationCode)).toMatchObject({
      status: 'varied',
      statusReason: 'Condition 1 extended to hall B',
      supersededBy: varied.verificationCode,
    });

    const text = await driver.documentText(varied.renditions[0].href);
    expect(text).toContain(varied.number);
    expect(text).toContain(AMENDED.text);
    expect(text).not.toContain(SPRINKLERS.text);
    permit = varied;
  });

  it('revokes the new version for good: /verify says revoked with the reason, and nothing more can change', async () => {
    const res = await change('supervisor', permit.documentId, 'revocation', {
      reason: 'Obtained by a false statement',
    });
    expect(res.status).toBe(200);
    const onVerify = await verify(permit.verificationCode);
    expect(onVerify).toMatchObject({ status: 'revoked', statusReason: 'Obtained by a false statement' });
    expect(onVerify.statusAt).toEqual(expect.any(String));

    const again = await change('supervisor', permit.documentId, 'revocation', { reason: 'Twice' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/is revoked/);
    expect((await issued()).every((d) => d.actions.length === 0)).toBe(true);

    // The applicant is told of each change to their permit, with the reason.
    const told = (await driver.get('auditor', `/notifications/deliveries?requestId=${id}&limit=500`)).body as Array<{
      kind: string;
      recipientId: string;
    }>;
    const changes = told.filter((d) => d.kind === 'document-changed' && d.recipientId === 'acme-battery');
    expect(changes.length).toBeGreaterThanOrEqual(4);
    expect(told.some((d) => d.kind === 'decision' && d.recipientId === 'acme-battery')).toBe(true);
  });
});
