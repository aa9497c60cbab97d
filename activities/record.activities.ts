import type { DocumentIssuer, RecordActivities, RecordResult, TransitionBatch } from '@onewindow/contracts';
import { planNotifications, type ConsulteeLinks } from '@onewindow/notifications';
import { appendTransitions, ConsulteeRepository } from '@onewindow/persistence';
import type { DataSource } from 'typeorm';
import { enqueueNotifications } from './notification.activities';

export interface RecordActivityDeps {
  db: DataSource;
  /** Renders, signs and stores the documents a batch issues, inside its recording transaction. */
  issuer?: DocumentIssuer;
  /** Signs the links that invite consultee bodies, emailed in the recording transaction. */
  links?: ConsulteeLinks;
}

/**
 * Records one batch of the workflow's transitions in one database transaction: appends them to the case's hash
 * chain (issuing the documents they name, moving the read model), then enqueues the notifications they cause and
 * the invitations of the consultee bodies they consult, so an acknowledged action's messages commit or roll back
 * with it. A retried batch appends nothing and sends nothing twice.
 */
export function recordTransitions(
  db: DataSource,
  batch: TransitionBatch,
  { issuer, links }: Omit<RecordActivityDeps, 'db'> = {},
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
    if (links) await ConsulteeRepository.enqueueInvitations(tx, batch, appended.transitions, links);
    return { recorded: appended.transitions.length, lastSeq: appended.lastSeq };
  });
}

/** The activities the approval workflow calls. */
export function createRecordActivities({ db, ...deps }: RecordActivityDeps): RecordActivities {
  return { recordTransitions: (batch) => recordTransitions(db, batch, deps) };
}
