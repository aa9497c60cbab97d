import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { Public } from '../../core/auth/auth.decorators';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';

type Check = 'up' | 'down';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    private readonly temporal: Client,
  ) {}

  /** 200 when PostgreSQL and Temporal both answer, else 503 naming the one that does not. */
  @Public()
  @Get()
  @HttpCode(200)
  async health(): Promise<{ status: 'ok'; postgres: Check; temporal: Check }> {
    const [postgres, temporal] = await Promise.all([
      probe(() => this.db.query('SELECT 1')),
      probe(() => this.temporal.connection.workflowService.getSystemInfo({})),
    ]);
    if (postgres === 'down' || temporal === 'down') {
      throw new ApiError(ApiErrorCode.UNAVAILABLE, 'A dependency is down', { postgres, temporal });
    }
    return { status: 'ok', postgres, temporal };
  }
}

async function probe(check: () => Promise<unknown>): Promise<Check> {
  try {
    await check();
    return 'up';
  } catch {
    return 'down';
  }
}
