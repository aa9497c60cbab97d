import type { DocumentIssuer, RecordActivities, RecordResult, TransitionBatch } from '@onewindow/contracts';
import { planNotifications } from '@onewindow/notifications';
import { appendTransitions } from '@onewindow/persistence';
import type { DataSource } from 'typeorm';
import { enqueueNotifications } from './notification.activities';

export interface RecordActivityDeps {
  db: DataSource;
  /** Renders, signs and stores the documents a batch issues, inside its recording transaction. */
  issuer?: DocumentIssuer;
}

/**
 * Records one batch of the workflow's transitions in one database transaction: appends them to the case's hash
 * chain (issuing the documents they name, moving the read model), then enqueues the notifications they cause, so
 * an acknowledged action's notices commit or roll back with it. A retried batch appends nothing and notifies
 * no one twice.
 */
export function recordTransitions(
  db: DataSource,
  batch: TransitionBatch,
  issuer?: DocumentIssuer,
): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const appended = await appendTransitions(tx, batch, issuer);
    const { requestId, title, applicantId } = batch.request;
    const planned = planNotifications(
      { requestId, title, applicantId, coApplicants: appended.coApplicants },
      batch.state,
      appended.transitions,
    );
    await enqueueNotifications(tx, planned);
    return { recorded: appended.transitions.length, lastSeq: appended.lastSeq };
  });
}

/** The activities the approval workflow calls. */
export function createRecordActivities({ db, issuer }: RecordActivityDeps): RecordActivities {
  return { recordTransitions: (batch) => recordTransitions(db, batch, issuer) };
}
