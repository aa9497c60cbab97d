// Faults under load on the cluster: kill -9 a OneWindow worker, an API replica and Temporal's history
// service, restart PostgreSQL; then network faults through Toxiproxy between OneWindow's processes and
// PostgreSQL and Temporal (latency, connection resets, a bandwidth limit, a blackhole); then check that
// nothing acknowledged was lost or doubled and that the auditor finds every case clean.
// `npm run chaos` (full) or `npm run chaos -- --short` (for CI).
import { CaseAuditor } from '@onewindow/audit';
import { loadConfig } from '@onewindow/config';
import {
  ClusterTls,
  createClusterCertificates,
  EMBEDDED_PG_PASSWORD,
  EMBEDDED_PG_USER,
  EmbeddedCluster,
  ensureToxiproxy,
  findFreePort,
  NetworkFault,
  recreateDatabase,
  startEmbeddedCluster,
  startFaultProxy,
  SupervisedProcess,
} from '@onewindow/devstack';
import { AuditLogRepository, createDataSource } from '@onewindow/persistence';
import { Client, Connection } from '@temporalio/client';
import { appendFileSync, chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startClusterStack, waitForReady } from './cluster-stack';
import { PermitClient, runPermitCase, waitForStep } from './permit-client';

const { values: args } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    /** Temporal's frontend serves TLS with a throw-away CA; workers, replicas and checks verify it. */
    tls: { type: 'boolean', default: false },
    cases: { type: 'string' },
    concurrency: { type: 'string' },
  },
});
const short = args.short;
const withTls = args.tls;
const CASES = Number(args.cases ?? (short ? 12 : 80));
const CONCURRENCY = Number(args.concurrency ?? (short ? 6 : 40));
/** A run that has not finished by then is stuck somewhere: it fails naming the stage instead of waiting. */
const DEADLINE_MINUTES = short ? 20 : 60;
/** Network faults on both links (OneWindow to PostgreSQL, OneWindow to Temporal) and how long each lasts. */
const NETWORK_FAULTS: Array<{ name: string; fault: NetworkFault; seconds: number }> = [
  { name: 'latency 500 ms', fault: { kind: 'latency', ms: 500 }, seconds: short ? 5 : 15 },
  { name: 'connection resets', fault: { kind: 'reset' }, seconds: short ? 3 : 10 },
  { name: 'bandwidth 32 KB/s', fault: { kind: 'bandwidth', kilobytesPerSecond: 32 }, seconds: short ? 5 : 15 },
  { name: 'blackhole', fault: { kind: 'blackhole' }, seconds: 30 },
];

