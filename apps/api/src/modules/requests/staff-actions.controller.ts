import type { Actor } from '@onewindow/domain';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { StepIdPipe } from '../../core/common/key-param.pipe';
import { IdempotencyKey } from '../../core/idempotency/idempotency-key.decorator';
import {
  DocumentVerifiedDto,
  InspectionResultDto,
  PauseClockDto,
  ProposeExtensionDto,
  ReassignDto,
  ReleaseDto,
  RequestInformationDto,
} from './case-actions.dto';
import { CaseActionsService } from './case-actions.service';
import { RequestDetailView } from './request.views';
import { DecideDto, PaymentDto } from './requests.dto';

type Accepted = Promise<{ accepted: true }>;

/** What clerks and supervisors do on a request: work its steps, extend its clocks, record external facts. */
@ApiTags('steps')
@ApiBearerAuth()
@Roles('clerk', 'supervisor')
@Controller('requests/:id')
export class StaffActionsController {
  constructor(private readonly actions: CaseActionsService) {}

  /** Decide a step with an outcome, a reason and conditions. */
  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post('steps/:stepId/decision')
  @HttpCode(200)
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('stepId', StepIdPipe) stepId: string,
    @Body() dto: DecideDto,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    return this.actions.act(actor, id, { type: 'decide', stepId, ...dto }, key);
  }

  /** An itemised request for information; the step waits on the applicant. */
  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post('steps/:stepId/information-requests')
  @HttpCode(200)
  requestInformation(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('stepId', StepIdPipe) stepId: string,
    @Body() dto: RequestInformationDto,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    const items = dto.items.map((i) => ({ id: i.id, description: i.description }));
    return this.actions.act(actor, id, { type: 'request-information', stepId, items, reason: dto.reason }, key);
  }

  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post('steps/:stepId/claim')
  @HttpCode(200)
  claim(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('stepId', StepIdPipe) stepId: string,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    return this.actions.act(actor, id, { type: 'claim', stepId }, key);
  }

  /** The holder (or a supervisor) gives a claimed step back to the department's queue. */
  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post('steps/:stepId/release')
  @HttpCode(200)
  release(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('stepId', StepIdPipe) stepId: string,
    @Body() dto: ReleaseDto,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    return this.actions.act(actor, id, { type: 'release', stepId, ...dto }, key);
  }

  /** A supervisor hands any step on; a clerk only a step they hold. */
  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post('steps/:stepId/reassign')
  @HttpCode(200)
  reassign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('stepId', StepIdPipe) stepId: string,
    @Body() dto: ReassignDto,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    const assignee = { id: dto.assigneeId, ...(dto.assigneeName !== undefined ? { name: dto.assigneeName } : {}) };
    return this.actions.act(actor, id, { type: 'reassign', stepId, assignee, reason: dto.reason }, key);
  }

  /** Proposes more time on a step's clock or the statutory clock; it applies once the applicant accepts. */
  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post('extensions')
  @HttpCode(200)
  proposeExtension(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ProposeExtensionDto,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    const by = { value: dto.by.value, unit: dto.by.unit };
    return this.actions.act(
      actor,
      id,
      { type: 'propose-extension', stepId: dto.stepId ?? null, by, reason: dto.reason },
      key,
    );
  }

  /** Stops the statutory clock for an excluded activity such as an external expert review. */
  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post('clock/pause')
  @HttpCode(200)
  @Roles('supervisor')
  pauseClock(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PauseClockDto,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    return this.actions.act(actor, id, { type: 'pause-clock', reason: dto.reason }, key);
  }

  @ApiResponse({ status: 200, type: RequestDetailView })
  @Post('clock/resume')
  @HttpCode(200)
  @Roles('supervisor')
  resumeClock(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @IdempotencyKey() key?: string,
  ): Promise<RequestDetailView> {
    return this.actions.act(actor, id, { type: 'resume-clock' }, key);
  }

  /** External event: the fee of a payment step was paid (202: the workflow applies it when it is legal). */
  @Post('payments')
  @HttpCode(202)
  confirmPayment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PaymentDto,
  ): Accepted {
    return this.actions.signal(actor, id, { type: 'payment-confirmed', ...dto });
  }

  /** External event: the result of an inspection step. */
  @Post('inspections')
  @HttpCode(202)
  recordInspection(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: InspectionResultDto,
  ): Accepted {
    return this.actions.signal(actor, id, { type: 'inspection-result', ...dto });
  }

  /** External event: a document listed on the missing-documents notice was delivered and verified. */
  @Post('document-verifications')
  @HttpCode(202)
  verifyDocument(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DocumentVerifiedDto,
  ): Accepted {
    return this.actions.signal(actor, id, { type: 'document-verified', ...dto });
  }
}
