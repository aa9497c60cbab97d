// Throughput on the Temporal cluster with one and with two OneWindow workers: building permits driven
// from submission to issuance through two API replicas, with the CPU each kind of process used.
// `npm run bench:cluster -- [--cases 60] [--concurrency 20]`
import { DATABASE_NAME, loadConfig } from '@onewindow/config';
import { ensurePostgres, recreateDatabase, SupervisedProcess } from '@onewindow/devstack';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startClusterStack } from '../scripts/cluster-stack';
import { PermitClient, runPermitCase } from '../scripts/permit-client';

const { values: args } = parseArgs({
  options: { cases: { type: 'string', default: '60' }, concurrency: { type: 'string', default: '20' } },
});
const CASES = Number(args.cases);
const CONCURRENCY = Number(args.concurrency);
const ACTIONS_PER_CASE = 8;
const log = (line: string) => console.log(`[bench:cluster] ${line}`);

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
const cpuOf = (processes: SupervisedProcess[]) => processes.reduce((sum, p) => sum + cpuSeconds(p.pid()), 0);

async function drive(client: PermitClient, cases: number, concurrency: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < cases) await runPermitCase(client, next++);
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

async function measure(workers: number) {
  const config = loadConfig();
  const postgres = await ensurePostgres({
    databaseUrl: config.DATABASE_URL,
    dataDir: join(config.dataDir, 'postgres'),
    port: config.EMBEDDED_PG_PORT,
    database: DATABASE_NAME,
    log,
  });
  const databaseUrl = await recreateDatabase(postgres.url, `${DATABASE_NAME}_bench_cluster`);
  const stack = await startClusterStack({
    config,
    databaseUrl,
    temporalPorts: { grpcBase: config.TEMPORAL_DEV_PORT, membershipBase: config.TEMPORAL_MEMBERSHIP_PORT },
    apiPorts: [config.API_PORT, config.API_PORT + 10],
    workers,
    dir: join(config.dataDir, 'bench-cluster'),
    log,
    output: () => undefined,
  });
  try {
    const client = new PermitClient(stack.apis.map((a) => a.url));
    await drive(client, 4, 4); // warm-up: connections, caches, the JIT
    const groups = {
      workers: stack.workers,
      apis: stack.apis.map((a) => a.process),
      temporal: Object.values(stack.temporal.services),
    };
    const before = Object.fromEntries(Object.entries(groups).map(([k, g]) => [k, cpuOf(g)]));
    const started = Date.now();
    await drive(client, CASES, CONCURRENCY);
    const seconds = (Date.now() - started) / 1000;
    const cpu = Object.fromEntries(
      Object.entries(groups).map(([k, g]) => [k, Number(((cpuOf(g) - before[k]) / CASES).toFixed(3))]),
    );
    return {
      workers,
      cases: CASES,
      concurrency: CONCURRENCY,
      seconds: Number(seconds.toFixed(1)),
      casesPerSecond: Number((CASES / seconds).toFixed(2)),
      actionsPerSecond: Number(((CASES * ACTIONS_PER_CASE) / seconds).toFixed(1)),
      cpuSecondsPerCase: cpu,
      loadAverage1m: Number(loadavg()[0].toFixed(1)),
      errors: Object.fromEntries(client.errors),
    };
  } finally {
    await stack.stop();
    await postgres.stop();
  }
}

async function main(): Promise<void> {
  const results = [];
  for (const workers of [1, 2]) {
    log(`${CASES} cases, ${CONCURRENCY} at a time, ${workers} worker(s)`);
    results.push(await measure(workers));
    log(JSON.stringify(results[results.length - 1]));
  }
  const [one, two] = results;
  console.log(
    JSON.stringify({ results, speedUp: Number((two.casesPerSecond / one.casesPerSecond).toFixed(2)) }, null, 2),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
