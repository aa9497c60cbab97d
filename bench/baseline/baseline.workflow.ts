// The baseline: the least a Temporal workflow can do for the same inputs. Bundled on its own, apart
// from the approval workflow, and run by its own worker on the same Temporal server.
import { allHandlersFinished, condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

export interface BaselineActivities {
  noop(): Promise<void>;
}

/** One input of the case (a decision, a payment): runs one no-op activity, then answers. */
export const stepUpdate = defineUpdate<number, [string]>('step');

const { noop } = proxyActivities<BaselineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

/** Takes `inputs` Updates, each running one no-op activity; like the approval workflow, records its start too. */
export async function baselineWorkflow(inputs: number): Promise<number> {
  let handled = 0;
  setHandler(stepUpdate, async () => {
    await noop();
    return ++handled;
  });
  await noop();
  await condition(() => handled >= inputs);
  await condition(allHandlersFinished);
  return handled;
}
