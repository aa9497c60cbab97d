import { Progress } from '../support/progress';

export interface LaneOutcome {
  completed: number;
  failed: number;
  /** The first few failures, for the report. */
  errors: string[];
  elapsedMs: number;
}

/** Runs `count` cases through `concurrency` lanes, each lane one case at a time; a failed case does not stop the run. */
export async function runLanes(
  count: number,
  concurrency: number,
  runCase: (index: number) => Promise<void>,
  progress?: Progress,
): Promise<LaneOutcome> {
  let next = 0;
  let completed = 0;
  let failed = 0;
  const errors: string[] = [];
  const started = process.hrtime.bigint();
  const lane = async () => {
    while (next < count) {
      const index = next++;
      try {
        await runCase(index);
        completed += 1;
      } catch (error) {
        failed += 1;
        if (errors.length < 5) errors.push(error instanceof Error ? error.message : String(error));
      }
      progress?.tick();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  progress?.finish(failed > 0 ? `(${failed} failed)` : '');
  return { completed, failed, errors, elapsedMs: Number(process.hrtime.bigint() - started) / 1e6 };
}
