import { buildingPermitDefinition, gridConnectionDefinition, type ProcessDefinition } from '@onewindow/domain';
import { benchLandUseDefinition } from '../load/bench-definitions';
import type { HttpClient } from '../load/http-client';
import type { OneWindowDriver } from '../load/onewindow-driver';
import type { BenchStack } from '../stack';
import { CpuSnapshot, withCpu } from '../support/cpu';
import { announce } from '../support/progress';
import { round } from '../support/stats';

export interface DocumentsResult {
  requests: number;
  concurrency: number;
  /** The same mix of cases, first issuing their papers as the definitions declare, then with none declared. */
  on: RunFigures & { documentsIssued: number };
  off: RunFigures;
  /** Throughput with documents on as a share of throughput with them off. */
  ratio: number;
}

interface RunFigures {
  completed: number;
  failed: number;
  seconds: number;
  requestsPerSecond: number;
  cpuSeconds: CpuSnapshot;
}

/**
 * What issuing papers costs the whole path: the case mix driven once with the built-in definitions' notices
 * (receipts, notices, decisions, permits rendered, signed and stored in the recording transactions), then again
 * after the same definitions are published as a new version declaring none. Runs last: later cases start on the
 * versions without notices.
 */
export async function measureDocuments(
  stack: BenchStack,
  driver: OneWindowDriver,
  http: HttpClient,
  opts: { requests: number; concurrency: number },
): Promise<DocumentsResult> {
  announce(`documents: ${opts.requests} requests at concurrency ${opts.concurrency} with papers, then without`);
  const on = await withCpu(stack, () =>
    driver.drive({ count: opts.requests, concurrency: opts.concurrency, label: 'documents on' }),
  );
  const { rows } = await stack.pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM issued_documents WHERE request_id = ANY($1)',
    [on.result.requestIds],
  );
  for (const definition of [buildingPermitDefinition, gridConnectionDefinition, benchLandUseDefinition]) {
    await publish(http, { ...definition, version: definition.version + 1, notices: [] });
  }
  const off = await withCpu(stack, () =>
    driver.drive({ count: opts.requests, concurrency: opts.concurrency, label: 'documents off' }),
  );
  const figures = (run: typeof on): RunFigures => {
    const seconds = run.result.elapsedMs / 1000;
    return {
      completed: run.result.completed,
      failed: run.result.failed,
      seconds: round(seconds),
      requestsPerSecond: round(run.result.completed / seconds),
      cpuSeconds: run.cpu,
    };
  };
  const withPapers = figures(on);
  const without = figures(off);
  return {
    ...opts,
    on: { ...withPapers, documentsIssued: Number(rows[0].n) },
    off: without,
    ratio: round(withPapers.requestsPerSecond / without.requestsPerSecond),
  };
}

async function publish(http: HttpClient, definition: ProcessDefinition): Promise<void> {
  const res = await http.as('admin', 'POST', '/definitions', { definition });
  if (res.status < 200 || res.status >= 300) {
    throw new Error(
      `Publishing ${definition.key} v${definition.version} answered ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
}
