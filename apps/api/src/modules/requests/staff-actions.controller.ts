import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../core/auth/auth.decorators';
import {
  DeclineExtensionDto,
  DocumentChangeDto,
  DocumentVerifiedDto,
  InspectionResultDto,
  PauseClockDto,
  ProposeExtensionDto,
  ReassignDto,
  ReleaseDto,
  RequestInformationDto,
} from './case-actions.dto';
import { CaseActionRoute, CaseTarget, ExternalEventRoute, OnCase } from './case-action.decorators';
import { CaseActionsService } from './case-actions.service';
import { RequestDetailView } from './request.views';
import { DecideDto, DocumentVariationDto, PaymentDto } from './requests.dto';

type Accepted = Promise<{ accepted: true }>;

/** What clerks and supervisors do on a request: work its steps, extend its clocks, record external facts. */
@ApiTags('steps')
@ApiBearerAuth()
@Roles('clerk', 'supervisor')
@Controller('requests/:id')
export class StaffActionsController {
  constructor(private readonly actions: CaseActionsService) {}

  /** Decide a step with an outcome, a reason and conditions. */
  @CaseActionRoute('steps/:stepId/decision')
  decide(@OnCase() on: CaseTarget, @Body() dto: DecideDto): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'decide', stepId: on.stepId, ...dto });
  }

  /** An itemised request for information; the step waits on the applicant. */
  @CaseActionRoute('steps/:stepId/information-requests')
  requestInformation(@OnCase() on: CaseTarget, @Body() dto: RequestInformationDto): Promise<RequestDetailView> {
    const items = dto.items.map((i) => ({ id: i.id, description: i.description }));
    return this.actions.act(on, { type: 'request-information', stepId: on.stepId, items, reason: dto.reason });
  }

  @CaseActionRoute('steps/:stepId/claim')
  claim(@OnCase() on: CaseTarget): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'claim', stepId: on.stepId });
  }

  /** The holder (or a supervisor) gives a claimed step back to the department's queue. */
  @CaseActionRoute('steps/:stepId/release')
  release(@OnCase() on: CaseTarget, @Body() dto: ReleaseDto): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'release', stepId: on.stepId, ...dto });
  }

  /** A supervisor hands any step on; a clerk only a step they hold. */
  @CaseActionRoute('steps/:stepId/reassign')
  reassign(@OnCase() on: CaseTarget, @Body() dto: ReassignDto): Promise<RequestDetailView> {
    const assignee = { id: dto.assigneeId, ...(dto.assigneeName !== undefined ? { name: dto.assigneeName } : {}) };
    return this.actions.reassign(on, { type: 'reassign', stepId: on.stepId, assignee, reason: dto.reason });
  }

  /** Proposes more time on a step's clock or the statutory clock; it applies once the applicant accepts. */
  @CaseActionRoute('extensions')
  proposeExtension(@OnCase() on: CaseTarget, @Body() dto: ProposeExtensionDto): Promise<RequestDetailView> {
    const by = { value: dto.by.value, unit: dto.by.unit };
    return this.actions.act(on, {
      type: 'propose-extension',
      stepId: dto.stepId ?? null,
      by,
      reason: dto.reason,
      basis: dto.basis,
      ground: dto.ground,
    });
  }

  /** A supervisor approves the authority's own extension; the applicant is told the reason. */
  @CaseActionRoute('extensions/:extensionId/approval', 'supervisor')
  approveExtension(@OnCase() on: CaseTarget): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'approve-extension', extensionId: on.extensionId });
  }

  /** A supervisor declines the authority's own extension. */
  @CaseActionRoute('extensions/:extensionId/refusal', 'supervisor')
  refuseExtension(@OnCase() on: CaseTarget, @Body() dto: DeclineExtensionDto): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'decline-extension', extensionId: on.extensionId, ...dto });
  }

  /** Stops the statutory clock for an excluded activity such as an external expert review. */
  @CaseActionRoute('clock/pause', 'supervisor')
  pauseClock(@OnCase() on: CaseTarget, @Body() dto: PauseClockDto): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'pause-clock', reason: dto.reason });
  }

  @CaseActionRoute('clock/resume', 'supervisor')
  resumeClock(@OnCase() on: CaseTarget): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'resume-clock' });
  }

  /** A supervisor revokes an issued permit (in force or suspended) for good; the reason shows on /verify. */
  @CaseActionRoute('issued-documents/:documentId/revocation', 'supervisor')
  revokeDocument(@OnCase() on: CaseTarget, @Body() dto: DocumentChangeDto): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'revoke-document', documentId: on.documentId, reason: dto.reason });
  }

  /** A supervisor suspends a permit in force until it is reinstated. */
  @CaseActionRoute('issued-documents/:documentId/suspension', 'supervisor')
  suspendDocument(@OnCase() on: CaseTarget, @Body() dto: DocumentChangeDto): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'suspend-document', documentId: on.documentId, reason: dto.reason });
  }

  /** A supervisor puts a suspended permit back in force. */
  @CaseActionRoute('issued-documents/:documentId/reinstatement', 'supervisor')
  reinstateDocument(@OnCase() on: CaseTarget, @Body() dto: DocumentChangeDto): Promise<RequestDetailView> {
    return this.actions.act(on, { type: 'reinstate-document', documentId: on.documentId, reason: dto.reason });
  }

  /** A supervisor varies a permit in force: a new version (new number and code) replaces it. */
  @CaseActionRoute('issued-documents/:documentId/variation', 'supervisor')
  varyDocument(@OnCase() on: CaseTarget, @Body() dto: DocumentVariationDto): Promise<RequestDetailView> {
    const conditions = dto.conditions?.map(({ text, reason, policy }) => ({
      text,
      reason,
      ...(policy ? { policy } : {}),
    }));
    return this.actions.act(on, {
      type: 'vary-document',
      documentId: on.documentId,
      reason: dto.reason,
      ...(conditions ? { conditions } : {}),
    });
  }

  /**
   * External event: the fee of a payment step was paid. 202 once the workflow has recorded it; a retry
   * with the same Idempotency-Key is answered by the first attempt.
   */
  @ExternalEventRoute('payments')
  confirmPayment(@OnCase() on: CaseTarget, @Body() dto: PaymentDto): Accepted {
    return this.actions.recordExternal(on, { type: 'payment-confirmed', ...dto });
  }

  /** External event: the result of an inspection step. */
  @ExternalEventRoute('inspections')
  recordInspection(@OnCase() on: CaseTarget, @Body() dto: InspectionResultDto): Accepted {
    return this.actions.recordExternal(on, { type: 'inspection-result', ...dto });
  }

  /** External event: a document listed on the missing-documents notice was delivered and verified. */
  @ExternalEventRoute('document-verifications')
  verifyDocument(@OnCase() on: CaseTarget, @Body() dto: DocumentVerifiedDto): Accepted {
    return this.actions.recordExternal(on, { type: 'document-verified', ...dto });
  }
}