const log = (line: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const config = loadConfig();
  const dir = join(config.dataDir, 'chaos');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const started = Date.now();
  const pgPort = await findFreePort();
  const pgDir = join(dir, 'postgres');
  let pg: EmbeddedCluster = await startEmbeddedCluster({ dataDir: pgDir, port: pgPort, log });
  const server = `postgres://${EMBEDDED_PG_USER}:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${pgPort}/postgres`;
  const databaseUrl = await recreateDatabase(server, 'onewindow');
  const output = join(dir, 'processes.log');
  const tls = withTls ? await createClusterCertificates(join(dir, 'certs')) : undefined;
  const proxy = await startFaultProxy({
    binary: (await ensureToxiproxy({ cacheDir: config.ONEWINDOW_CACHE_DIR, log })).server,
    apiPort: await findFreePort(),
    log,
    output: (line) => appendFileSync(output, `[toxiproxy] ${line}\n`),
  });
  const pgVia = await proxy.link('postgres', await findFreePort(), `127.0.0.1:${pgPort}`);
  const temporalVia = await proxy.link('temporal', await findFreePort(), `127.0.0.1:${config.TEMPORAL_DEV_PORT}`);
  const stack = await startClusterStack({
    config,
    databaseUrl,
    temporalPorts: { grpcBase: config.TEMPORAL_DEV_PORT, membershipBase: config.TEMPORAL_MEMBERSHIP_PORT },
    apiPorts: [config.API_PORT, config.API_PORT + 10],
    workers: 2,
    dir,
    log,
    tls,
    output: (name, line) => appendFileSync(output, `[${name}] ${line}\n`),
    via: (direct) => {
      const url = new URL(direct.databaseUrl);
      url.port = pgVia.split(':')[1];
      return { databaseUrl: url.toString(), temporalAddress: temporalVia };
    },
  });
  const abort = () => {
    log('interrupted; stopping the cluster');
    void stack
      .stop()
      .then(() => pg.stop())
      .then(() => proxy.stop())
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  let stage = 'load before the first fault';
  setTimeout(() => {
    log(`FAIL: not finished within ${DEADLINE_MINUTES} min; stuck at: ${stage}; see ${output}`);
    void stack
      .stop()
      .then(() => pg.stop())
      .then(() => proxy.stop())
      .finally(() => process.exit(1));
  }, DEADLINE_MINUTES * 60_000).unref();
  log(`cluster up in ${Math.round((Date.now() - started) / 1000)} s; ${CASES} cases, ${CONCURRENCY} at a time`);
  const apis = stack.apis.map((a) => a.url);
  const client = new PermitClient(apis);

  const recoveries: { fault: string; seconds: number }[] = [];
  const ready = async () => {
    for (const api of apis) await waitForReady(api, 180_000);
  };
  const killAndWait = async (name: string, target: SupervisedProcess) => {
    const pid = target.pid();
    if (!pid) throw new Error(`${name} is not running`);
    const t0 = Date.now();
    stage = `recovery after kill -9 ${name}`;
    process.kill(pid, 'SIGKILL');
    log(`kill -9 ${name} (pid ${pid})`);
    while (!target.pid() || target.pid() === pid) await sleep(100);
    await ready();
    await progress(client);
    recoveries.push({ fault: `kill -9 ${name}`, seconds: (Date.now() - t0) / 1000 });
  };
  const faults = async () => {
    await sleep(short ? 2000 : 8000);
    await killAndWait('worker-1', stack.workers[0]);
    await sleep(3000);
    await killAndWait('api-1', stack.apis[0].process);
    await sleep(3000);
    await killAndWait('temporal history', stack.temporal.services.history);
    await sleep(3000);
    const t0 = Date.now();
    stage = 'recovery after a PostgreSQL restart';
    log('restarting PostgreSQL');
    await pg.stop();
    await sleep(2000);
    pg = await startEmbeddedCluster({ dataDir: pgDir, port: pgPort, log });
    await ready();
    await progress(client);
    recoveries.push({ fault: 'PostgreSQL restart (2 s down)', seconds: (Date.now() - t0) / 1000 });
    // Network faults: recovery is measured from the repair (the fault lasts as long as it lasts).
    for (const { name, fault, seconds } of NETWORK_FAULTS) {
      await sleep(3000);
      log(`network: ${name} for ${seconds} s on OneWindow's links to PostgreSQL and Temporal`);
      stage = `network: ${name}`;
      await proxy.inject(fault);
      await sleep(seconds * 1000);
      await proxy.heal();
      stage = `recovery after network: ${name}`;
      const repaired = Date.now();
      await ready();
      await progress(client);
      recoveries.push({ fault: `${name} (${seconds} s)`, seconds: (Date.now() - repaired) / 1000 });
    }
  };

  const ids: string[] = [];
  const failures: string[] = [];
  let nextCase = 0;
  let faultsDone = false;
  // Cases keep starting until every fault has been injected and recovered from.
  const lane = async () => {
    while (nextCase < CASES || !faultsDone) {
      const n = nextCase++;
      try {
        ids.push(await runPermitCase(client, n));
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
  };
  const loadStarted = Date.now();
  const injected = faults().finally(() => {
    faultsDone = true;
    stage = 'the last cases after every fault';
  });
  await Promise.all([injected, ...Array.from({ length: CONCURRENCY }, lane)]);
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  log(`load done: ${ids.length} cases in ${Math.round(loadSeconds)} s`);

  stage = 'the check of every case';
  const report = await check(databaseUrl, stack.temporal.address, config.TEMPORAL_NAMESPACE, ids, tls);
  await stack.stop();
  await pg.stop();
  await proxy.stop();

  const summary = {
    mode: short ? 'short' : 'full',
    temporalTls: withTls,
    cases: ids.length + failures.length,
    concurrency: CONCURRENCY,
    completedCases: ids.length,
    acknowledgedActions: client.acknowledged,
    httpAttempts: client.attempts,
    loadSeconds: Math.round(loadSeconds),
    totalSeconds: Math.round((Date.now() - started) / 1000),
    recoveries,
    errorsByStatus: Object.fromEntries(client.errors),
    failures,
    badErrors: client.badErrors,
    ...report,
  };
  console.log(JSON.stringify(summary, null, 2));
  const ok =
    failures.length === 0 &&
    client.badErrors.length === 0 &&
    report.notFinal.length === 0 &&
    report.gaps.length === 0 &&
    report.duplicates.length === 0 &&
    report.auditIssues.length === 0;
  log(ok ? 'PASS: nothing lost, nothing duplicated, no false alarm' : 'FAIL');
  process.exit(ok ? 0 : 1);
}

/** A new case reaches its first recorded step: the whole path (API, Temporal, worker, PostgreSQL) works again. */
async function progress(client: PermitClient): Promise<void> {
  const res = await client.act('volta-grid', '/requests', {
    definitionKey: 'building-permit',
    title: 'Recovery probe',
    attributes: { floorAreaM2: 100 },
  });
  if (res.status !== 202)
    throw new Error(`the recovery probe's submit answered ${res.status} ${JSON.stringify(res.body)}`);
  await waitForStep(client, String(res.body.id), 'intake');
  for (let i = 0; i < 600; i += 1) {
    const detail = await client.get('auditor', `/requests/${String(res.body.id)}`);
    if (((detail.body.timeline as unknown[]) ?? []).length >= 2) return;
    await sleep(200);
  }
}

async function check(databaseUrl: string, address: string, namespace: string, ids: string[], tls?: ClusterTls) {
  const db = await createDataSource(databaseUrl).initialize();
  const connection = await Connection.connect(
    loadConfig({
      TEMPORAL_ADDRESS: address,
      ...(tls ? { TEMPORAL_TLS_CA_FILE: tls.caFile, TEMPORAL_TLS_SERVER_NAME: tls.serverName } : {}),
    }).temporalConnection,
  );
  const auditor = new CaseAuditor(new AuditLogRepository(db), new Client({ connection, namespace }));
  const notFinal: string[] = [];
  const gaps: string[] = [];
  const duplicates: string[] = [];
  const auditIssues: string[] = [];
  for (const id of ids) {
    const [row] = await db.query<{ status: string }[]>('SELECT status FROM requests WHERE id = $1', [id]);
    if (row?.status !== 'approved') notFinal.push(`${id}: ${row?.status}`);
    const seqs = await db.query<{ seq: number }[]>('SELECT seq FROM transitions WHERE request_id = $1 ORDER BY seq', [
      id,
    ]);
    if (seqs.some((r, i) => Number(r.seq) !== i + 1)) gaps.push(id);
    const doubled = await db.query<{ step_id: string; n: string }[]>(
      `SELECT step_id, count(*) AS n FROM transitions WHERE request_id = $1 AND outcome IS NOT NULL
       GROUP BY step_id, event HAVING count(*) > 1`,
      [id],
    );
    for (const d of doubled) duplicates.push(`${id}: ${d.step_id} x${d.n}`);
    const verified = await auditor.verify(id);
    for (const issue of verified.issues) auditIssues.push(`${id}: ${issue.kind} at ${issue.seq}: ${issue.message}`);
  }
  await connection.close();
  await db.destroy();
  return { verified: ids.length, notFinal, gaps, duplicates, auditIssues };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
