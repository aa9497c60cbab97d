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
import { ExtensionIdPipe, StepIdPipe } from '../../core/common/key-param.pipe';
import { IdempotencyKey } from '../../core/idempotency/idempotency-key.decorator';
import { LiveEventsService } from '../live/live-events.service';
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
  detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RequestDetailView> {
    return this.service.detail(actor, id);
  }

  /** Server-Sent Events: one `transition` event each time the request's transitions are recorded. */
  @Sse(':id/events')
  @Roles('applicant', 'clerk', 'supervisor', 'auditor')
  @UseGuards(RequestAccessGuard)
  events(@Param('id', ParseUUIDPipe) id: string): Observable<MessageEvent> {
    return this.live.requestEvents(id);
  }

  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('applicant')
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawDto,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    return this.actions.act(actor, id, { type: 'withdraw', ...dto }, key);
  }

  /** The applicant completes its own step (corrections, its own design, construction). */
  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post(':id/steps/:stepId/completion')
  @HttpCode(200)
  @Roles('applicant')
  completeStep(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('stepId', StepIdPipe) stepId: string,
    @Body() dto: CompleteStepDto,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    return this.actions.act(actor, id, { type: 'decide', stepId, ...dto }, key);
  }

  /** The applicant's answer to a request for information on a step. */
  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post(':id/steps/:stepId/information-answers')
  @HttpCode(200)
  @Roles('applicant')
  answerInformation(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('stepId', StepIdPipe) stepId: string,
    @Body() dto: AnswerInformationDto,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    return this.actions.act(actor, id, { type: 'answer-information', stepId, ...dto }, key);
  }

  /** Notice that the applicant will rely on a deemed approval of the step if it times out. */
  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post(':id/steps/:stepId/notice')
  @HttpCode(200)
  @Roles('applicant')
  giveNotice(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('stepId', StepIdPipe) stepId: string,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    return this.actions.act(actor, id, { type: 'give-notice', stepId }, key);
  }

  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post(':id/extensions/:extensionId/accept')
  @HttpCode(200)
  @Roles('applicant')
  acceptExtension(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('extensionId', ExtensionIdPipe) extensionId: string,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    return this.actions.act(actor, id, { type: 'accept-extension', extensionId }, key);
  }

  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post(':id/extensions/:extensionId/decline')
  @HttpCode(200)
  @Roles('applicant')
  declineExtension(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('extensionId', ExtensionIdPipe) extensionId: string,
    @Body() dto: DeclineExtensionDto,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    return this.actions.act(actor, id, { type: 'decline-extension', extensionId, ...dto }, key);
  }

  /** The applicant's signed pledge, for commitment-based approval. */
  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post(':id/pledge')
  @HttpCode(200)
  @Roles('applicant')
  pledge(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PledgeDto,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    return this.actions.act(actor, id, { type: 'pledge', ...dto }, key);
  }

  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post(':id/appeal')
  @HttpCode(200)
  @Roles('applicant')
  appeal(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AppealDto,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    return this.actions.act(actor, id, { type: 'appeal', ...dto }, key);
  }
}
