import { Controller, Get, Header } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../core/auth/auth.decorators';
import { PerformanceService } from './performance.service';
import { PerformanceView } from './performance.views';

/** `GET /public/performance`: how quickly each process decides, by quarter, for anyone (no sign-in). */
@ApiTags('public')
@Controller('public/performance')
export class PerformanceController {
  constructor(private readonly service: PerformanceService) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiResponse({ status: 200, type: PerformanceView })
  performance(): Promise<PerformanceView> {
    return this.service.performance();
  }
}
