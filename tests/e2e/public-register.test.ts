import { buildingPermitDefinition, landUseDefinition, ProcessDefinition } from '@onewindow/domain';
import { canonicalJson } from '@onewindow/persistence';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiDriver } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

/**
 * Land use under a key of its own (other files run built-in land-use cases in the same database), with a personal
 * attribute the applicant fills in: the register must show the case from validation on, and never the phone.
 */
const PUBLIC_KEY = 'register-land-use';
const publicLandUse: ProcessDefinition = {
  ...landUseDefinition,
  key: PUBLIC_KEY,
  attributesSchema: {
    ...landUseDefinition.attributesSchema!,
    properties: {
      ...landUseDefinition.attributesSchema!.properties,
      contactPhone: { type: 'string', title: { en: 'Contact phone', 'zh-CN': '联系电话' }, personal: true },
    },
  },
};
/** A process without publication: none of its cases is public. */
const PRIVATE_KEY = 'register-private-permit';
const privatePermit: ProcessDefinition = {
  ...buildingPermitDefinition,
  key: PRIVATE_KEY,
  title: { en: 'Private works permit', 'zh-CN': '非公开工程许可' },
};

const PHONE = '07700 900123';
const ADDRESS = '14 Quarry Lane, Register Test Town';

interface Page {
  total: number;
  items: Array<{ reference: string; siteAddress: string | null; status: string; process: string }>;
}
interface Detail {
  reference: string;
  description: string;
  siteAddress: string;
  attributes: Record<string, unknown>;
  document: Record<string, unknown>;
  publication: { json: string; sha256: string; sourceHash: string; seq: number };
}

