import { execFileSync } from 'node:child_process';
import type { Response } from 'supertest';
import { startTestApi, type TestApi } from './test-api';
import { eventually } from './test-env';

export interface StepView {
  stepId: string;
  department: string;
  state: string;
  assignee: string | null;
  dueAt: string | null;
}

export interface DetailView {
  id: string;
  status: string;
  currentSteps: StepView[];
  extensions: Array<{ id: string; status: string }>;
  informationRequests: Array<{ id: string; stepId: string; status: string }>;
  timeline: Array<{ seq: number; event: string; stepId: string | null; outcome: string | null }>;
}

/** A document the case issued, as `GET /requests/:id/documents/issued` lists it. */
export interface IssuedDocument {
  documentId: string;
  kind: string;
  number: string;
  verificationCode: string;
  status: string;
  statusReason: string | null;
  statusAt: string | null;
  supersededBy: string | null;
  actions: string[];
  renditions: Array<{ language: string; sha256: string; size: number; href: string }>;
}

/** Small helpers over the HTTP API for e2e tests: tokens, submitting, waiting for a step. */
export class ApiDriver {
  constructor(readonly api: TestApi) {}

  async auth(user: string): Promise<{ authorization: string }> {
    return { authorization: `Bearer ${await this.api.login(user)}` };
  }

  async post(user: string, path: string, body?: object, headers: Record<string, string> = {}): Promise<Response> {
    const req = this.api.http
      .post(path)
      .set(await this.auth(user))
      .set(headers);
    return body === undefined ? req : req.send(body);
  }

  async get(user: string, path: string): Promise<Response> {
    return this.api.http.get(path).set(await this.auth(user));
  }

  /** Submits a building permit as `applicant` and waits until its intake step is open. */
  async submitPermit(applicant = 'acme-battery', attributes: object = { floorAreaM2: 1200 }): Promise<string> {
    const res = await this.post(applicant, '/requests', {
      definitionKey: 'building-permit',
      title: 'Battery plant, hall A',
      attributes,
    });
    if (res.status !== 202) throw new Error(`submit answered ${res.status}: ${JSON.stringify(res.body)}`);
    const id = (res.body as { id: string }).id;
    await this.waitForStep(id, 'intake');
    return id;
  }

  async detail(id: string, user = 'auditor'): Promise<DetailView> {
    const res = await this.get(user, `/requests/${id}`);
    if (res.status !== 200) throw new Error(`detail answered ${res.status}`);
    return res.body as DetailView;
  }

  /** Waits until the step is open and recorded (the read model shows a new request's first step at once). */
  waitForStep(id: string, stepId: string): Promise<DetailView> {
    return eventually(async () => {
      const d = await this.detail(id);
      const recorded = d.timeline.some((t) => t.stepId === stepId);
      return recorded && d.currentSteps.some((s) => s.stepId === stepId) ? d : undefined;
    }, `step ${stepId} of ${id}`);
  }

  decide(
    user: string,
    id: string,
    stepId: string,
    body: object,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.post(user, `/requests/${id}/steps/${stepId}/decision`, body, headers);
  }

  /** Takes a permit from intake to the joint plan review (building, fire, environment in parallel). */
  async toPlanReview(id: string): Promise<DetailView> {
    const res = await this.decide('clerk-building', id, 'intake', { outcome: 'complete' });
    if (res.status !== 200) throw new Error(`intake answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as DetailView;
  }

  /**
   * Takes a submitted permit through joint review, an approval with `conditions`, the fee and issuance, and
   * returns the documents it issued once the permit is among them.
   */
  async issuePermit(id: string, conditions: object[] = []): Promise<IssuedDocument[]> {
    const decide = async (user: string, stepId: string, body: object) => {
      const res = await this.decide(user, id, stepId, body);
      if (res.status !== 200) throw new Error(`${stepId} answered ${res.status}: ${JSON.stringify(res.body)}`);
    };
    await decide('clerk-building', 'intake', { outcome: 'complete' });
    for (const department of ['building', 'fire', 'environment']) {
      await decide(`clerk-${department}`, `${department}-review`, { outcome: 'approved' });
    }
    await decide('supervisor', 'decision', { outcome: 'approved', reason: 'Meets the building code', conditions });
    await this.post('clerk-finance', `/requests/${id}/payments`, { stepId: 'fee', reference: 'PAY-1', amount: 1250 });
    await this.waitForStep(id, 'issuance');
    await decide('clerk-building', 'issuance', { outcome: 'issued' });
    return eventually(async () => {
      const list = (await this.get('acme-battery', `/requests/${id}/documents/issued`)).body as IssuedDocument[];
      return list.some((d) => d.kind === 'permit') ? list : undefined;
    }, `the permit of ${id}`);
  }

  /** An issued document's rendition as `user` downloads it, read as text (poppler's pdftotext). */
  async documentText(href: string, user = 'acme-battery'): Promise<string> {
    const res = await this.api.http
      .get(href)
      .set(await this.auth(user))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: res.body as Buffer }).toString();
  }

  async transitionCount(id: string): Promise<number> {
    return (await this.detail(id)).timeline.length;
  }
}

/** A test API with its driver, and a building permit submitted by acme-battery with its intake open. */
export async function startWithPermit(): Promise<{ api: TestApi; driver: ApiDriver; id: string }> {
  const api = await startTestApi();
  const driver = new ApiDriver(api);
  return { api, driver, id: await driver.submitPermit() };
}
