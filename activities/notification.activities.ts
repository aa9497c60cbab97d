import { addressNotifications, audiencesOf, type PlannedNotification } from '@onewindow/notifications';
import { NotificationPreferencesRepository, OutboxRepository, RequestRepository } from '@onewindow/persistence';
import type { EntityManager } from 'typeorm';

/**
 * Addresses planned notifications to the people they concern, on their channels and in their languages, and puts
 * them in the outbox inside `tx`: the transaction that records their cause, so they commit or roll back with it.
 * Returns how many were new.
 */
export async function enqueueNotifications(tx: EntityManager, planned: PlannedNotification[]): Promise<number> {
  if (planned.length === 0) return 0;
  const known = await NotificationPreferencesRepository.forAudiences(tx, audiencesOf(planned));
  const readings = await RequestRepository.readingsOf(
    tx,
    planned.map((p) => p.requestId),
  );
  return OutboxRepository.append(tx, addressNotifications(planned, known, readings));
}