describe('the public register', () => {
  let api: TestApi;
  let driver: ApiDriver;
  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
    for (const definition of [publicLandUse, privatePermit]) {
      const res = await driver.post('admin', '/definitions', { definition });
      if (![201, 409].includes(res.status)) throw new Error(JSON.stringify(res.body));
    }
  });
  afterAll(() => api?.close());

  const submit = async (definitionKey: string, attributes: object, firstStep: string): Promise<string> => {
    const res = await driver.post('acme-battery', '/requests', {
      definitionKey,
      title: 'Two-storey rear extension',
      attributes,
    });
    expect(res.status).toBe(202);
    const id = (res.body as { id: string }).id;
    await driver.waitForStep(id, firstStep);
    return id;
  };
  /** A public route, called as anyone would: no token. */
  const publicGet = (path: string) => api.http.get(path);
  /** Nothing personal anywhere in a public answer (a redaction may name the field it withheld, never its value). */
  const expectNothingPersonal = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const personal of [PHONE, 'acme-battery', 'Acme Battery', '@']) {
      expect(text).not.toContain(personal);
    }
  };

  it('shows a land-use case from its validation on, with its public attributes only and nothing personal', async () => {
    const id = await submit(
      PUBLIC_KEY,
      { development: 'minor', siteAddress: ADDRESS, contactPhone: PHONE },
      'validation',
    );

    // Before its publication point the case is not public: 404, exactly as for a case that does not exist.
    const before = await publicGet(`/public/applications/${id}`);
    expect(before.status).toBe(404);
    expect(before.body).toMatchObject({ code: 'NOT_FOUND' });
    const unknown = await publicGet(`/public/applications/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe(before.body.message);
    const searchedBefore = (await publicGet(`/public/applications?q=${encodeURIComponent(ADDRESS)}`).expect(200))
      .body as Page;
    expect(searchedBefore.items.map((i) => i.reference)).not.toContain(id);

    expect((await driver.decide('clerk-planning', id, 'validation', { outcome: 'valid' })).status).toBe(200);

    const detail = await eventually(async () => {
      const res = await publicGet(`/public/applications/${id}`);
      return res.status === 200 ? (res.body as Detail) : undefined;
    }, 'the case on the register');
    expect(detail).toMatchObject({
      reference: id,
      description: 'Two-storey rear extension',
      siteAddress: ADDRESS,
      status: 'in_progress',
      process: 'Land-use / planning approval',
      attributes: { development: 'minor', siteAddress: ADDRESS },
    });
    expectNothingPersonal(detail);
    expect(detail.attributes).not.toHaveProperty('contactPhone');

    // Found by address, by reference and by text; the page and its filters answer as asked.
    for (const q of [ADDRESS.slice(0, 14), id, 'rear extension']) {
      const page = (await publicGet(`/public/applications?q=${encodeURIComponent(q)}&limit=100`).expect(200))
        .body as Page;
      expect(page.items.map((i) => i.reference)).toContain(id);
      expectNothingPersonal(page);
    }
    const today = new Date().toISOString().slice(0, 10);
    const inRange = (await publicGet(`/public/applications?q=${id}&from=${today}&status=in_progress`).expect(200))
      .body as Page;
    expect(inRange.items).toHaveLength(1);
    const otherStatus = (await publicGet(`/public/applications?q=${id}&status=approved`).expect(200)).body as Page;
    expect(otherStatus.items).toHaveLength(0);
    const bad = await publicGet('/public/applications?limit=1000&status=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', correlationId: expect.any(String) });

    // The chain records the publication: the source entry's hash, the redactions, the published hash.
    const audit = await driver.get('auditor', `/requests/${id}`);
    const published = (audit.body as { timeline: Array<{ event: string; seq: number }> }).timeline.find(
      (t) => t.event === 'case.published',
    );
    expect(published?.seq).toBe(detail.publication.seq);
  });

  it('publishes a copy anyone can recompute and check against the chain', async () => {
    const id = await submit(PUBLIC_KEY, { development: 'major', siteAddress: 'Hash Row 3' }, 'validation');
    await driver.decide('clerk-planning', id, 'validation', { outcome: 'valid' });
    const detail = await eventually(async () => {
      const res = await publicGet(`/public/applications/${id}`);
      return res.status === 200 ? (res.body as Detail) : undefined;
    }, 'the case on the register');

    // Recompute: SHA-256 of the UTF-8 bytes of the published canonical JSON.
    const { json, sha256, sourceHash, seq } = detail.publication;
    expect(createHash('sha256').update(json, 'utf8').digest('hex')).toBe(sha256);
    // The JSON is canonical (re-serialising it sorted gives the same bytes) and names its source entry.
    const copy = JSON.parse(json) as { metadata: { source: { seq: number; hash: string } }; redactions: unknown[] };
    expect(canonicalJson(copy)).toBe(json);
    expect(copy.metadata.source).toEqual({ seq: seq - 1, hash: sourceHash });
    expect(copy.redactions).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'applicant' })]));

    // The chain says the same: the publication transition names that hash, and the source entry has it.
    const rows: Array<{ hash: string; data: object }> = await api.app
      .get(DataSource)
      .query(`SELECT seq, hash, data FROM transitions WHERE request_id = $1 AND seq IN ($2, $3) ORDER BY seq`, [
        id,
        seq - 1,
        seq,
      ]);
    expect(rows[0].hash).toBe(sourceHash);
    expect(rows[1].data).toMatchObject({ sha256, sourceHash });

    // The auditor's check of the case against its history and the reducer holds with the publication in it.
    const audit = await driver.get('auditor', `/audit/requests/${id}/verify`);
    expect(audit.body).toMatchObject({ requestId: id, ok: true, issues: [] });

    // An altered copy does not verify.
    const altered = json.replace('Hash Row 3', 'Hash Row 4');
    expect(createHash('sha256').update(altered, 'utf8').digest('hex')).not.toBe(sha256);
  });

  it('answers 404 for every case of a process that does not publish', async () => {
    const id = await submit(PRIVATE_KEY, { floorAreaM2: 800 }, 'intake');
    await driver.decide('clerk-building', id, 'intake', { outcome: 'complete' });
    await driver.waitForStep(id, 'building-review');
    expect((await publicGet(`/public/applications/${id}`)).status).toBe(404);
    const page = (await publicGet(`/public/applications?q=${id}`).expect(200)).body as Page;
    expect(page.items).toHaveLength(0);
  });
});
