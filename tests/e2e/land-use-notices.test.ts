import { landUseDefinition, ProcessDefinition } from '@onewindow/domain';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiDriver, IssuedDocument } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

/**
 * The built-in land-use process under a key of its own (other files run built-in land-use cases in the same
 * database), its notices as declared, with a consultation of seconds so that it ends by itself.
 */
const landUse: ProcessDefinition = {
  ...landUseDefinition,
  key: 'notices-land-use',
  steps: landUseDefinition.steps.map((s) =>
    s.id === 'consultation' ? { ...s, duration: { value: 2, unit: 'seconds' } } : s,
  ),
};

/** A land-use application acknowledged on receipt and determined with a signed decision notice anyone can verify. */
describe('notices of a land-use application', () => {
  let api: TestApi;
  let driver: ApiDriver;
  const dir = mkdtempSync(join(tmpdir(), 'ow-land-use-'));
  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
    expect((await driver.post('admin', '/definitions', { definition: landUse })).status).toBe(201);
  });
  afterAll(() => api?.close());

  const issuedOf = async (id: string) =>
    (await driver.get('acme-battery', `/requests/${id}/documents/issued`)).body as IssuedDocument[];
  const pdfOf = async (href: string): Promise<Buffer> =>
    (
      await api.http
        .get(href)
        .set(await driver.auth('acme-battery'))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
        .expect('content-type', /application\/pdf/)
    ).body as Buffer;
  const decide = async (user: string, id: string, stepId: string, body: object) => {
    await driver.waitForStep(id, stepId);
    const res = await driver.decide(user, id, stepId, body);
    expect(res.status).toBe(200);
  };

  it('acknowledges the application and issues a decision notice that verifies, in both languages', async () => {
    const submitted = await driver.post('acme-battery', '/requests', {
      definitionKey: landUse.key,
      title: 'Warehouse on Quarry Lane',
      attributes: { development: 'minor', siteAddress: '14 Quarry Lane' },
    });
    expect(submitted.status).toBe(202);
    const id = (submitted.body as { id: string }).id;
    const [receipt] = await eventually(
      async () => ((await issuedOf(id)).length === 1 ? issuedOf(id) : undefined),
      'the acknowledgement of receipt',
    );
    expect(receipt.kind).toBe('receipt');

    await decide('clerk-planning', id, 'validation', { outcome: 'valid' });
    await decide('clerk-planning', id, 'assessment', { outcome: 'recommend-approval' });
    const condition = { text: 'Landscaping before first use', reason: 'Screening from Quarry Lane' };
    await decide('supervisor', id, 'determination', {
      outcome: 'approved',
      reason: 'Accords with the local plan',
      conditions: [condition],
    });

    const notice = await eventually(
      async () => (await issuedOf(id)).find((d) => d.kind === 'decision-notice'),
      'the decision notice',
    );
    expect(notice.renditions.map((r) => r.language)).toEqual(['en', 'zh-CN']);
    for (const rendition of notice.renditions) {
      const pdf = await pdfOf(rendition.href);
      const file = join(dir, `decision-notice-${rendition.language}.pdf`);
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString();
      expect(text).toContain(notice.number);
      expect(text).toContain(notice.verificationCode);
      expect(text).toContain(condition.text);
      expect(text).toContain(condition.reason);
      expect(execFileSync('pdfsig', [file]).toString()).toContain('Signature Validation: Signature is Valid.');
      // Byte for byte the document the verification page vouches for.
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(rendition.sha256);
    }

    const verified = await api.http.get(`/verifications/${notice.verificationCode}`).expect(200);
    expect(verified.body).toMatchObject({
      kind: 'decision-notice',
      number: notice.number,
      status: 'valid',
      renditions: notice.renditions.map(({ language, sha256 }) => ({ language, sha256 })),
    });
  });
});
