import { TIMELINE_SQL, TOTAL_CAP } from '@onewindow/persistence';
import type { PoolClient } from 'pg';
import type { HttpClient } from '../load/http-client';
import type { BenchStack } from '../stack';
import { announce, Progress } from '../support/progress';
import { LatencySummary, msSince, round, summarize } from '../support/stats';

export interface PlanSummary {
  /** The plan's nodes, outermost first, e.g. "Limit > Index Scan using open_tasks_queue_idx on open_tasks". */
  shape: string;
  seqScans: string[];
  executionMs: number;
}

export interface ScaleQuery {
  name: string;
  /** One call as the API makes it (all its statements, one after another). */
  latency: LatencySummary;
  plans: Record<string, PlanSummary>;
}

export interface ScaleResult {
  seeded: { requests: number; openTasks: number; transitions: number; seconds: number };
  queries: ScaleQuery[];
  http: { workQueue: Record<string, LatencySummary> | null; workQueueNote: string; status: LatencySummary };
  seqScansOnHotPaths: string[];
  workQueueP99Ms: number;
  target: string;
  met: boolean;
}

/** A seeded request's id: md5-derived, stamped as an RFC 4122 version-4 UUID so the API's `ParseUUIDPipe` accepts it. */
const SEED_ID = `overlay(overlay(md5('ow-seed-' || g) placing '4' from 13) placing '8' from 17)::uuid`;
const DEPARTMENTS = [
  'building',
  'fire',
  'environment',
  'transport',
  'finance',
  'planning',
  'planning-committee',
  'grid-utility',
  'grid-dispatch',
  'appeals-board',
];
const ASSIGNEES = 50;
/** The API's default page size. */
const PAGE = 25;

interface Statement {
  label: string;
  sql: string;
  params: (pick: Picks) => unknown[];
}
interface Picks {
  department: string;
  assignee: string;
  requestId: string;
  now: Date;
}

/*
 * The statements WorkQueueRepository.find issues (the page joined with its requests, and the count
 * capped at TOTAL_CAP + 1 rows; the API runs both at once) and those of the status page.
 */
const page = (where: string): string =>
  `SELECT t.request_id, t.step_id, t.title, t.kind, t.department, t.role, t.state, t.assignee, t.due_at,
          r.title AS "requestTitle", r.definition_key, r.request_type, r.applicant_id, r.status
     FROM open_tasks t INNER JOIN requests r ON r.id = t.request_id WHERE ${where}
    ORDER BY t.due_at ASC NULLS LAST, t.request_id ASC, t.step_id ASC LIMIT ${PAGE} OFFSET 0`;
const count = (where: string): string =>
  `SELECT count(*)::int AS matched FROM (SELECT 1 FROM open_tasks t WHERE ${where} LIMIT ${TOTAL_CAP + 1}) capped`;
const queue = (name: string, where: string, params: (p: Picks) => unknown[]) => ({
  name,
  statements: [
    { label: 'page', sql: page(where), params },
    { label: 'count', sql: count(where), params },
  ],
});
const QUERIES: Array<{ name: string; statements: Statement[] }> = [
  queue('work queue: department', 't.department = $1', (p) => [p.department]),
  queue('work queue: assignee', 't.assignee = $1', (p) => [p.assignee]),
  queue('work queue: department, overdue', 't.department = $1 AND t.due_at < $2', (p) => [p.department, p.now]),
  {
    name: 'status read',
    statements: [
      { label: 'request', sql: 'SELECT * FROM requests WHERE id = $1', params: (p) => [p.requestId] },
      {
        label: 'timeline (once per request and last seq; the API keeps it)',
        sql: TIMELINE_SQL,
        params: (p) => [p.requestId, 2 ** 31 - 1],
      },
    ],
  },
];

/**
 * Seeds `openTasks` open cases (one open task each) with `transitions` transitions between them,
 * then times the work-queue and status-page queries and explains their plans.
 */
