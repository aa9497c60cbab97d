import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { RequestsModule } from '../requests/requests.module';
import {
  ConsulteeDirectoryController,
  PublicConsultationController,
  StaffConsultationsController,
} from './consultees.controller';
import { ConsulteesService } from './consultees.service';

@Module({
  imports: [DefinitionsModule, RequestsModule],
  controllers: [ConsulteeDirectoryController, StaffConsultationsController, PublicConsultationController],
  providers: [ConsulteesService],
})
export class ConsulteesModule {}
