import type { Client } from '@temporalio/client';

/** A worker long-polls for up to a minute; one that has not polled for longer than this is gone. */
const POLLED_WITHIN_MS = 90_000;
/** How long one answer holds: a range verification asks once per task queue, not once per case. */
const REMEMBER_MS = 5_000;

/**
 * Whether a worker polls a task queue now. A running workflow whose queue nobody polls never answers a
 * query, so the auditor asks this first instead of waiting out the query's deadline.
 */
export class WorkerPresence {
  private readonly answers = new Map<string, { at: number; polled: Promise<boolean> }>();

  constructor(private readonly client: Client) {}

  polled(taskQueue: string): Promise<boolean> {
    const now = Date.now();
    const known = this.answers.get(taskQueue);
    if (known && now - known.at < REMEMBER_MS) return known.polled;
    const polled = this.ask(taskQueue, now);
    this.answers.set(taskQueue, { at: now, polled });
    return polled;
  }

  private async ask(taskQueue: string, now: number): Promise<boolean> {
    try {
      const { pollers } = await this.client.workflowService.describeTaskQueue({
        namespace: this.client.options.namespace,
        taskQueue: { name: taskQueue },
        taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW: queries are answered by workflow workers
      });
      return (pollers ?? []).some((poller) => {
        const seconds = Number(poller.lastAccessTime?.seconds ?? 0);
        return now - seconds * 1000 <= POLLED_WITHIN_MS;
      });
    } catch {
      // Not knowing is no reason to skip the query: it has its own deadline.
      return true;
    }
  }
}
