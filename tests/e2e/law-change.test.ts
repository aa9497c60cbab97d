import { approvalWorkflowId, caseStateQuery } from '@onewindow/contracts';
import { builtInCalendar, landUseDefinition, ProcessDefinition, workingDaysBetween } from '@onewindow/domain';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Response } from 'supertest';
import { ApiDriver } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

interface ImpactLine {
  type: 'progress' | 'case' | 'failure' | 'summary';
  requestId?: string;
  changed?: boolean;
  cannotCarry?: { message: string };
  dueDates?: Array<{ clock: string; old: { dueDate: string }; new: { dueDate: string }; workingDays: number }>;
  total?: number;
}

interface Detail {
  definitionVersion: number;
  currentSteps: Array<{ stepId: string; dueAt: string | null }>;
  timeline: Array<{ event: string; reason: string | null }>;
}

/**
 * The land-use process under a key of its own: other test files run cases of the built-in land-use process in
 * the same database, and the report and the migrations cover every running case of a key.
 */
const v1: ProcessDefinition = { ...landUseDefinition, key: 'consultation-act' };

/** A statute lengthens the consultation and public notice period from 21 to 30 days. */
const v2: ProcessDefinition = {
  ...v1,
  version: 2,
  steps: v1.steps.map((s) =>
    s.id === 'consultation'
      ? {
          ...s,
          title: { en: 'Consultation and public notice (30 days)', 'zh-CN': '征求意见及公示（30日）' },
          duration: { value: 30, unit: 'calendarDays' },
        }
      : s,
  ),
};

/** A later version drops the consultation step altogether. */
const v3: ProcessDefinition = {
  ...v1,
  version: 3,
  // Nothing left to comment during.
  publication: { ...v1.publication!, comments: undefined },
  steps: v1.steps
    .filter((s) => s.id !== 'consultation')
    .map((s) => (s.id === 'validation' ? { ...s, next: { valid: 'assessment' } } : s)),
};

const gbEng = builtInCalendar('gb-eng')!;
const run = promisify(execFile);

/** A calendar day `days` after an ISO date, by hand: the consultation counts plain calendar days. */
function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The London day of an instant (the consultation begins the day validation is decided). */
function londonDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(iso));
}

/** The last day of a period that ends at `dueAt`: periods run to the end of their last day (the next midnight). */
function lastDay(dueAt: string): string {
  return londonDay(new Date(Date.parse(dueAt) - 1).toISOString());
}

function ndjson(res: Response): ImpactLine[] {
  return String(res.body)
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ImpactLine);
}

