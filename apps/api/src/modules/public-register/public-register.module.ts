import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { RequestsModule } from '../requests/requests.module';
import { PublicCommentsController, StaffCommentsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { PerformanceController } from './performance.controller';
import { PerformanceService } from './performance.service';
import { PublicRegisterController } from './public-register.controller';
import { PublicRegisterService } from './public-register.service';

@Module({
  imports: [DefinitionsModule, RequestsModule],
  controllers: [PublicRegisterController, PerformanceController, PublicCommentsController, StaffCommentsController],
  providers: [PublicRegisterService, PerformanceService, CommentsService],
})
export class PublicRegisterModule {}
