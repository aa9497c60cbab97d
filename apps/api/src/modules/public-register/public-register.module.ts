import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { PerformanceController } from './performance.controller';
import { PerformanceService } from './performance.service';
import { PublicRegisterController } from './public-register.controller';
import { PublicRegisterService } from './public-register.service';

@Module({
  imports: [DefinitionsModule],
  controllers: [PublicRegisterController, PerformanceController],
  providers: [PublicRegisterService, PerformanceService],
})
export class PublicRegisterModule {}
