import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditResult } from './sections/audit';
import type { ProcessMemory, StorageResult } from './sections/resources';
import type { ScaleResult } from './sections/scale';
import type { StatusReadsResult } from './sections/status-reads';
import type { DocumentsResult } from './sections/documents';
import type { WebResult } from './sections/web';
import type { LatencyResult, ThroughputResult } from './sections/workflow-load';
import type { CpuSnapshot } from './support/cpu';
import type { BenchOptions } from './support/options';
import type { ProfileSummary } from './support/profile-summary';

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  seconds?: number;
  machine: Record<string, unknown>;
  options: BenchOptions;
  throughput?: ThroughputResult;
  latency?: LatencyResult;
  reads?: StatusReadsResult;
  audit?: AuditResult | { available: false; reason: string };
  scale?: ScaleResult;
  web?: WebResult;
  documents?: DocumentsResult;
  resources: { processes?: Record<string, ProcessMemory | null>; storage?: StorageResult };
  /** Load average of the machine around each section: other work on it skews both sides of a ratio. */
  loadAverage: Record<string, number[]>;
  errors: string[];
  profiles?: Record<string, ProfileSummary | string>;
}

export async function writeResults(outDir: string, results: BenchResults): Promise<string> {
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const file = join(outDir, `bench-${stamp}.json`);
  const json = JSON.stringify(results, null, 2);
  await writeFile(file, json);
  await writeFile(join(outDir, 'latest.json'), json);
  return file;
}

const x = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}x` : 'n/a');
const yes = (met: boolean | undefined) => (met === undefined ? '-' : met ? 'met' : 'MISSED');

/** The table printed at the end of a run. */
export function formatTable(results: BenchResults): string {
  const rows: string[][] = [['measure', 'OneWindow', 'baseline', 'ratio', 'target', '']];
  const { throughput: t, latency: l, reads: r, audit: a, scale: s } = results;
  if (t) {
    rows.push([
      `throughput (${t.requests} req, c=${t.concurrency})`,
      `${t.onewindow.requestsPerSecond} req/s, ${t.onewindow.transitionsPerSecond} transitions/s`,
      `${t.baseline.requestsPerSecond} req/s, ${t.baseline.updatesPerSecond} updates/s`,
      x(t.ratio),
      t.target,
      yes(t.met),
    ]);
  }
  if (t) {
    const perCase = (cpu: CpuSnapshot, cases: number, worker: 'worker' | 'baselineWorker') => {
      const ms = (seconds: number) => Math.round((seconds * 1000) / Math.max(cases, 1));
      const parts = [ms(cpu.api), ms(cpu[worker]), ms(cpu.temporal), ms(cpu.postgres)];
      return `${parts.reduce((a, b) => a + b, 0)} ms (api ${parts[0]}, worker ${parts[1]}, Temporal ${parts[2]}, PostgreSQL ${parts[3]})`;
    };
    rows.push([
      'CPU per case in the throughput run',
      perCase(t.onewindow.cpuSeconds, t.onewindow.completed, 'worker'),
      perCase(t.baseline.cpuSeconds, t.baseline.completed, 'baselineWorker'),
      '',
      '',
      '',
    ]);
  }
  const d = results.documents;
  if (d) {
    rows.push([
      `documents on vs off (${d.requests} req, c=${d.concurrency})`,
      `${d.on.requestsPerSecond} req/s with ${d.on.documentsIssued} documents issued`,
      `${d.off.requestsPerSecond} req/s without`,
      x(d.ratio),
      '',
      '',
    ]);
  }
  if (l) {
    rows.push([
      `clerk decision (c=${l.concurrency})`,
      `p50 ${l.httpDecision.p50} / p95 ${l.httpDecision.p95} / p99 ${l.httpDecision.p99} ms`,
      `p50 ${l.bareUpdate.p50} / p95 ${l.bareUpdate.p95} / p99 ${l.bareUpdate.p99} ms`,
      x(l.ratioP99),
      l.target,
      yes(l.met),
    ]);
  }
  if (r) {
    rows.push([
      `status reads (${r.connections} conn)`,
      `${r.status.requestsPerSecond} req/s, p99 ${r.status.latencyMs.p99} ms`,
      `${r.constant.requestsPerSecond} req/s, p99 ${r.constant.latencyMs.p99} ms`,
      x(r.ratio),
      r.target,
      yes(r.met),
    ]);
  }
  if (s) {
    for (const q of s.queries) {
      rows.push([`${q.name} (SQL)`, `p50 ${q.latency.p50} / p99 ${q.latency.p99} ms`, '', '', '', '']);
    }
    for (const [name, l] of Object.entries(s.http.workQueue ?? {})) {
      rows.push([`GET /work-queue: ${name}`, `p50 ${l.p50} / p99 ${l.p99} ms`, '', '', '', '']);
    }
    rows.push([
      `scale (${s.seeded.openTasks} open tasks, ${s.seeded.transitions} transitions)`,
      `work queue p99 ${s.workQueueP99Ms} ms; status GET p99 ${s.http.status.p99} ms; seq scans: ${s.seqScansOnHotPaths.length}`,
      '',
      '',
      s.target,
      yes(s.met),
    ]);
  }
  if (a && 'cases' in a) {
    rows.push([
      `audit (${a.cases} cases)`,
      `verify-all ${a.verifyAll.casesPerSecond} cases/s`,
      `replay ${a.bareReplay.casesPerSecond} cases/s (+fetch ${a.historyFetch.casesPerSecond}/s)`,
      x(a.ratio),
      a.target,
      yes(a.met),
    ]);
  } else if (a) {
    rows.push(['audit', 'not available', '', '', a.reason, '-']);
  }
  const w = results.web;
  if (w) {
    for (const r of w.initialJs.routes) {
      rows.push([
        `initial JS, first visit of ${r.route}`,
        `${r.gzipKB} kB gzipped (${r.chunks} chunks, ${r.language})`,
        '',
        '',
        `<= ${w.initialJs.budgetKB} kB`,
        yes(r.withinBudget),
      ]);
    }
    const b = w.initialJs.browser;
    if (b) {
      rows.push([
        'browser, first visit of the request page',
        `${b.untilDataOnScreen.gzipKB} kB gzipped arrived when the status was on screen (${b.untilDataOnScreen.files} scripts); ` +
          `${b.beforeData.gzipKB} kB requested before its data came back (${b.beforeData.files})`,
        `${b.wholePage.gzipKB} kB once drawn in full (${b.wholePage.files} scripts)`,
        '',
        `<= ${w.initialJs.budgetKB} kB`,
        yes(b.withinBudget),
      ]);
    }
    const p = w.pageLoad;
    rows.push([
      `request page data on screen (${p.loads} loads)`,
      `p50 ${p.dataOnScreenMs.p50} / p95 ${p.dataOnScreenMs.p95} ms`,
      `API GET /requests/:id p50 ${p.apiMs.p50} / p95 ${p.apiMs.p95} ms`,
      '',
      '',
      '',
    ]);
  }
  const { processes, storage } = results.resources;
  if (processes) {
    const mem = Object.entries(processes)
      .map(([name, m]) => `${name} ${m ? `${m.peakRssMiB} MiB` : 'n/a'}`)
      .join(', ');
    rows.push(['peak RSS', mem, '', '', '', '']);
  }
  if (storage) {
    const perTable = storage.tables.map((t) => `${t.table} ${t.rowsPerCase} rows/${t.bytesPerCase} B`).join(', ');
    rows.push(['PostgreSQL per case', `${storage.bytesPerCase} B on disk (${perTable})`, '', '', '', '']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)].join('\n');
}