export async function measureScale(
  stack: BenchStack,
  http: HttpClient,
  opts: { openTasks: number; transitions: number; queries: number; applicant: string },
): Promise<ScaleResult> {
  announce(`scale: seeding ${opts.openTasks} open tasks and ${opts.transitions} transitions`);
  const seeded = await seed(stack, http, opts);
  const readable = await stack.pool.query<{ id: string }>(
    `SELECT id FROM requests WHERE applicant_id = $1 AND workflow_id LIKE 'request-seed-%' LIMIT 1000`,
    [opts.applicant],
  );
  const seededIds = readable.rows.map((r) => r.id);
  const random = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];
  const picks = (): Picks => ({
    department: random(DEPARTMENTS),
    assignee: `seed-clerk-${Math.floor(Math.random() * ASSIGNEES)}`,
    requestId: random(seededIds),
    now: new Date(),
  });

  const client = await stack.pool.connect();
  try {
    const queries: ScaleQuery[] = [];
    for (const query of QUERIES) {
      const progress = new Progress(query.name, opts.queries, ' queries');
      const samples: number[] = [];
      for (let i = 0; i < opts.queries; i++) {
        const pick = picks();
        const started = process.hrtime.bigint();
        await runCall(client, query.statements, pick);
        samples.push(msSince(started));
        progress.tick();
      }
      progress.finish();
      const plans: Record<string, PlanSummary> = {};
      const pick = picks();
      for (const statement of query.statements) {
        plans[statement.label] = await explain(client, statement.sql, statement.params(pick));
      }
      queries.push({ name: query.name, latency: summarize(samples), plans });
    }

    const httpResult = await measureHttp(http, opts, seededIds, random);
    const seqScansOnHotPaths = queries.flatMap((q) =>
      Object.entries(q.plans).flatMap(([label, plan]) => plan.seqScans.map((s) => `${q.name} / ${label}: ${s}`)),
    );
    // Through the API when it serves the queue, else the repository's SQL.
    const workQueueP99Ms = Math.max(
      ...(httpResult.workQueue
        ? Object.values(httpResult.workQueue).map((l) => l.p99)
        : queries.filter((q) => q.name.startsWith('work queue')).map((q) => q.latency.p99)),
    );
    return {
      seeded,
      queries,
      http: httpResult,
      seqScansOnHotPaths,
      workQueueP99Ms,
      target: `work-queue p99 < 20 ms at ${opts.openTasks} open tasks; no sequential scans on hot paths`,
      met: workQueueP99Ms < 20 && seqScansOnHotPaths.length === 0,
    };
  } finally {
    client.release();
  }
}

async function runCall(client: PoolClient, statements: Statement[], pick: Picks): Promise<void> {
  for (const statement of statements) await client.query(statement.sql, statement.params(pick));
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

async function explain(client: PoolClient, sql: string, params: unknown[]): Promise<PlanSummary> {
  const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }> }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
    params,
  );
  const [root] = rows[0]['QUERY PLAN'];
  const nodes: string[] = [];
  const seqScans: string[] = [];
  const walk = (node: PlanNode) => {
    const on = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
    const using = node['Index Name'] ? ` using ${node['Index Name']}` : '';
    nodes.push(`${node['Node Type']}${using}${on}`);
    if (node['Node Type'] === 'Seq Scan') seqScans.push(`Seq Scan${on}`);
    node.Plans?.forEach(walk);
  };
  walk(root.Plan);
  return { shape: nodes.join(' > '), seqScans, executionMs: round(root['Execution Time'], 3) };
}

/** The same reads through the API: GET /work-queue when the API has it, and the status page. */
async function measureHttp(
  http: HttpClient,
  opts: { queries: number; applicant: string },
  seededIds: string[],
  random: <T>(list: readonly T[]) => T,
): Promise<ScaleResult['http']> {
  const timed = async (label: string, user: string, path: () => string): Promise<LatencySummary> => {
    const progress = new Progress(label, opts.queries, ' requests');
    const samples: number[] = [];
    for (let i = 0; i < opts.queries; i++) {
      const started = process.hrtime.bigint();
      const res = await http.as(user, 'GET', path());
      if (res.status !== 200) throw new Error(`${label} answered ${res.status}: ${JSON.stringify(res.body)}`);
      samples.push(msSince(started));
      progress.tick();
    }
    progress.finish();
    return summarize(samples);
  };
  const probe = await http.as('supervisor', 'GET', '/work-queue?department=building');
  let workQueue: Record<string, LatencySummary> | null = null;
  if (probe.status === 200) {
    const assignee = () => `seed-clerk-${Math.floor(Math.random() * ASSIGNEES)}`;
    workQueue = {
      department: await timed(
        'GET /work-queue?department',
        'supervisor',
        () => `/work-queue?department=${random(DEPARTMENTS)}`,
      ),
      assignee: await timed('GET /work-queue?assignee', 'supervisor', () => `/work-queue?assignee=${assignee()}`),
      'department, overdue': await timed(
        'GET /work-queue?department&overdue',
        'supervisor',
        () => `/work-queue?department=${random(DEPARTMENTS)}&overdue=true`,
      ),
    };
  }
  return {
    workQueue,
    workQueueNote:
      probe.status === 200
        ? 'GET /work-queue as the supervisor (default page size), one request at a time'
        : `GET /work-queue answered ${probe.status}: not in the API; its repository's SQL is measured instead`,
    status: await timed('GET /requests/:id (seeded)', opts.applicant, () => `/requests/${random(seededIds)}`),
  };
}

