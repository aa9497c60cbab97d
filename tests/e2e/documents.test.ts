import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiDriver } from '../support/api-driver';
import { pdfOf, sha256, zipOf } from '../support/files';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

/** Above the PostgreSQL store's 1 MiB chunk, so an interrupted upload is caught with content staged. */
const MAX_BYTES = 2 * 1024 * 1024;

interface VersionView {
  documentType: string;
  version: number;
  fileName: string;
  sha256: string;
  size: number;
  contentType: string;
  context: string;
  uploadedBy: { id: string };
  href: string;
}
interface DocumentView {
  documentType: string;
  current: VersionView | null;
  versions: VersionView[];
}

describe('documents over HTTP', () => {
  let api: TestApi;
  let driver: ApiDriver;
  let id: string;

  beforeAll(async () => {
    api = await startTestApi({ DOCUMENT_MAX_BYTES: String(MAX_BYTES) });
    driver = new ApiDriver(api);
    id = await driver.submitPermit();
  });
  afterAll(() => api?.close());

  const upload = async (user: string, requestId: string, documentType: string, content: Buffer, fileName: string) =>
    api.http
      .post(`/requests/${requestId}/documents`)
      .set(await driver.auth(user))
      .field('documentType', documentType)
      .attach('file', content, { filename: fileName, contentType: 'application/octet-stream' });

  const documents = async (user: string, requestId = id) => {
    const res = await driver.get(user, `/requests/${requestId}/documents`);
    expect(res.status).toBe(200);
    return (res.body as { items: DocumentView[] }).items;
  };

  /** What is stored: content rows, staged uploads, and this request's upload transitions. */
  const stored = async (requestId = id) => {
    const [row] = await api.env.db.query<Array<{ blobs: number; chunks: number; staged: number; uploads: number }>>(
      `SELECT (SELECT count(*)::int FROM blobs) AS blobs, (SELECT count(*)::int FROM blob_chunks) AS chunks,
         (SELECT count(*)::int FROM blob_chunks WHERE blob_key LIKE 'upload:%') AS staged,
         (SELECT count(*)::int FROM transitions WHERE request_id = $1 AND event = 'document.uploaded') AS uploads`,
      [requestId],
    );
    return row;
  };

  it('keeps versions: a new one supersedes the last, and every reviewer sees the same current one and the history', async () => {
    const v1 = pdfOf('site plan, first issue');
    const first = await upload('acme-battery', id, 'site-plan', v1, '../../drawings/Site plan:*.pdf');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      documentType: 'site-plan',
      version: 1,
      fileName: 'Site plan.pdf',
      sha256: sha256(v1),
      size: v1.length,
      contentType: 'application/pdf',
      context: 'submission',
    });

    const v2 = pdfOf('site plan, revised by the building department');
    const second = await upload('clerk-building', id, 'site-plan', v2, 'site-plan-rev2.pdf');
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ version: 2, sha256: sha256(v2), context: 'staff' });

    // Need-to-know: the building department holds the intake; fire has no step on the case yet.
    expect((await driver.get('clerk-fire', `/requests/${id}/documents`)).status).toBe(403);
    for (const reviewer of ['clerk-building', 'clerk-building-2', 'supervisor', 'acme-battery', 'auditor']) {
      const sitePlan = (await documents(reviewer)).find((d) => d.documentType === 'site-plan');
      expect(sitePlan?.current).toMatchObject({ version: 2, sha256: sha256(v2) });
      expect(sitePlan?.versions.map((v) => [v.version, v.sha256])).toEqual([
        [1, sha256(v1)],
        [2, sha256(v2)],
      ]);
    }

    // Each upload is a transition on the hash chain, with type, version, hash, size and uploader.
    const detail = await driver.detail(id);
    const uploads = detail.timeline.filter((t) => t.event === 'document.uploaded');
    expect(uploads).toHaveLength(2);
    const verify = await driver.get('auditor', `/audit/requests/${id}/verify`);
    expect(verify.body).toMatchObject({ ok: true });
  });

  it('serves a version as an attachment to those who may see the request', async () => {
    const content = pdfOf('fire strategy 总', 5000);
    const up = await upload('acme-battery', id, 'fire-strategy', content, '消防策略.pdf');
    expect(up.status).toBe(201);
    const href = (up.body as VersionView).href;

    for (const user of ['acme-battery', 'clerk-building', 'supervisor', 'auditor']) {
      const res = await api.http
        .get(href)
        .set(await driver.auth(user))
        .buffer(true)
        .parse((r, done) => {
          const parts: Buffer[] = [];
          r.on('data', (c: Buffer) => parts.push(c));
          r.on('end', () => done(null, Buffer.concat(parts)));
        });
      expect(res.status).toBe(200);
      expect(Buffer.compare(res.body as Buffer, content)).toBe(0);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="____.pdf"; filename*=UTF-8''%E6%B6%88%E9%98%B2%E7%AD%96%E7%95%A5.pdf`,
      );
    }
    // Another applicant does not learn the request exists; a department with no step on it is refused.
    expect((await driver.get('volta-grid', href)).status).toBe(404);
    expect((await driver.get('clerk-grid', href)).status).toBe(403);
    expect((await driver.get('auditor', `/requests/${id}/documents/fire-strategy/versions/9`)).status).toBe(404);
  });

  it('refuses by size, type, name and authorization, leaving nothing stored', async () => {
    const before = await stored();
    const refusals: Array<[string, Promise<{ status: number; body: unknown }>, number, string]> = [
      [
        'too large',
        upload('acme-battery', id, 'site-plan', pdfOf('big', MAX_BYTES + 1), 'big.pdf'),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'an executable called .pdf',
        upload(
          'acme-battery',
          id,
          'site-plan',
          Buffer.concat([Buffer.from('MZ\x90\0'), Buffer.alloc(4000)]),
          'plan.pdf',
        ),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'HTML',
        upload('acme-battery', id, 'site-plan', Buffer.from('<html><script>alert(1)</script></html>'), 'plan.html'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'a ZIP holding a program',
        upload('acme-battery', id, 'site-plan', zipOf(['plan.pdf', 'run.exe']), 'plans.zip'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'a name with nothing usable',
        upload('acme-battery', id, 'site-plan', pdfOf('x'), '../..'),
        400,
        'VALIDATION_FAILED',
      ],
      ['an undeclared type', upload('acme-battery', id, 'selfie', pdfOf('x'), 'me.pdf'), 422, 'UNPROCESSABLE'],
      ['another applicant', upload('volta-grid', id, 'site-plan', pdfOf('x'), 'a.pdf'), 404, 'NOT_FOUND'],
      ['a department with no step', upload('clerk-grid', id, 'site-plan', pdfOf('x'), 'a.pdf'), 403, 'FORBIDDEN'],
      ['an auditor', upload('auditor', id, 'site-plan', pdfOf('x'), 'a.pdf'), 403, 'FORBIDDEN'],
    ];
    for (const [what, sent, status, code] of refusals) {
      const res = await sent;
      const body = res.body as { code?: string; message?: string };
      expect({ what, status: res.status, code: body.code }).toEqual({ what, status, code });
      expect(body.message).toEqual(expect.any(String));
    }
    const json = await driver.post('acme-battery', `/requests/${id}/documents`, { documentType: 'site-plan' });
    expect(json.status).toBe(415);
    expect(await stored()).toEqual(before);
  });

  it('opens a ZIP by its content: nested archives, zip-slip names, bombs and polyglots are refused, nothing stored', async () => {
    const before = await stored();
    const bomb = Buffer.concat([pdfOf('bomb'), Buffer.alloc(1_500_000, 0x20)]);
    const refusals: Array<[string, Buffer, string, RegExp]> = [
      [
        'a ZIP nested in a ZIP, renamed .pdf',
        zipOf([{ name: 'plan.pdf', content: zipOf(['run.exe']) }]),
        'plans.zip',
        /another archive/,
      ],
      ['a climbing entry name', zipOf(['../../etc/cron.d/plan.pdf']), 'plans.zip', /climbs out/],
      ['an absolute entry name', zipOf(['C:/Windows/plan.pdf']), 'plans.zip', /absolute/],
      [
        'a 1 000:1 zip bomb',
        zipOf([{ name: 'plan.pdf', content: bomb, deflate: true }]),
        'plans.zip',
        /expands more than/,
      ],
      [
        'a PDF with a ZIP of programs appended',
        Buffer.concat([pdfOf('cover'), zipOf(['run.exe'])]),
        'plan.pdf',
        /more than one kind/,
      ],
    ];
    for (const [what, content, name, message] of refusals) {
      const res = await upload('acme-battery', id, 'site-plan', content, name);
      const body = res.body as { code?: string; message?: string; correlationId?: string };
      expect({ what, status: res.status, code: body.code }).toEqual({
        what,
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
      expect(body.message).toMatch(message);
      expect(body.correlationId).toEqual(expect.any(String));
    }
    expect(await stored()).toEqual(before);
    // A plain ZIP of plans is still welcome.
    expect(
      (await upload('acme-battery', id, 'site-plan', zipOf(['plans/', 'plans/ground.pdf']), 'plans.zip')).status,
    ).toBe(201);
  });

  it('stores a name with the extension of what the content is, without bidirectional or invisible characters', async () => {
    const cases: Array<[string, Buffer, string]> = [
      ['setup.exe', pdfOf('a'), 'setup.pdf'],
      ['report.pdf.bat', pdfOf('b'), 'report.pdf'],
      ['invoice\u202Efdp.bat', pdfOf('c'), 'invoicefdp.pdf'],
      ['plan\u200B.pdf', pdfOf('d'), 'plan.pdf'],
    ];
    for (const [sent, content, kept] of cases) {
      const res = await upload('acme-battery', id, 'site-plan', content, sent);
      expect({ sent, status: res.status, fileName: (res.body as VersionView).fileName }).toEqual({
        sent,
        status: 201,
        fileName: kept,
      });
      const download = await driver.get('acme-battery', (res.body as VersionView).href);
      expect(download.headers['content-disposition']).toContain(`filename="${kept}"`);
    }
  });

  it('keeps nothing of an upload interrupted halfway', async () => {
    const before = await stored();
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const token = await api.login('acme-battery');
    const boundary = 'ow-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="documentType"\r\n\r\nsite-plan\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n`,
    );
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/requests/${id}/documents`,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + 1_600_000 + 100),
      },
    });
    req.on('error', () => undefined);
    req.write(head);
    req.write(pdfOf('half', 1_200_000));
    try {
      // Wait until the server has started staging the content, then go away.
      await eventually(async () => ((await stored()).staged > 0 ? true : undefined), 'the upload being staged');
    } finally {
      req.destroy();
    }

    await eventually(async () => ((await stored()).staged === 0 ? true : undefined), 'the staged upload removed');
    expect(await stored()).toEqual(before);
  });

  it('reports content changed or removed behind the system’s back, by name and version', async () => {
    const other = await driver.submitPermit();
    const a = pdfOf('structural calculations');
    const b = pdfOf('environmental report');
    expect((await upload('acme-battery', other, 'structural-calculations', a, 'calcs.pdf')).status).toBe(201);
    expect((await upload('acme-battery', other, 'environmental-report', b, 'env.pdf')).status).toBe(201);
    expect((await driver.get('auditor', `/audit/requests/${other}/verify`)).body).toMatchObject({ ok: true });

    await api.env.db.query(`UPDATE blob_chunks SET data = convert_to('%PDF-1.7 forged', 'UTF8') WHERE blob_key = $1`, [
      sha256(a),
    ]);
    await api.env.db.query(`DELETE FROM blobs WHERE sha256 = $1`, [sha256(b)]);

    const verify = await driver.get('auditor', `/audit/requests/${other}/verify`);
    const report = verify.body as { ok: boolean; issues: Array<{ kind: string; message: string }> };
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'document-changed',
          message: expect.stringContaining("'calcs.pdf' (structural-calculations, version 1)"),
        }),
        expect.objectContaining({
          kind: 'document-missing',
          message: expect.stringContaining("'env.pdf' (environmental-report, version 1)"),
        }),
      ]),
    );
  });
});
