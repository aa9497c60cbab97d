import { Module } from '@nestjs/common';
import { LiveEventsService } from '../live/live-events.service';
import { CaseActionsService } from './case-actions.service';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';
import { StaffActionsController } from './staff-actions.controller';

@Module({
  controllers: [RequestsController, StaffActionsController],
  providers: [RequestsService, CaseActionsService, LiveEventsService],
  exports: [RequestsService, CaseActionsService, LiveEventsService],
})
export class RequestsModule {}
