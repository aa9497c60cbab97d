import type { Actor } from '@onewindow/domain';
import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../../core/auth/auth.decorators';
import { ConsulteeTokenPipe, OrganisationKeyPipe } from '../../core/common/key-param.pipe';
import { RequestAccessGuard } from '../requests/request-access.guard';
import { ConsultationResponseDto, NewOrganisationDto, OrganisationDto, RevokeConsultationDto } from './consultees.dto';
import { ConsulteesService } from './consultees.service';
import { ConsultationView, ConsulteeInvitationView, OrganisationView } from './consultees.views';

/** The consultee directory: administrators keep it; staff read it to know whom a definition consults. */
@ApiTags('consultees')
@ApiBearerAuth()
@Controller('consultees')
export class ConsulteeDirectoryController {
  constructor(private readonly service: ConsulteesService) {}

  @Get()
  @Roles('administrator', 'clerk', 'supervisor', 'auditor')
  @ApiResponse({ status: 200, type: [OrganisationView] })
  list(): Promise<OrganisationView[]> {
    return this.service.directory();
  }

  @Post()
  @Roles('administrator')
  @ApiResponse({ status: 201, type: OrganisationView })
  @ApiResponse({ status: 409, description: 'The key is taken' })
  add(@CurrentActor() actor: Actor, @Body() dto: NewOrganisationDto): Promise<OrganisationView> {
    return this.service.addOrganisation(actor, dto);
  }

  @Put(':organisation')
  @Roles('administrator')
  @ApiResponse({ status: 200, type: OrganisationView })
  update(
    @CurrentActor() actor: Actor,
    @Param('organisation', OrganisationKeyPipe) organisation: string,
    @Body() dto: OrganisationDto,
  ): Promise<OrganisationView> {
    return this.service.updateOrganisation(actor, organisation, dto);
  }
}

/** The officer's side: each consultee body's consultation on a case, a new link for one, or its link withdrawn. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests/:id/consultations')
@UseGuards(RequestAccessGuard)
export class StaffConsultationsController {
  constructor(private readonly service: ConsulteesService) {}

  @Get()
  @Roles('clerk', 'supervisor', 'auditor')
  @ApiResponse({ status: 200, type: [ConsultationView] })
  list(@Param('id', ParseUUIDPipe) id: string): Promise<ConsultationView[]> {
    return this.service.forCase(id);
  }

  @Post(':organisation/link')
  @Roles('clerk', 'supervisor')
  @HttpCode(200)
  @ApiResponse({
    status: 200,
    type: [ConsultationView],
    description: 'A new link was emailed; older ones answer no more',
  })
  resend(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('organisation', OrganisationKeyPipe) organisation: string,
  ): Promise<ConsultationView[]> {
    return this.service.resend({ actor, requestId: id }, organisation);
  }

  @Post(':organisation/revocation')
  @Roles('clerk', 'supervisor')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: [ConsultationView] })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('organisation', OrganisationKeyPipe) organisation: string,
    @Body() dto: RevokeConsultationDto,
  ): Promise<ConsultationView[]> {
    return this.service.revoke({ actor, requestId: id }, organisation, dto.reason);
  }
}

/**
 * A consultee body's link (no sign-in: the link is the capability, for one body on one case). Refusals carry
 * `details.reason`: invalid (404: altered or not ours), expired, revoked or replaced (403).
 */
@ApiTags('public')
@Controller('public/consultations/:token')
export class PublicConsultationController {
  constructor(private readonly service: ConsulteesService) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiResponse({ status: 200, type: ConsulteeInvitationView })
  @ApiResponse({ status: 403, description: 'The link expired, was revoked or was replaced' })
  @ApiResponse({ status: 404, description: 'Not a valid link' })
  invitation(@Param('token', ConsulteeTokenPipe) token: string): Promise<ConsulteeInvitationView> {
    return this.service.invitation(token);
  }

  @Post('response')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiResponse({ status: 200, type: ConsulteeInvitationView })
  @ApiResponse({ status: 409, description: 'The body has already responded' })
  respond(
    @Param('token', ConsulteeTokenPipe) token: string,
    @Body() dto: ConsultationResponseDto,
  ): Promise<ConsulteeInvitationView> {
    return this.service.respond(token, dto);
  }
}