describe('a law change: the impact of a new definition version, then the migration of chosen running cases', () => {
  let api: TestApi;
  let driver: ApiDriver;
  const inConsultation: Array<{ id: string; validatedAt: string }> = [];
  const inValidation: string[] = [];

  const impact = async (user: string, body: object) =>
    api.http
      .post('/definitions/impact')
      .set(await driver.auth(user))
      .send(body)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      });
  const detail = async (id: string) => (await driver.detail(id)) as unknown as Detail;
  const timers = async (id: string) =>
    (await api.env.client.workflow.getHandle(approvalWorkflowId(id)).query(caseStateQuery)).timers;

  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
    expect((await driver.post('admin', '/definitions', { definition: v1 })).status).toBe(201);
    for (let i = 0; i < 6; i += 1) {
      const res = await driver.post('acme-battery', '/requests', {
        definitionKey: v1.key,
        title: `Warehouse ${i}`,
        attributes: { development: 'minor' },
      });
      expect(res.status).toBe(202);
      const id = (res.body as { id: string }).id;
      await driver.waitForStep(id, 'validation');
      if (i < 4) {
        const decided = await driver.decide('clerk-planning', id, 'validation', { outcome: 'valid' });
        expect(decided.status).toBe(200);
        await driver.waitForStep(id, 'consultation');
        const { timeline } = (await driver.detail(id)) as unknown as {
          timeline: Array<{ event: string; stepId: string | null; at: string }>;
        };
        const at = timeline.find((t) => t.event === 'activated' && t.stepId === 'consultation')!.at;
        inConsultation.push({ id, validatedAt: at });
      } else inValidation.push(id);
    }
  });
  afterAll(() => api?.close());

  it('names exactly the cases in consultation, with their new due dates, before anything is published', async () => {
    const res = await impact('supervisor', { key: v1.key, candidate: v2 });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = ndjson(res);
    expect(lines[0]).toMatchObject({ type: 'progress', done: 0, total: 6 });
    const cases = lines.filter((l) => l.type === 'case');
    expect(cases).toHaveLength(6);
    const changed = cases.filter((c) => c.changed).map((c) => c.requestId);
    expect(changed.sort()).toEqual(inConsultation.map((c) => c.id).sort());
    for (const { id, validatedAt } of inConsultation) {
      const day = londonDay(validatedAt);
      const [due] = cases.find((c) => c.requestId === id)!.dueDates!;
      expect(due).toMatchObject({
        clock: 'consultation',
        old: { dueDate: plusDays(day, 21) },
        new: { dueDate: plusDays(day, 30) },
        workingDays: workingDaysBetween(gbEng, plusDays(day, 21), plusDays(day, 30)),
      });
    }
    for (const id of inValidation) expect(cases.find((c) => c.requestId === id)).toMatchObject({ dueDates: [] });
    expect(lines[lines.length - 1]).toMatchObject({
      type: 'summary',
      total: 6,
      examined: 6,
      changed: 4,
      nextOffset: null,
    });
  });

  it('gives the same report on the command line, with a CSV of the cases', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'impact-'));
    const candidate = join(dir, 'land-use.v2.json');
    await writeFile(candidate, JSON.stringify(v2));
    const csv = join(dir, 'impact.csv');

    const { stdout } = await run(
      process.execPath,
      [
        '-r',
        'ts-node/register',
        '-r',
        'tsconfig-paths/register',
        'scripts/audit/main.ts',
        'impact',
        '--candidate',
        candidate,
        '--csv',
        csv,
      ],
      { env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' } },
    );

    expect(stdout).toMatch(/CHANGED\s+4/);
    const rows = (await readFile(csv, 'utf8')).trim().split('\n');
    expect(rows).toHaveLength(7);
    for (const { id } of inConsultation)
      expect(rows.find((r) => r.startsWith(id))).toMatch(/consultation: .* \(\+\d+ wd\)/);
  });

  it('pages the report and refuses bad input with the one error body', async () => {
    const page = ndjson(await impact('admin', { key: v1.key, candidate: v2, limit: 4 }));
    expect(page[page.length - 1]).toMatchObject({ type: 'summary', examined: 4, nextOffset: 4 });

    const clerk = await impact('clerk-planning', { key: v1.key, candidate: v2 });
    expect(clerk.status).toBe(403);
    const neither = await driver.post('admin', '/definitions/impact', { key: v1.key });
    expect(neither.status).toBe(400);
    expect(neither.body).toMatchObject({ code: 'VALIDATION_FAILED', correlationId: expect.any(String) });
    const invalid = await driver.post('admin', '/definitions/impact', {
      key: v1.key,
      candidate: { ...v2, steps: [] },
    });
    expect(invalid.status).toBe(422);
  });

  it('migrates half of them: their status pages and timers move, the others stay as they were', async () => {
    await driver.post('admin', '/definitions', { definition: v2 }).then((r) => expect(r.status).toBe(201));
    const [a, b, c, d] = inConsultation;
    const before = await Promise.all([c, d].map(({ id }) => timers(id)));

    const res = await driver.post('admin', `/definitions/${v1.key}/migrations`, {
      version: 2,
      reason: 'Planning (Consultation) Act 2026, s.4',
      requestIds: [a.id, b.id],
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ migrated: 2, refused: 0, unchanged: 0, remaining: [] });
    for (const { id, validatedAt } of [a, b]) {
      const view = await eventually(async () => {
        const v = await detail(id);
        return v.definitionVersion === 2 ? v : undefined;
      }, `${id} on v2`);
      const dueDay = plusDays(londonDay(validatedAt), 30);
      expect(lastDay(view.currentSteps[0].dueAt!)).toBe(dueDay);
      expect(view.timeline.map((t) => t.event)).toEqual(
        expect.arrayContaining(['definition.migrated', 'deadline.recomputed']),
      );
      const [timer] = await timers(id);
      expect(lastDay(timer.dueAt)).toBe(dueDay);
    }
    const told = await api.env.db.query<Array<{ request_id: string }>>(
      `SELECT DISTINCT request_id FROM outbox WHERE kind = 'migrated' AND recipient_id = 'acme-battery'`,
    );
    expect(told.map((r) => r.request_id).sort()).toEqual([a.id, b.id].sort());
    for (const [i, { id, validatedAt }] of [c, d].entries()) {
      const view = await detail(id);
      expect(view.definitionVersion).toBe(1);
      expect(lastDay(view.currentSteps[0].dueAt!)).toBe(plusDays(londonDay(validatedAt), 21));
      expect(await timers(id)).toEqual(before[i]);
    }
  });

  it('migrating twice is a no-op', async () => {
    const [a, b] = inConsultation;
    const seqs = await Promise.all([a, b].map(async ({ id }) => (await detail(id)).timeline.length));

    const res = await driver.post('admin', `/definitions/${v1.key}/migrations`, {
      version: 2,
      reason: 'Planning (Consultation) Act 2026, s.4',
      requestIds: [a.id, b.id],
    });

    expect(res.body).toMatchObject({ migrated: 0, unchanged: 2, refused: 0 });
    expect(await Promise.all([a, b].map(async ({ id }) => (await detail(id)).timeline.length))).toEqual(seqs);
  });

  it("migrates the rest by the impact report's filter: only the running cases the version changes", async () => {
    const [, , c, d] = inConsultation;

    const res = await driver.post('admin', `/definitions/${v1.key}/migrations`, {
      version: 2,
      reason: 'Planning (Consultation) Act 2026, s.4',
      onlyChanged: true,
    });

    expect(res.status).toBe(200);
    const results = (res.body as { results: Array<{ requestId: string; result: string }> }).results;
    expect(results.map((r) => [r.requestId, r.result]).sort()).toEqual(
      [
        [c.id, 'migrated'],
        [d.id, 'migrated'],
      ].sort(),
    );
    for (const id of inValidation) expect((await detail(id)).definitionVersion).toBe(1);
  });

  it('refuses, for that case only, a migration that would leave it on a removed step', async () => {
    await driver.post('admin', '/definitions', { definition: v3 }).then((r) => expect(r.status).toBe(201));
    const [, , c] = inConsultation;
    const [stillValidating] = inValidation;
    const before = (await detail(c.id)).timeline.length;

    const res = await driver.post('admin', `/definitions/${v1.key}/migrations`, {
      version: 3,
      reason: 'Consultation abolished',
      requestIds: [c.id, stillValidating],
    });

    expect(res.body).toMatchObject({ migrated: 1, refused: 1 });
    const results = (res.body as { results: Array<{ requestId: string; result: string; message?: string }> }).results;
    expect(results.find((r) => r.requestId === c.id)).toMatchObject({
      result: 'refused',
      message: expect.stringMatching(/consultation/),
    });
    expect((await detail(c.id)).timeline.length).toBe(before);
    expect(results.find((r) => r.requestId === stillValidating)).toMatchObject({ result: 'migrated' });
  });

  it('leaves a log the auditor verifies clean and a migrated history that replays deterministically', async () => {
    // Case by case: other test files share the database, and a whole-log verify would count their cases too.
    const cases = [...inConsultation.map((c) => c.id), ...inValidation];
    expect(cases).toHaveLength(6);
    for (const caseId of cases) {
      const verified = await driver.get('auditor', `/audit/requests/${caseId}/verify`);
      expect(verified.body).toMatchObject({ requestId: caseId, ok: true, issues: [] });
    }

    const replay = await driver.get('auditor', `/audit/requests/${inConsultation[0].id}/replay`);
    expect(replay.body).toMatchObject({ deterministic: true });

    // Time travel: just before the migration the consultation ended 21 days on, right after it 30 days on.
    const [{ id, validatedAt }] = inConsultation;
    const migrated = (await detail(id)).timeline.findIndex((t) => t.event === 'definition.migrated') + 1;
    const dueAsOf = async (seq: number) => {
      const res = await driver.get('auditor', `/audit/requests/${id}/view?seq=${seq}`);
      expect(res.status).toBe(200);
      return lastDay((res.body as { view: Detail }).view.currentSteps[0].dueAt!);
    };
    expect(await dueAsOf(migrated - 1)).toBe(plusDays(londonDay(validatedAt), 21));
    expect(await dueAsOf(migrated + 1)).toBe(plusDays(londonDay(validatedAt), 30));
    const exported = await driver.get('auditor', `/audit/requests/${id}/export?format=jsonl`);
    expect(exported.status).toBe(200);
    expect(JSON.stringify((exported.body as { files: Record<string, string> }).files)).toContain('definition.migrated');
  });
});
