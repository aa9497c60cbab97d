import type { Client } from '@temporalio/client';
import { baselineWorkflow, stepUpdate } from '../baseline/baseline.workflow';
import { Progress } from '../support/progress';
import { msSince } from '../support/stats';
import { actionCount, planFor } from './case-plans';
import { LaneOutcome, runLanes } from './lanes';

export interface BaselineResult extends LaneOutcome {
  workflowIds: string[];
  updateLatencies: number[];
  updates: number;
}

/**
 * The same cases as the OneWindow driver, shape for shape (same inputs per case, same joint rounds,
 * same timer waits), against the bare workflow through the Temporal client.
 */
export async function driveBaseline(
  client: Client,
  taskQueue: string,
  opts: { count: number; concurrency: number; label: string; run: string },
): Promise<BaselineResult> {
  const workflowIds: string[] = [];
  const updateLatencies: number[] = [];
  let updates = 0;
  const lanes = await runLanes(
    opts.count,
    opts.concurrency,
    async (index) => {
      const plan = planFor(index);
      const workflowId = `baseline-${opts.run}-${index}`;
      const handle = await client.workflow.start(baselineWorkflow, {
        taskQueue,
        workflowId,
        args: [actionCount(plan)],
      });
      workflowIds.push(workflowId);
      for (const round of plan.rounds) {
        if ('awaitStep' in round) {
          if (round.baselineWaitMs > 0) await new Promise((resolve) => setTimeout(resolve, round.baselineWaitMs));
          continue;
        }
        await Promise.all(
          round.actions.map(async (action) => {
            const started = process.hrtime.bigint();
            await handle.executeUpdate(stepUpdate, { args: [action.stepId] });
            updateLatencies.push(msSince(started));
            updates += 1;
          }),
        );
      }
    },
    new Progress(opts.label, opts.count, ' workflows'),
  );
  return { ...lanes, workflowIds, updateLatencies, updates };
}
