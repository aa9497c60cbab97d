import { DatabaseProbe } from '@onewindow/persistence';
import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { Public } from '../../core/auth/auth.decorators';
import { probeTemporal } from '../../core/common/temporal-probe';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';

type Check = 'up' | 'down';

/** Each dependency must answer its probe within this time, or it counts as down. */
const PROBE_DEADLINE_MS = 2000;

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseProbe,
    private readonly temporal: Client,
  ) {}

  /** 200 while the process serves HTTP at all: whether to restart it, not whether to send it traffic. */
  @Public()
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when PostgreSQL and Temporal both answer in time, else 503 (with Retry-After) naming the one that does not. */
  @Public()
  @Get('ready')
  @HttpCode(200)
  ready(): Promise<{ status: 'ok'; postgres: Check; temporal: Check }> {
    return this.health();
  }

  /** The same as /health/ready. */
  @Public()
  @Get()
  @HttpCode(200)
  async health(): Promise<{ status: 'ok'; postgres: Check; temporal: Check }> {
    const [postgres, temporal]: Check[] = await Promise.all([
      this.database.answers(PROBE_DEADLINE_MS).then((up) => (up ? 'up' : 'down')),
      probeTemporal(this.temporal, PROBE_DEADLINE_MS).then((probe) => (probe.answered ? 'up' : 'down')),
    ]);
    if (postgres === 'down' || temporal === 'down') {
      throw new ApiError(ApiErrorCode.UNAVAILABLE, 'A dependency is down', { postgres, temporal });
    }
    return { status: 'ok', postgres, temporal };
  }
}
