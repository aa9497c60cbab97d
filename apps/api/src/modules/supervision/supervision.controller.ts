import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../core/auth/auth.decorators';
import { BreachesQuery, TimeUseQuery } from './supervision.dto';
import { SupervisionService } from './supervision.service';
import { BreachListView, TimeUseView } from './supervision.views';

/** What a supervisor watches: steps past due or escalated, and where each department's time goes. */
@ApiTags('supervision')
@ApiBearerAuth()
@Roles('supervisor', 'auditor')
@Controller('supervision')
export class SupervisionController {
  constructor(private readonly service: SupervisionService) {}

  /** Per department and step: open, overdue, median and 90th-percentile working days taken (from the log). */
  @Get('time-use')
  @ApiOkResponse({ type: TimeUseView })
  timeUse(@Query() query: TimeUseQuery): Promise<TimeUseView> {
    return this.service.timeUse(query);
  }

  /** Open steps past their due date, escalated to a supervisor, or in a case whose statutory clock ran out. */
  @Get('breaches')
  @ApiOkResponse({ type: BreachListView })
  breaches(@Query() query: BreachesQuery): Promise<BreachListView> {
    return this.service.breaches(query);
  }
}
