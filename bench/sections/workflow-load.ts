import { BenchStack } from '../stack';
import { driveBaseline } from '../load/baseline-driver';
import { CASE_PLANS } from '../load/case-plans';
import { OneWindowDriver } from '../load/onewindow-driver';
import { approvalWorkflowId } from '@onewindow/contracts';
import { CpuSnapshot, withCpu } from '../support/cpu';
import { HistorySize, historySize } from '../support/history-size';
import { announce } from '../support/progress';
import { LatencySummary, ratio, round, summarize } from '../support/stats';

export interface ThroughputResult {
  requests: number;
  concurrency: number;
  onewindow: {
    completed: number;
    failed: number;
    errors: string[];
    seconds: number;
    requestsPerSecond: number;
    transitions: number;
    transitionsPerSecond: number;
    httpCalls: number;
    statusPolls: number;
    decisionLatencyUnderLoad: LatencySummary;
    cpuSeconds: CpuSnapshot;
    history: HistorySize;
  };
  baseline: {
    completed: number;
    failed: number;
    errors: string[];
    seconds: number;
    requestsPerSecond: number;
    updates: number;
    updatesPerSecond: number;
    updateLatencyUnderLoad: LatencySummary;
    cpuSeconds: CpuSnapshot;
    history: HistorySize;
  };
  ratio: number;
  target: string;
  met: boolean;
}

export interface LatencyResult {
  requests: number;
  concurrency: number;
  httpDecision: LatencySummary;
  bareUpdate: LatencySummary;
  submit: LatencySummary;
  ratioP99: number;
  ratioP50: number;
  target: string;
  met: boolean;
  failed: number;
  errors: string[];
}

/** A few cases of each definition through both paths first, so neither side pays for cold code. */
export async function warmUp(stack: BenchStack, driver: OneWindowDriver): Promise<string[]> {
  const count = CASE_PLANS.length * 2;
  const ours = await driver.drive({ count, concurrency: CASE_PLANS.length, label: 'warm-up onewindow' });
  await driveBaseline(stack.client, stack.baselineTaskQueue, {
    count,
    concurrency: CASE_PLANS.length,
    label: 'warm-up baseline',
    run: 'warm-up',
  });
  if (ours.failed > 0) throw new Error(`The warm-up failed: ${ours.errors.join('; ')}`);
  return ours.requestIds;
}

export async function measureThroughput(
  stack: BenchStack,
  driver: OneWindowDriver,
  opts: { requests: number; concurrency: number },
): Promise<{ result: ThroughputResult; requestIds: string[] }> {
  announce(`throughput: ${opts.requests} requests at concurrency ${opts.concurrency}, baseline first`);
  const base = await withCpu(stack, () =>
    driveBaseline(stack.client, stack.baselineTaskQueue, {
      count: opts.requests,
      concurrency: opts.concurrency,
      label: 'baseline',
      run: 'throughput',
    }),
  );
  const ours = await withCpu(stack, () =>
    driver.drive({ count: opts.requests, concurrency: opts.concurrency, label: 'onewindow' }),
  );
  const transitions = await countTransitions(stack, ours.result.requestIds);
  const oursSeconds = ours.result.elapsedMs / 1000;
  const baseSeconds = base.result.elapsedMs / 1000;
  const oursRate = ours.result.completed / oursSeconds;
  const baseRate = base.result.completed / baseSeconds;
  const r = ratio(oursRate, baseRate);
  // A sample of whole cases, the same mix of definitions on both sides.
  const sample = Math.min(opts.requests, 30);
  const oursHistory = await historySize(stack.client, ours.result.requestIds.slice(0, sample).map(approvalWorkflowId));
  const baseHistory = await historySize(stack.client, base.result.workflowIds.slice(0, sample));
  return {
    requestIds: ours.result.requestIds,
    result: {
      requests: opts.requests,
      concurrency: opts.concurrency,
      onewindow: {
        completed: ours.result.completed,
        failed: ours.result.failed,
        errors: ours.result.errors,
        seconds: round(oursSeconds),
        requestsPerSecond: round(oursRate),
        transitions,
        transitionsPerSecond: round(transitions / oursSeconds),
        httpCalls: ours.result.httpCalls,
        statusPolls: ours.result.statusPolls,
        decisionLatencyUnderLoad: summarize(ours.result.decisionLatencies),
        cpuSeconds: ours.cpu,
        history: oursHistory,
      },
      baseline: {
        completed: base.result.completed,
        failed: base.result.failed,
        errors: base.result.errors,
        seconds: round(baseSeconds),
        requestsPerSecond: round(baseRate),
        updates: base.result.updates,
        updatesPerSecond: round(base.result.updates / baseSeconds),
        updateLatencyUnderLoad: summarize(base.result.updateLatencies),
        cpuSeconds: base.cpu,
        history: baseHistory,
      },
      ratio: r,
      target: '>= 0.7x bare Temporal',
      met: r >= 0.7 && ours.result.failed === 0,
    },
  };
}

export async function measureLatency(
  stack: BenchStack,
  driver: OneWindowDriver,
  opts: { requests: number; concurrency: number },
): Promise<{ result: LatencyResult; requestIds: string[] }> {
  announce(`clerk latency: decisions of ${opts.requests} requests at concurrency ${opts.concurrency}`);
  const base = await driveBaseline(stack.client, stack.baselineTaskQueue, {
    count: opts.requests,
    concurrency: opts.concurrency,
    label: 'baseline',
    run: 'latency',
  });
  const ours = await driver.drive({ count: opts.requests, concurrency: opts.concurrency, label: 'onewindow' });
  const httpDecision = summarize(ours.decisionLatencies);
  const bareUpdate = summarize(base.updateLatencies);
  const ratioP99 = ratio(httpDecision.p99, bareUpdate.p99);
  return {
    requestIds: ours.requestIds,
    result: {
      requests: opts.requests,
      concurrency: opts.concurrency,
      httpDecision,
      bareUpdate,
      submit: summarize(ours.submitLatencies),
      ratioP99,
      ratioP50: ratio(httpDecision.p50, bareUpdate.p50),
      target: 'p99 <= 1.5x bare Update p99',
      met: ratioP99 <= 1.5 && ours.failed === 0,
      failed: ours.failed + base.failed,
      errors: [...ours.errors, ...base.errors],
    },
  };
}

async function countTransitions(stack: BenchStack, requestIds: string[]): Promise<number> {
  const { rows } = await stack.pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM transitions WHERE request_id = ANY($1::uuid[])',
    [requestIds],
  );
  return Number(rows[0].n);
}
