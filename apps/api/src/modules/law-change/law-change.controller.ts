import type { Actor } from '@onewindow/domain';
import { Body, Controller, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { CurrentActor, Roles } from '../../core/auth/auth.decorators';
import { ImpactDto, MigrateDto } from './law-change.dto';
import { LawChangeService } from './law-change.service';
import { MigrationView } from './law-change.views';

@ApiTags('definitions')
@ApiBearerAuth()
@Controller()
export class LawChangeController {
  constructor(private readonly service: LawChangeService) {}

  /**
   * What a candidate version would do to the key's running cases (migrated now) and to those closed in a range
   * (replayed from their start), streamed as NDJSON: `progress` lines, one `case` line per case (or `failure`
   * when its history could not be read), then the `summary` with `nextOffset` for the next page.
   */
  @Post('definitions/impact')
  @HttpCode(200)
  @Roles('administrator', 'supervisor')
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'NDJSON lines: progress, case, failure, summary', schema: { type: 'string' } })
  async impact(@CurrentActor() actor: Actor, @Body() dto: ImpactDto): Promise<StreamableFile> {
    const lines = await this.service.impact(actor, dto);
    const ndjson = Readable.from(
      (async function* () {
        for await (const line of lines) yield `${JSON.stringify(line)}\n`;
      })(),
    );
    return new StreamableFile(ndjson, { type: 'application/x-ndjson' });
  }

  /** Migrates running cases to a published version; every case's result, and those not reached in time. */
  @Post('definitions/:key/migrations')
  @HttpCode(200)
  @Roles('administrator')
  @ApiOkResponse({ type: MigrationView })
  migrate(@CurrentActor() actor: Actor, @Param('key') key: string, @Body() dto: MigrateDto): Promise<MigrationView> {
    return this.service.migrate(actor, key, dto);
  }
}
