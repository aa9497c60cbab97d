import type { Actor } from '@onewindow/domain';
import { Body, Controller, Get, HttpCode, MessageEvent, Post, Query, Sse, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { IdempotencyKey } from '../../core/idempotency/idempotency-key.decorator';
import { LiveEventsService } from '../live/live-events.service';
import { LiveStreamLimitGuard } from '../live/live-stream-limit.guard';
import { BulkDecideDto, WorkQueueQuery } from './work-queue.dto';
import { WorkQueueService } from './work-queue.service';
import { BulkDecideView, WorkQueueView } from './work-queue.views';

@ApiTags('work queue')
@ApiBearerAuth()
@Controller('work-queue')
export class WorkQueueController {
  constructor(
    private readonly service: WorkQueueService,
    private readonly live: LiveEventsService,
  ) {}

  @ApiResponse({ status: 200, type: WorkQueueView })
  @Get()
  @Roles('clerk', 'supervisor', 'auditor')
  list(@CurrentActor() actor: Actor, @Query() query: WorkQueueQuery): Promise<WorkQueueView> {
    return this.service.list(actor, query);
  }

  /** Server-Sent Events: a `transition` event whenever a request with a step of the department changes. */
  @Sse('events')
  @Roles('clerk', 'supervisor', 'auditor')
  @UseGuards(LiveStreamLimitGuard)
  events(@CurrentActor() actor: Actor, @Query() query: WorkQueueQuery): Observable<MessageEvent> {
    return this.live.queueEvents(this.service.departmentFor(actor, query.department));
  }

  /** One outcome for many steps; 200 with each item's result. */
  @ApiResponse({ status: 200, type: BulkDecideView })
  @Post('decisions')
  @HttpCode(200)
  @Roles('clerk', 'supervisor')
  bulkDecide(
    @CurrentActor() actor: Actor,
    @Body() dto: BulkDecideDto,
    @IdempotencyKey() key?: string,
  ): Promise<BulkDecideView> {
    return this.service.bulkDecide(actor, dto, key);
  }
}
