import type { Actor } from '@onewindow/domain';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { RequestDetailView, RequestSummaryView } from './request.views';
import { DecideDto, PaymentDto, SubmitRequestDto, WithdrawDto } from './requests.dto';
import { RequestsService } from './requests.service';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class RequestsController {
  constructor(private readonly service: RequestsService) {}

  @Post()
  @HttpCode(202)
  @Roles('applicant')
  submit(@CurrentActor() actor: Actor, @Body() dto: SubmitRequestDto): Promise<RequestSummaryView> {
    return this.service.submit(actor, dto);
  }

  @Get()
  list(@CurrentActor() actor: Actor): Promise<RequestSummaryView[]> {
    return this.service.list(actor);
  }

  @Get(':id')
  detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RequestDetailView> {
    return this.service.detail(actor, id);
  }

  @Post(':id/steps/:stepId/decision')
  @HttpCode(200)
  @Roles('clerk', 'supervisor')
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('stepId') stepId: string,
    @Body() dto: DecideDto,
  ): Promise<RequestDetailView> {
    return this.service.decide(actor, id, stepId, dto);
  }

  @Post(':id/payments')
  @HttpCode(202)
  @Roles('clerk', 'supervisor')
  confirmPayment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PaymentDto,
  ): Promise<{ accepted: true }> {
    return this.service.confirmPayment(actor, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('applicant')
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawDto,
  ): Promise<RequestDetailView> {
    return this.service.withdraw(actor, id, dto);
  }
}
