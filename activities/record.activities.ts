import type { DocumentIssuer, RecordActivities } from '@onewindow/contracts';
import type { ConsulteeLinks } from '@onewindow/notifications';
import type { TransitionLogRepository } from '@onewindow/persistence';

export interface RecordActivityDeps {
  transitionLog: Pick<TransitionLogRepository, 'record'>;
  /** Renders, signs and stores the documents a batch issues, inside its recording transaction. */
  issuer: DocumentIssuer;
  /** Signs the links that invite consultee bodies, emailed in the recording transaction. */
  links: ConsulteeLinks;
}

/** Activities that write the workflow's transitions to PostgreSQL; the repository makes retries harmless. */
export function createRecordActivities({ transitionLog, issuer, links }: RecordActivityDeps): RecordActivities {
  return {
    recordTransitions: (batch) => transitionLog.record(batch, issuer, links),
  };
}
