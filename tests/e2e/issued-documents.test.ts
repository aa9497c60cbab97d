import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../support/test-env';
import { startTestApi, TestApi } from '../support/test-api';

interface Issued {
  documentId: string;
  kind: string;
  number: string;
  verificationCode: string;
  status: string;
  renditions: Array<{ language: string; sha256: string; size: number; href: string }>;
}

const SPRINKLERS = {
  text: 'Sprinklers in hall A before occupation',
  reason: 'Lithium battery storage is a high fire load',
  policy: 'IFC 903.2',
};

/** The building permit walked over HTTP ends with a signed permit and decision notice the applicant can hold. */
describe('issued documents of a building permit', () => {
  let api: TestApi;
  const dir = mkdtempSync(join(tmpdir(), 'ow-issued-'));
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const as = async (user: string) => ({ authorization: `Bearer ${await api.login(user)}` });
  const decide = async (id: string, stepId: string, user: string, body: object) =>
    api.http
      .post(`/requests/${id}/steps/${stepId}/decision`)
      .set(await as(user))
      .send(body)
      .then((r) => expect(r.status).toBe(200));
  const issuedOf = async (id: string) =>
    (
      await api.http
        .get(`/requests/${id}/documents/issued`)
        .set(await as('acme-battery'))
        .expect(200)
    ).body as Issued[];
  const pdfOf = async (href: string): Promise<string> => {
    const res = await api.http
      .get(href)
      .set(await as('acme-battery'))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('content-type', /application\/pdf/);
    const file = join(dir, `${href.split('/').slice(-2).join('-')}.pdf`);
    writeFileSync(file, res.body as Buffer);
    return file;
  };

  let id: string;
  let permit: Issued;

  it('issues the decision notice and the permit, numbered, with the condition and its reason in both languages', async () => {
    const submitted = await api.http
      .post('/requests')
      .set(await as('acme-battery'))
      .send({ definitionKey: 'building-permit', title: 'Battery plant, hall A', attributes: { floorAreaM2: 1200 } })
      .expect(202);
    id = (submitted.body as { id: string }).id;
    await eventually(async () => ((await issuedOf(id)).length === 1 ? true : undefined), 'the receipt');
    await eventually(
      async () => (await api.http.get(`/requests/${id}`).set(await as('acme-battery'))).status === 200 || undefined,
      'the read model',
    );
    await decide(id, 'intake', 'clerk-building', { outcome: 'complete' });
    for (const department of ['building', 'fire', 'environment']) {
      await decide(id, `${department}-review`, `clerk-${department}`, { outcome: 'approved' });
    }
    await decide(id, 'decision', 'supervisor', {
      outcome: 'approved',
      reason: 'Meets the building code',
      conditions: [SPRINKLERS],
      informatives: ['Advertisements need separate consent'],
    });
    await api.http
      .post(`/requests/${id}/payments`)
      .set(await as('clerk-finance'))
      .send({ stepId: 'fee', reference: 'PAY-1', amount: 1250 })
      .expect(202);
    await eventually(async () => {
      const detail = (await api.http.get(`/requests/${id}`).set(await as('acme-battery'))).body as {
        currentSteps: Array<{ stepId: string }>;
      };
      return detail.currentSteps.some((s) => s.stepId === 'issuance') || undefined;
    }, 'issuance');
    await decide(id, 'issuance', 'clerk-building', { outcome: 'issued' });

    const issued = await issuedOf(id);
    expect(issued.map((d) => d.kind)).toEqual(['receipt', 'decision-notice', 'permit']);
    const [, notice, issuedPermit] = issued;
    permit = issuedPermit;
    const year = new Date().getUTCFullYear();
    expect(permit.number).toMatch(new RegExp(`^US-CA-${year}-\\d{6}$`));
    expect(Number(permit.number.slice(-6))).toBe(Number(notice.number.slice(-6)) + 1);
    expect(permit.status).toBe('valid');

    const en = execFileSync('pdftotext', ['-enc', 'UTF-8', await pdfOf(permit.renditions[0].href), '-']).toString();
    const zh = execFileSync('pdftotext', ['-enc', 'UTF-8', await pdfOf(permit.renditions[1].href), '-']).toString();
    for (const text of [en, zh]) {
      expect(text).toContain(permit.number);
      expect(text).toContain('Acme Battery Manufacturing Ltd.');
      expect(text).toContain(SPRINKLERS.text);
      expect(text).toContain(SPRINKLERS.reason);
      expect(text).toContain(permit.verificationCode);
    }
    expect(en).toContain('Building permit');
    expect(zh).toContain('建筑工程施工许可证');
    expect(zh).toContain('附加条件');
    // The procedure in the reader's language, not the English title.
    expect(zh).toContain('建筑工程施工许可\n');
    expect(zh).not.toContain('Construction / building permit');

    const noticeText = execFileSync('pdftotext', ['-enc', 'UTF-8', await pdfOf(notice.renditions[0].href), '-']);
    expect(noticeText.toString()).toContain('Advertisements need separate consent');
  });

  it('signs the permit so that standard tooling verifies it, and records its hash on the chain', async () => {
    const report = execFileSync('pdfsig', [await pdfOf(permit.renditions[1].href)]).toString();
    expect(report).toContain('Signature Validation: Signature is Valid.');

    const timeline = (
      (await api.http.get(`/requests/${id}`).set(await as('acme-battery'))).body as {
        timeline: Array<{ event: string; document?: { number?: string }; conditions: unknown[] | null }>;
      }
    ).timeline;
    expect(timeline.filter((t) => t.event === 'document.issued').map((t) => t.document?.number)).toContain(
      permit.number,
    );
    expect(timeline.find((t) => t.conditions)?.conditions).toEqual([SPRINKLERS]);
  });

  it('tells anyone without an account what the document is and that it is valid, and nothing of the case', async () => {
    const res = await api.http.get(`/verifications/${permit.verificationCode}`).expect(200);
    expect(res.body).toMatchObject({
      kind: 'permit',
      number: permit.number,
      status: 'valid',
      renditions: permit.renditions.map(({ language, sha256 }) => ({ language, sha256 })),
      // The zone the permit itself reads its dates in: its jurisdiction's (us-ca).
      timeZone: 'America/Los_Angeles',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Acme|acme-battery|Battery plant/);

    const unknown = await api.http.get('/verifications/AAAA-BBBB-CCCC-DDDD').expect(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND', correlationId: expect.any(String) });
    await api.http.get('/verifications/not-a-code').expect(404);
  });

  it('refuses a condition without its reason, recording nothing', async () => {
    const res = await api.http
      .post(`/requests/${id}/steps/decision/decision`)
      .set(await as('supervisor'))
      .send({ outcome: 'approved', conditions: [{ text: 'Sprinklers' }] });
    expect(res.status).toBe(400);
  });
});
