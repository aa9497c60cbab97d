import type { Actor } from '@onewindow/domain';
import { Body, Controller, Get, HttpCode, MessageEvent, Param, Post, Put, Query, Sse, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { NotificationIdPipe } from '../../core/common/key-param.pipe';
import { LiveStreamLimitGuard } from '../live/live-stream-limit.guard';
import { InboxQuery, MarkReadDto, OutboxQuery, PreferencesDto } from './notifications.dto';
import { DeliveryView, InboxView, PreferencesView } from './notification.views';
import { NotificationsService } from './notifications.service';

const EVERYONE = ['applicant', 'clerk', 'supervisor', 'auditor', 'administrator'] as const;

/** The in-app bell, notification preferences, and delivery state of every notification. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly service: NotificationsService) {}

  /** The caller's in-app notifications, newest first, and how many are unread. */
  @Get()
  @Roles(...EVERYONE)
  @ApiResponse({ status: 200, type: InboxView })
  inbox(@CurrentActor() actor: Actor, @Query() query: InboxQuery): Promise<InboxView> {
    return this.service.inbox(actor, query);
  }

  /** Marks the caller's notifications read (the listed ones, or all). */
  @Post('read')
  @HttpCode(200)
  @Roles(...EVERYONE)
  markRead(@CurrentActor() actor: Actor, @Body() dto: MarkReadDto): Promise<{ updated: number; unread: number }> {
    return this.service.markRead(actor, dto);
  }

  /** Server-Sent Events: one `notification` event for each in-app notification as it reaches the caller. */
  @Sse('events')
  @Roles(...EVERYONE)
  @UseGuards(LiveStreamLimitGuard)
  events(@CurrentActor() actor: Actor): Observable<MessageEvent> {
    return this.service.events(actor);
  }

  @Get('preferences')
  @Roles(...EVERYONE)
  @ApiResponse({ status: 200, type: PreferencesView })
  preferences(@CurrentActor() actor: Actor): Promise<PreferencesView> {
    return this.service.preferences(actor);
  }

  /** Language, channels, email address and webhook URL; setting a webhook issues its signing secret. */
  @Put('preferences')
  @Roles(...EVERYONE)
  @ApiResponse({ status: 200, type: PreferencesView })
  savePreferences(@CurrentActor() actor: Actor, @Body() dto: PreferencesDto): Promise<PreferencesView> {
    return this.service.savePreferences(actor, dto);
  }

  /**
   * Delivery state of notifications (outbox), newest first: an applicant's own; a clerk's own and those
   * of cases their department has or had a step on; every delivery for supervisors and auditors.
   */
  @Get('deliveries')
  @Roles('applicant', 'clerk', 'supervisor', 'auditor')
  @ApiResponse({ status: 200, type: [DeliveryView] })
  deliveries(@CurrentActor() actor: Actor, @Query() query: OutboxQuery): Promise<DeliveryView[]> {
    return this.service.deliveries(actor, query);
  }

  /** Puts an email or webhook notification (typically a parked one) the caller may read back in line for delivery. */
  @Post('deliveries/:deliveryId/resend')
  @HttpCode(200)
  @Roles('clerk', 'supervisor')
  resend(@CurrentActor() actor: Actor, @Param('deliveryId', NotificationIdPipe) id: string): Promise<DeliveryView> {
    return this.service.resend(actor, id);
  }
}
