import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RequestsModule } from '../requests/requests.module';
import { LawChangeController } from './law-change.controller';
import { LawChangeService } from './law-change.service';

@Module({
  imports: [AuditModule, RequestsModule],
  controllers: [LawChangeController],
  providers: [LawChangeService],
})
export class LawChangeModule {}
