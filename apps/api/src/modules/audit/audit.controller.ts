import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequestSummaryView } from '../requests/request.views';
import { Roles } from '../../core/auth/auth.decorators';
import {
  AccessLogQuery,
  CheckpointVerifyQuery,
  ExportQuery,
  FindCasesQuery,
  HistoryQuery,
  RangeDto,
  StateQuery,
  ViewAsOfQuery,
} from './audit.dto';
import {
  AccessLogEntryView,
  CaseVerificationView,
  CaseViewAsOf,
  CheckpointEntryView,
  CheckpointVerificationView,
  ExportResultView,
  ReplayResultView,
  TimelineEntryView,
} from './audit.views';
import { AuditApiService } from './audit-api.service';

/** The auditor's view: every case checked against Temporal's history, the reducer and the signed checkpoints. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor')
@Controller('audit')
export class AuditController {
  constructor(private readonly service: AuditApiService) {}

  /** Finds cases by id (or its first characters), workflow id, title or applicant. */
  @Get('requests')
  @ApiOkResponse({ type: [RequestSummaryView] })
  findCases(@Query() query: FindCasesQuery) {
    return this.service.findCases(query);
  }

  /** The applicant's status page as it stood right after transition `seq` (the time-travel view). */
  @Get('requests/:id/view')
  @ApiOkResponse({ type: CaseViewAsOf })
  viewAsOf(@Param('id', ParseUUIDPipe) id: string, @Query() query: ViewAsOfQuery) {
    return this.service.viewAsOf(id, query.seq);
  }

  /** Temporal's events of every run merged with the recorded transitions. */
  @Get('requests/:id/history')
  @ApiOkResponse({ type: [TimelineEntryView] })
  history(@Param('id', ParseUUIDPipe) id: string, @Query() query: HistoryQuery) {
    return this.service.history(id, query.full);
  }

  /** Replays every run against the current workflow code; `deterministic: false` names the divergence. */
  @Get('requests/:id/replay')
  @ApiOkResponse({ type: ReplayResultView })
  replay(@Param('id', ParseUUIDPipe) id: string) {
    return this.service.replay(id);
  }

  /** The case as it stood at an instant (`at`) or right after a transition (`seq`). */
  @Get('requests/:id/state')
  state(@Param('id', ParseUUIDPipe) id: string, @Query() query: StateQuery) {
    return this.service.state(id, query);
  }

  @Get('requests/:id/verify')
  @ApiOkResponse({ type: CaseVerificationView })
  verify(@Param('id', ParseUUIDPipe) id: string) {
    return this.service.verify(id);
  }

  /** The case's transitions as JSON Lines and/or CSV, with the manifest that lets them be verified offline. */
  @Get('requests/:id/export')
  @ApiOkResponse({ type: ExportResultView })
  export(@Param('id', ParseUUIDPipe) id: string, @Query() query: ExportQuery) {
    return this.service.export(id, query.format);
  }

  /** Verifies every case submitted in the range (all when open), then the checkpoints. */
  @Post('verify')
  @HttpCode(200)
  verifyAll(@Body() range: RangeDto) {
    return this.service.verifyAll(range);
  }

  @Get('checkpoints')
  @ApiOkResponse({ type: [CheckpointEntryView] })
  listCheckpoints() {
    return this.service.listCheckpoints();
  }

  @Get('checkpoints/verify')
  @ApiOkResponse({ type: CheckpointVerificationView })
  verifyCheckpoints(@Query() query: CheckpointVerifyQuery) {
    return this.service.verifyCheckpoints(query.anchors);
  }

  @Post('checkpoints')
  @ApiOkResponse({ type: CheckpointEntryView })
  createCheckpoint() {
    return this.service.createCheckpoint();
  }

  /** Refused actions: authorization denials and actions the rules rejected. */
  @Get('access-log')
  @ApiOkResponse({ type: [AccessLogEntryView] })
  accessLog(@Query() query: AccessLogQuery) {
    return this.service.accessLog(query);
  }
}