interface Template {
  state: object;
  attributes: object;
}

/** A real open case, submitted over HTTP, lends its read-model state to every seeded one. */
async function template(stack: BenchStack, http: HttpClient, applicant: string): Promise<Template> {
  const submitted = await http.as<{ id: string }>(applicant, 'POST', '/requests', {
    definitionKey: 'building-permit',
    title: 'Template for the seeded cases',
    attributes: { floorAreaM2: 1200 },
  });
  if (submitted.status !== 202) throw new Error(`template submit answered ${submitted.status}`);
  const { rows } = await stack.pool.query<Template>('SELECT state, attributes FROM requests WHERE id = $1', [
    submitted.body.id,
  ]);
  return rows[0];
}

async function seed(
  stack: BenchStack,
  http: HttpClient,
  opts: { openTasks: number; transitions: number; applicant: string },
): Promise<ScaleResult['seeded']> {
  const { state, attributes } = await template(stack, http, opts.applicant);
  const requests = opts.openTasks;
  const perRequest = Math.max(1, Math.ceil(opts.transitions / requests));
  const started = process.hrtime.bigint();
  const progress = new Progress('seed', 4, ' steps');
  const client = await stack.pool.connect();
  try {
    // Seeding only: skip foreign-key triggers; the rows are consistent by construction.
    await client.query(`SET session_replication_role = replica`);
    await client.query(
      `INSERT INTO requests (id, definition_key, definition_version, request_type, jurisdiction, applicant_id, title,
         attributes, status, workflow_id, last_seq, head_hash, state, next_due_at, submitted_at, updated_at)
       SELECT ${SEED_ID}, 'building-permit', 1, 'permit', 'us-ca',
              CASE WHEN g % 100 = 0 THEN $1 ELSE 'seed-applicant-' || (g % 5000) END,
              'Seeded request ' || g, $2::jsonb, 'in_progress', 'request-seed-' || g, $3, md5('head' || g) || md5(g::text),
              $4::jsonb, now() + ((g * 7919) % 240 - 120) * interval '1 day',
              now() - (g % 365) * interval '1 day', now()
         FROM generate_series(1, $5::int) g`,
      [opts.applicant, JSON.stringify(attributes), perRequest, JSON.stringify(state), requests],
    );
    progress.tick();
    await client.query(
      `INSERT INTO open_tasks (request_id, step_id, title, kind, department, role, state, assignee, due_at)
       SELECT ${SEED_ID}, 'intake', 'Intake and completeness check', 'task',
              ($1::text[])[1 + g % array_length($1::text[], 1)], 'clerk', 'active',
              CASE WHEN g % 3 = 0 THEN 'seed-clerk-' || (g % $2::int) END,
              now() + ((g * 7919) % 240 - 120) * interval '1 day'
         FROM generate_series(1, $3::int) g`,
      [DEPARTMENTS, ASSIGNEES, requests],
    );
    progress.tick();
    await client.query(
      `INSERT INTO transitions (request_id, seq, step_id, event, from_state, to_state, actor_id, actor_role,
         actor_department, outcome, source, occurred_at, workflow_id, run_id, prev_hash, hash)
       SELECT ${SEED_ID}, s, 'intake', 'decided', 'active', 'completed', 'clerk-building', 'clerk',
              'building', 'complete', 'api', now() - (g % 365) * interval '1 day' + s * interval '1 minute',
              'request-seed-' || g, 'seed-run', md5('prev' || g || '-' || s) || md5(s::text),
              md5('hash' || g || '-' || s) || md5(g::text)
         FROM generate_series(1, $1::int) g, generate_series(1, $2::int) s`,
      [requests, perRequest],
    );
    progress.tick();
    // The steady state autovacuum reaches: statistics, and a visibility map that allows index-only scans.
    await client.query('VACUUM (ANALYZE) requests, open_tasks, transitions');
    progress.tick();
    progress.finish();
  } finally {
    await client.query(`RESET session_replication_role`).catch(() => undefined);
    client.release();
  }
  return {
    requests,
    openTasks: requests,
    transitions: requests * perRequest,
    seconds: round(Number(process.hrtime.bigint() - started) / 1e9),
  };
}
