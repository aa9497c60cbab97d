import type { BenchStack } from '../stack';
import { round } from './stats';
import { cpuOfProcessesNamed, sampleProcess } from './processes';

export type CpuSnapshot = Record<'api' | 'worker' | 'baselineWorker' | 'temporal' | 'postgres' | 'bench', number>;

/**
 * CPU seconds each process of the stack has used so far (Temporal only when this run started it;
 * `postgres` is every PostgreSQL process on this machine, so only a local server is measured).
 */
export async function cpuSnapshot(stack: BenchStack): Promise<CpuSnapshot> {
  const cpu = async (pid: number | undefined) => (pid ? ((await sampleProcess(pid))?.cpuSeconds ?? NaN) : NaN);
  const own = process.cpuUsage();
  return {
    api: await cpu(stack.api.pid),
    worker: await cpu(stack.worker.pid),
    baselineWorker: await cpu(stack.baselineWorker.pid),
    temporal: await cpu(stack.temporalPid),
    postgres: await cpuOfProcessesNamed('postgres'),
    bench: (own.user + own.system) / 1e6,
  };
}

/** CPU seconds each process spent between two snapshots. */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  const spent = {} as CpuSnapshot;
  for (const key of Object.keys(before) as Array<keyof CpuSnapshot>) spent[key] = round(after[key] - before[key]);
  return spent;
}

/** Runs `work`, returning its result with the CPU each process spent on it. */
export async function withCpu<T>(stack: BenchStack, work: () => Promise<T>): Promise<{ result: T; cpu: CpuSnapshot }> {
  const before = await cpuSnapshot(stack);
  const result = await work();
  return { result, cpu: cpuSpent(before, await cpuSnapshot(stack)) };
}
