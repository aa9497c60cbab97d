import { builtInCalendar, dueFrom } from '@onewindow/domain';
import { planReminder, type ConsulteeLinks, type PlannedNotification } from '@onewindow/notifications';
import type { ConsulteeRepository, OutboxRepository } from '@onewindow/persistence';
import type { ChannelSenders } from './channel-senders';

const DELIVERIES_PER_PASS = 100;

export interface DispatcherOptions {
  maxAttempts: number;
  retryBaseMs: number;
  pollIntervalMs: number;
  /** Working days before a step's due date at which its holder and supervisors are reminded. */
  reminderWorkingDays: number;
}

/** What reminding consultee bodies needs: their consultations awaiting an answer, and the links to send again. */
export interface ConsulteeReminders {
  repository: Pick<ConsulteeRepository, 'awaitingAnswerDueBetween' | 'remind'>;
  links: ConsulteeLinks;
}

/**
 * Delivers the outbox: one row at a time, each under its row lock, retried with exponential
 * backoff and parked after `maxAttempts`. Between passes it writes due-date reminders.
 */
export class NotificationDispatcher {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly outbox: OutboxRepository,
    /** Puts planned notifications in the outbox, addressed, in a transaction of their own. */
    private readonly enqueue: (planned: PlannedNotification[]) => Promise<number>,
    private readonly senders: ChannelSenders,
    private readonly options: DispatcherOptions,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly consultees?: ConsulteeReminders,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.senders.close();
  }

  /** Delivers what is due now, up to `max` attempts; returns how many were made. */
  async drain(max = Number.POSITIVE_INFINITY): Promise<number> {
    let attempts = 0;
    const retry = { maxAttempts: this.options.maxAttempts, baseMs: this.options.retryBaseMs };
    while (attempts < max && (await this.outbox.deliverNext((row, secret) => this.senders.send(row, secret), retry))) {
      attempts += 1;
    }
    return attempts;
  }

  /**
   * Writes reminders for open steps due within the configured working days (once per due date), and for consultee
   * bodies that have not answered by then (once per link and due date).
   */
  async remind(now = new Date()): Promise<number> {
    const horizon = new Date(now.getTime() + (this.options.reminderWorkingDays * 2 + 14) * 86_400_000);
    const dueSoon = (s: { jurisdiction: string; dueAt: string }) =>
      Date.parse(s.dueAt) > now.getTime() && Date.parse(s.dueAt) <= this.reminderThreshold(s.jurisdiction, now);
    if (this.consultees) {
      const { repository, links } = this.consultees;
      const pending = (await repository.awaitingAnswerDueBetween(now, horizon)).filter(dueSoon);
      await repository.remind(pending, links, now);
    }
    const due = (await this.outbox.openStepsDueBefore(horizon)).filter(dueSoon);
    if (due.length === 0) return 0;
    return this.enqueue(due.map((s) => planReminder({ requestId: s.requestId, title: s.requestTitle }, s, s.status)));
  }

  /** The reminder window's end: the configured working days from now on the jurisdiction's calendar. */
  private reminderThreshold(jurisdiction: string, now: Date): number {
    const calendar = builtInCalendar(jurisdiction);
    return calendar
      ? Date.parse(
          dueFrom(calendar, now.toISOString(), { value: this.options.reminderWorkingDays, unit: 'workingDays' }).dueAt,
        )
      : now.getTime() + this.options.reminderWorkingDays * 86_400_000;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.remind();
        // A bounded pass, so a long backlog does not hold up the reminders of steps due now.
        if ((await this.drain(DELIVERIES_PER_PASS)) === DELIVERIES_PER_PASS) continue;
      } catch (error) {
        this.onError(error);
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollIntervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
