import { AppConfig } from '@onewindow/config';
import type { Actor } from '@onewindow/domain';
import { EgressPolicy } from '@onewindow/notifications';
import {
  DeliveryScope,
  InboxRepository,
  NotificationListener,
  NotificationPreferencesRepository,
  OutboxRepository,
} from '@onewindow/persistence';
import { Injectable, Logger, MessageEvent, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { filter, from, interval, map, merge, mergeMap, Observable, of, share } from 'rxjs';
import { caseScope } from '../../core/access/need-to-know';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { InboxQuery, MarkReadDto, OutboxQuery, PreferencesDto } from './notifications.dto';
import {
  DeliveryView,
  InboxView,
  PreferencesView,
  toDeliveryView,
  toNotificationView,
  toPreferencesView,
} from './notification.views';

const HEARTBEAT_MS = 15_000;

/** The deliveries an actor may read and re-send: the case rule's scope, plus those addressed to the actor. */
function deliveryScope(actor: Actor): DeliveryScope {
  const { party, department } = caseScope(actor);
  return party === undefined && department === undefined ? {} : { recipientId: actor.id, department };
}

/** The in-app bell (list, mark read, live stream), each user's preferences, and delivery state for staff. */
@Injectable()
export class NotificationsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly listener: NotificationListener;
  private readonly delivered$: Observable<{ userId: string; id: string }>;
  private readonly egress: EgressPolicy;

  constructor(
    config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly inboxes: InboxRepository,
    private readonly preferencesOf: NotificationPreferencesRepository,
  ) {
    this.egress = new EgressPolicy(config.egressAllowedHosts);
    this.listener = new NotificationListener(config.databaseUrl, (error) =>
      this.logger.warn({ msg: 'notification listener connection lost', err: String(error) }),
    );
    this.delivered$ = new Observable<{ userId: string; id: string }>((subscriber) =>
      this.listener.subscribe((notice) => subscriber.next(notice)),
    ).pipe(share());
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
  }

  async inbox(actor: Actor, query: InboxQuery): Promise<InboxView> {
    const [rows, unread] = await Promise.all([
      this.inboxes.list(actor.id, { unreadOnly: query.unread ?? false, limit: query.limit ?? 50 }),
      this.inboxes.unreadCount(actor.id),
    ]);
    return { items: rows.map(toNotificationView), unread };
  }

  async markRead(actor: Actor, dto: MarkReadDto): Promise<{ updated: number; unread: number }> {
    const updated = await this.inboxes.markRead(actor.id, dto.ids);
    return { updated, unread: await this.inboxes.unreadCount(actor.id) };
  }

  /** One `notification` event each time an in-app notification reaches the caller. */
  events(actor: Actor): Observable<MessageEvent> {
    const ready: MessageEvent = { type: 'ready', data: { userId: actor.id } };
    const delivered = this.delivered$.pipe(
      filter((notice) => notice.userId === actor.id),
      mergeMap((notice) => from(this.inboxes.find(notice.id))),
      filter((row) => row !== null),
      map((row): MessageEvent => ({ type: 'notification', id: row.id, data: toNotificationView(row) })),
    );
    const heartbeat = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} })));
    return merge(of(ready), delivered, heartbeat);
  }

  async preferences(actor: Actor): Promise<PreferencesView> {
    const saved = await this.preferencesOf.find(actor.id);
    return toPreferencesView(
      saved ?? {
        userId: actor.id,
        role: actor.role,
        department: actor.department ?? null,
        language: 'en',
        channels: ['in-app'],
        email: null,
        webhookUrl: null,
        webhookSecret: null,
      },
    );
  }

  async savePreferences(actor: Actor, dto: PreferencesDto): Promise<PreferencesView> {
    const channels = [...new Set(dto.channels)];
    if (channels.includes('email') && !dto.email) {
      throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'The email channel needs an email address');
    }
    if (channels.includes('webhook') && !dto.webhookUrl) {
      throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'The webhook channel needs a webhookUrl');
    }
    // What can be known before resolving the name; the worker checks the resolved addresses on every connection.
    const refusal = dto.webhookUrl ? this.egress.refuseUrl(dto.webhookUrl) : null;
    if (refusal) {
      throw new ApiError(ApiErrorCode.UNPROCESSABLE, `The webhook URL ${refusal}: webhooks go to public receivers`, {
        field: 'webhookUrl',
      });
    }
    const saved = await this.preferencesOf.find(actor.id);
    const keep = dto.webhookUrl && !dto.rotateWebhookSecret ? saved?.webhookSecret : null;
    const secret = dto.webhookUrl ? (keep ?? `whsec_${randomBytes(24).toString('base64url')}`) : null;
    return toPreferencesView(
      await this.preferencesOf.save({
        userId: actor.id,
        role: actor.role,
        department: actor.department ?? null,
        language: dto.language,
        channels,
        email: dto.email ?? null,
        webhookUrl: dto.webhookUrl ?? null,
        webhookSecret: secret,
      }),
    );
  }

  /** Under the need-to-know rule: a clerk's own and those of cases their department has or had a step on. */
  async deliveries(actor: Actor, query: OutboxQuery): Promise<DeliveryView[]> {
    const rows = await this.outbox.list(
      { requestId: query.requestId, state: query.state, limit: query.limit ?? 100 },
      deliveryScope(actor),
    );
    return rows.map(toDeliveryView);
  }

  async resend(actor: Actor, id: string): Promise<DeliveryView> {
    const row = await this.outbox.resend(id, deliveryScope(actor));
    if (!row) throw new ApiError(ApiErrorCode.NOT_FOUND, `No email or webhook notification ${id}`);
    return toDeliveryView(row);
  }
}
