import type { RecordActivities } from '@onewindow/contracts';
import type { TransitionLogRepository } from '@onewindow/persistence';

export interface RecordActivityDeps {
  transitionLog: Pick<TransitionLogRepository, 'record'>;
}

/** Activities that write the workflow's transitions to PostgreSQL; the repository makes retries harmless. */
export function createRecordActivities({ transitionLog }: RecordActivityDeps): RecordActivities {
  return {
    recordTransitions: (batch) => transitionLog.record(batch),
  };
}
