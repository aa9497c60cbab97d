// `npm run bench`: OneWindow against bare Temporal (and the API against itself) on one machine, same run.
import 'reflect-metadata';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { mkdir } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { publishBenchDefinitions } from './load/bench-definitions';
import { HttpClient } from './load/http-client';
import { OneWindowDriver } from './load/onewindow-driver';
import { BenchResults, formatTable, writeResults } from './report';
import { measureAudit } from './sections/audit';
import { measureDocuments } from './sections/documents';
import { processMemory, storagePerCase } from './sections/resources';
import { measureScale } from './sections/scale';
import { measureStatusReads } from './sections/status-reads';
import { measureWeb } from './sections/web';
import { measureLatency, measureThroughput, warmUp } from './sections/workflow-load';
import { BenchStack, profilePath, startStack } from './stack';
import { ProfileSummary, summarizeProfile } from './support/profile-summary';
import { parseOptions } from './support/options';
import { announce } from './support/progress';

const APPLICANT = 'acme-battery';

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), process.env);
  // The audit's replay runs a worker in this process; its state changes are not news.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const started = Date.now();
  const results: BenchResults = {
    startedAt: new Date(started).toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    options,
    resources: {},
    loadAverage: { start: loadavg() },
    errors: [],
  };
  announce(`${options.quick ? 'quick' : 'full'} run: ${options.sections.join(', ')}; results in ${outDir}`);

  const stack = await startStack(outDir, { profile: options.profile });
  const stop = () => void stack.stop({ keepDatabase: false }).then(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const http = new HttpClient(stack.apiUrl);
  try {
    results.machine = { ...results.machine, ...(await describeServers(stack)) };
    await runSections(stack, http, options, results);
  } catch (error) {
    results.errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    console.error(error);
  } finally {
    results.resources.processes = await processMemory(stack);
    results.loadAverage.end = loadavg();
    results.finishedAt = new Date().toISOString();
    results.seconds = Math.round((Date.now() - started) / 1000);
    http.close();
    await stack.stop({ keepDatabase: options.keepDatabase });
    if (options.profile) results.profiles = await summarizeProfiles(outDir);
    const file = await writeResults(outDir, results);
    console.log(`\n${formatTable(results)}\n\nResults: ${file} (${results.seconds}s)`);
  }
  return results.errors.length > 0 ? 1 : 0;
}

async function runSections(
  stack: BenchStack,
  http: HttpClient,
  options: ReturnType<typeof parseOptions>,
  results: BenchResults,
): Promise<void> {
  const driver = new OneWindowDriver(http);
  await publishBenchDefinitions(http);
  const mark = (section: string) => (results.loadAverage[section] = loadavg());
  const finished = await warmUp(stack, driver);
  if (options.sections.includes('throughput')) {
    mark('throughput');
    const { result, requestIds } = await measureThroughput(stack, driver, options);
    results.throughput = result;
    finished.push(...requestIds);
  }
  if (options.sections.includes('latency')) {
    mark('latency');
    const { result, requestIds } = await measureLatency(stack, driver, {
      requests: options.latencyRequests,
      concurrency: options.latencyConcurrency,
    });
    results.latency = result;
    finished.push(...requestIds);
  }
  results.resources.storage = await storagePerCase(stack);
  if (options.sections.includes('reads')) {
    mark('reads');
    results.reads = await measureStatusReads(stack, http, {
      seconds: options.readSeconds,
      connections: options.readConnections,
      requestIds: finished,
      applicant: APPLICANT,
    });
  }
  if (options.sections.includes('audit')) {
    const missing = options.auditCases - finished.length;
    if (missing > 0) {
      announce(`audit: ${missing} more finished cases first (untimed)`);
      const more = await driver.drive({
        count: missing,
        concurrency: Math.max(options.concurrency, 16),
        label: 'cases',
      });
      finished.push(...more.requestIds);
    }
    mark('audit');
    results.audit = await measureAudit(stack, options.auditCases);
  }
  if (options.sections.includes('scale')) {
    mark('scale');
    results.scale = await measureScale(stack, http, {
      openTasks: options.openTasks,
      transitions: options.transitions,
      queries: options.queueQueries,
      applicant: APPLICANT,
    });
  }
  if (options.sections.includes('web')) {
    mark('web');
    results.web = await measureWeb(stack, http, {
      loads: options.pageLoads,
      requestId: finished[0],
      applicant: APPLICANT,
      distDir: stack.webDistDir,
    });
  }
  // Last: it republishes the definitions without notices.
  if (options.sections.includes('documents')) {
    mark('documents');
    results.documents = await measureDocuments(stack, driver, http, {
      requests: options.requests,
      concurrency: options.concurrency,
    });
  }
}

/** Where the api's and the worker's main threads spent their time (profiles are written when they stop). */
async function summarizeProfiles(outDir: string): Promise<Record<string, ProfileSummary | string>> {
  const summaries: Record<string, ProfileSummary | string> = {};
  for (const name of ['api', 'worker']) {
    summaries[name] = await summarizeProfile(profilePath(outDir, name)).catch(
      (e: unknown) => `no profile: ${String(e)}`,
    );
  }
  return summaries;
}

async function describeServers(stack: BenchStack): Promise<Record<string, unknown>> {
  const { rows } = await stack.pool.query<{ version: string }>('SELECT version()');
  const info = await stack.client.workflowService.getSystemInfo({});
  return {
    postgres: rows[0].version,
    temporalServer: info.serverVersion,
    temporal: stack.temporalStartedHere
      ? 'own dev server (temporal server start-dev, in-memory)'
      : stack.temporalAddress,
  };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
