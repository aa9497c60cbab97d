import { Global, Module } from '@nestjs/common';
import { JsonLogger } from './json-logger';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, JsonLogger],
  exports: [MetricsService, JsonLogger],
})
export class ObservabilityModule {}
