import type { BenchStack } from '../stack';
import { sampleProcess } from '../support/processes';
import { round } from '../support/stats';

export interface ProcessMemory {
  peakRssMiB: number;
  rssMiB: number;
}

export interface StorageResult {
  cases: number;
  tables: Array<{
    table: string;
    rows: number;
    rowsPerCase: number;
    /** Heap, TOAST and indexes on disk. */
    totalBytes: number;
    bytesPerCase: number;
    /** The rows' own data (pg_column_size), without page and index overhead. */
    dataBytesPerCase: number;
  }>;
  bytesPerCase: number;
  dataBytesPerCase: number;
}

/** Peak and current RSS of the api, the worker and the baseline worker (VmHWM: the kernel's high-water mark). */
export async function processMemory(stack: BenchStack): Promise<Record<string, ProcessMemory | null>> {
  const memory: Record<string, ProcessMemory | null> = {};
  const processes = { api: stack.api.pid, worker: stack.worker.pid, baselineWorker: stack.baselineWorker.pid };
  for (const [name, pid] of Object.entries({ ...processes, temporal: stack.temporalPid })) {
    const sample = pid ? await sampleProcess(pid) : undefined;
    memory[name] = sample ? { peakRssMiB: round(sample.peakRssMiB, 1), rssMiB: round(sample.rssMiB, 1) } : null;
  }
  return memory;
}

const TABLES = ['requests', 'transitions', 'open_tasks'] as const;

/** What the cases so far cost PostgreSQL: rows and bytes per case, per table. */
export async function storagePerCase(stack: BenchStack): Promise<StorageResult> {
  const { rows: counted } = await stack.pool.query<{ n: string }>('SELECT count(*) AS n FROM requests');
  const cases = Number(counted[0].n);
  const tables: StorageResult['tables'] = [];
  for (const table of TABLES) {
    await stack.pool.query(`VACUUM (ANALYZE) ${table}`);
    const { rows } = await stack.pool.query<{ n: string; total: string; data: string | null }>(
      `SELECT count(*) AS n, pg_total_relation_size('${table}') AS total, sum(pg_column_size(t.*)) AS data FROM ${table} t`,
    );
    const n = Number(rows[0].n);
    const total = Number(rows[0].total);
    tables.push({
      table,
      rows: n,
      rowsPerCase: round(n / cases),
      totalBytes: total,
      bytesPerCase: Math.round(total / cases),
      dataBytesPerCase: Math.round(Number(rows[0].data ?? 0) / cases),
    });
  }
  return {
    cases,
    tables,
    bytesPerCase: tables.reduce((sum, t) => sum + t.bytesPerCase, 0),
    dataBytesPerCase: tables.reduce((sum, t) => sum + t.dataBytesPerCase, 0),
  };
}
