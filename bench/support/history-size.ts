import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { round } from './stats';

export interface HistorySize {
  workflows: number;
  eventsPerWorkflow: number;
  bytesPerWorkflow: number;
  /** Event counts by type, per workflow. */
  eventTypes: Record<string, number>;
}

/** What the workflows cost Temporal: history events and their encoded size, averaged. */
export async function historySize(client: Client, workflowIds: readonly string[]): Promise<HistorySize> {
  let events = 0;
  let bytes = 0;
  const types: Record<string, number> = {};
  for (const workflowId of workflowIds) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    events += history.events?.length ?? 0;
    bytes += temporal.api.history.v1.History.encode(history).finish().length;
    for (const event of history.events ?? []) {
      const type = temporal.api.enums.v1.EventType[event.eventType ?? 0].replace(/^EVENT_TYPE_/, '');
      types[type] = (types[type] ?? 0) + 1;
    }
  }
  const n = Math.max(1, workflowIds.length);
  return {
    workflows: workflowIds.length,
    eventsPerWorkflow: round(events / n, 1),
    bytesPerWorkflow: Math.round(bytes / n),
    eventTypes: Object.fromEntries(
      Object.entries(types)
        .sort((a, b) => b[1] - a[1])
        .map(([type, count]) => [type, round(count / n, 1)]),
    ),
  };
}
