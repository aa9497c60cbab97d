import type { Actor } from '@onewindow/domain';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  MessageEvent,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Sse,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { IdempotencyKey } from '../../core/idempotency/idempotency-key.decorator';
import { LiveEventsService } from '../live/live-events.service';
import { LiveStreamLimitGuard } from '../live/live-stream-limit.guard';
import { CaseActionRoute, CaseTarget, OnCase } from './case-action.decorators';
import { AnswerInformationDto, AppealDto, DeclineExtensionDto, PledgeDto } from './case-actions.dto';
import { CaseActionsService } from './case-actions.service';
import { RequestAccessGuard } from './request-access.guard';
import { RequestDetailView, RequestListView, RequestSummaryView } from './request.views';
import { CompleteStepDto, ListRequestsQuery, SubmitRequestDto, WithdrawDto } from './requests.dto';
import { RequestsService } from './requests.service';

/** Requests and the applicant's actions on them. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly service: RequestsService,
    private readonly actions: CaseActionsService,
    private readonly live: LiveEventsService,
  ) {}

  @ApiResponse({ status: 202, type: RequestSummaryView })
  @Post()
  @HttpCode(202)
  @Roles('applicant')
  submit(
    @CurrentActor() actor: Actor,
    @Body() dto: SubmitRequestDto,
    @IdempotencyKey() key?: string,
  ): Promise<RequestSummaryView> {
    return this.service.submit(actor, dto, key);
  }

  @ApiResponse({ status: 200, type: RequestListView })
  @Get()
  @Roles('applicant', 'clerk', 'supervisor', 'auditor')
  list(@CurrentActor() actor: Actor, @Query() query: ListRequestsQuery): Promise<RequestListView> {
    return this.service.list(actor, query);
  }

  @ApiResponse({ status: 200, type: RequestDetailView })
  @Get(':id')
  @Roles('applicant', 'clerk', 'supervisor', 'auditor')
  @UseGuards(RequestAccessGuard)
  detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RequestDetailView> {
    return this.service.detail(actor, id);
  }

  /** Server-Sent Events: one `transition` event each time the request's transitions are recorded. */
  @Sse(':id/events')
  @Roles('applicant', 'clerk', 'supervisor', 'auditor')
  @UseGuards(RequestAccessGuard, LiveStreamLimitGuard)
  events(@Param('id', ParseUUIDPipe) id: string): Observable<MessageEvent> {
    return this.live.requestEvents(id);
  }

  @CaseActionRoute(':id/withdraw', 'applicant')
  withdraw(@OnCase() on: CaseTarget, @Body() dto: WithdrawDto): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'withdraw', ...dto });
  }

  /** The applicant completes its own step (corrections, its own design, construction). */
  @CaseActionRoute(':id/steps/:stepId/completion', 'applicant')
  completeStep(@OnCase() on: CaseTarget, @Body() dto: CompleteStepDto): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'decide', stepId: on.stepId, ...dto });
  }

  /** The applicant's answer to a request for information on a step. */
  @CaseActionRoute(':id/steps/:stepId/information-answers', 'applicant')
  answerInformation(@OnCase() on: CaseTarget, @Body() dto: AnswerInformationDto): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'answer-information', stepId: on.stepId, ...dto });
  }

  /** Notice that the applicant will rely on a deemed approval of the step if it times out. */
  @CaseActionRoute(':id/steps/:stepId/notice', 'applicant')
  giveNotice(@OnCase() on: CaseTarget): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'give-notice', stepId: on.stepId });
  }

  @CaseActionRoute(':id/extensions/:extensionId/accept', 'applicant')
  acceptExtension(@OnCase() on: CaseTarget): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'accept-extension', extensionId: on.extensionId });
  }

  @CaseActionRoute(':id/extensions/:extensionId/decline', 'applicant')
  declineExtension(@OnCase() on: CaseTarget, @Body() dto: DeclineExtensionDto): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'decline-extension', extensionId: on.extensionId, ...dto });
  }

  /** The applicant's signed pledge, for commitment-based approval. */
  @CaseActionRoute(':id/pledge', 'applicant')
  pledge(@OnCase() on: CaseTarget, @Body() dto: PledgeDto): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'pledge', ...dto });
  }

  @CaseActionRoute(':id/appeal', 'applicant')
  appeal(@OnCase() on: CaseTarget, @Body() dto: AppealDto): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'appeal', ...dto });
  }
}
