import type { Audience, Channel, Language, PlannedNotification, Preferences } from './notification.types';
import { render, type CaseReading } from './templates';

/** One message to one person on one channel, written in their language, ready for the outbox. */
export interface OutboxDraft {
  /** The cause and the recipient: a retried recording or a second reminder pass adds nothing. */
  dedupeKey: string;
  channel: Channel;
  recipientId: string;
  requestId: string;
  seq: number | null;
  kind: string;
  language: Language;
  /** The email address or webhook URL; none in-app. */
  address: string | null;
  subject: string;
  body: string;
  payload: Record<string, unknown>;
}

/** Whose preferences addressing `planned` needs: the people it names and the departments whose clerks it names. */
export function audiencesOf(planned: PlannedNotification[]): { userIds: string[]; departments: string[] } {
  const audiences = planned.flatMap((p) => p.audience);
  return {
    userIds: audiences.flatMap((a) => ('userId' in a ? [a.userId] : [])),
    departments: audiences.flatMap((a) => ('clerksOf' in a ? [a.clerksOf] : [])),
  };
}

/**
 * Addresses planned notifications to people and their channels, each in the recipient's language, as its case is
 * read (`readingOf`: deadlines in the jurisdiction's zone, outcomes named as its definition names them; UTC and
 * general words when unknown). `known` holds the preferences of the people and roles the audiences name; a named
 * person without preferences hears in-app, in English.
 */
export function addressNotifications(
  planned: PlannedNotification[],
  known: Preferences[],
  readingOf: ReadonlyMap<string, CaseReading>,
): OutboxDraft[] {
  const drafts: OutboxDraft[] = [];
  for (const p of planned) {
    const recipients = new Map<string, Preferences>();
    for (const audience of p.audience) for (const r of resolve(audience, known)) recipients.set(r.userId, r);
    for (const r of recipients.values()) {
      const { subject, body } = render(p.kind, r.language, p.facts, readingOf.get(p.requestId));
      for (const channel of r.channels) {
        const address = channel === 'email' ? r.email : channel === 'webhook' ? r.webhookUrl : null;
        if (channel !== 'in-app' && !address) continue;
        drafts.push({
          dedupeKey: `${p.cause}:${r.userId}`,
          channel,
          recipientId: r.userId,
          requestId: p.requestId,
          seq: p.seq,
          kind: p.kind,
          language: r.language,
          address,
          subject,
          body,
          payload: { kind: p.kind, ...p.facts },
        });
      }
    }
  }
  return drafts;
}

/** The people an audience names: known users (in-app in English without preferences), or by role and department. */
function resolve(audience: Audience, known: Preferences[]): Preferences[] {
  if ('userId' in audience) {
    return [known.find((k) => k.userId === audience.userId) ?? defaults(audience.userId)];
  }
  if ('clerksOf' in audience) return known.filter((k) => k.role === 'clerk' && k.department === audience.clerksOf);
  const over = audience.supervisorsOf;
  return known.filter(
    (k) => k.role === 'supervisor' && (k.department === null || over === null || k.department === over),
  );
}

function defaults(userId: string): Preferences {
  return {
    userId,
    role: 'unknown',
    department: null,
    language: 'en',
    channels: ['in-app'],
    email: null,
    webhookUrl: null,
    webhookSecret: null,
  };
}
