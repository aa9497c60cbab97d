/** Why someone is told: their action is needed, a decision or deemed outcome, a due date near, or breached. */
export type NotificationKind =
  'action-needed' | 'decision' | 'deemed' | 'due-soon' | 'breach' | 'migrated' | 'document-issued' | 'document-changed';

export type Channel = 'email' | 'webhook' | 'in-app';
export const CHANNELS: readonly Channel[] = ['email', 'webhook', 'in-app'];

// The served languages are the domain's: definitions' labels are written in the same ones.
import type { Language, LocalizedText } from '@onewindow/domain';
export { LANGUAGES, type Language } from '@onewindow/domain';

/** Who should hear: a known user, the clerks of a department, or the supervisors over a department. */
export type Audience = { userId: string } | { clerksOf: string } | { supervisorsOf: string | null };

/** A notification decided on, before it is addressed to people and channels. */
export interface PlannedNotification {
  /** Unique per cause; the recipient is appended, so each person hears of each cause once. */
  cause: string;
  kind: NotificationKind;
  audience: Audience[];
  requestId: string;
  seq: number | null;
  facts: NotificationFacts;
}

/** What the templates say: the request, the step, what happened. */
export interface NotificationFacts {
  requestTitle: string;
  requestId: string;
  event: string;
  stepId: string | null;
  /** Labels from the definition, in every language until a recipient's is chosen. */
  stepTitle: LocalizedText | null;
  outcome: string | null;
  status: string;
  dueAt: string | null;
  items: LocalizedText[];
  /** For an issued document: which, its number and the code that verifies it. */
  document?: { kind: string; number: string; verificationCode: string };
  /** For an issued document whose status changed (revoked, suspended, reinstated, varied, expired): to what, why. */
  documentChange?: { kind: string; status: string; reason: string };
}

/** A user's notification preferences; users without any get in-app notifications in English. */
export interface Preferences {
  userId: string;
  role: string;
  department: string | null;
  language: Language;
  channels: Channel[];
  email: string | null;
  webhookUrl: string | null;
  webhookSecret: string | null;
}
