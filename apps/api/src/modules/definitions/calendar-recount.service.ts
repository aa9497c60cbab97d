import { externalEventSignal, searchAttributes } from '@onewindow/contracts';
import { CaseEvent, SYSTEM_ACTOR, WorkingCalendar } from '@onewindow/domain';
import { Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { MetricsService } from '../../core/observability/metrics.service';

export interface RecountResult {
  /** Running cases on the calendar that were sent the revision. */
  signalled: number;
  /** Cases the signal did not reach (they keep their dates until the next revision). */
  failed: number;
}

/** Signals sent at once: enough to be quick, few enough not to crowd the frontend. */
const CONCURRENCY = 16;

/**
 * Calendars are facts: a newly published revision reaches every running case of its jurisdiction, found by
 * the OwJurisdiction search attribute, as a `calendar-published` event; each case recounts its due dates and
 * records a "deadline recomputed" transition for each that moved. Definitions stay pinned.
 */
@Injectable()
export class CalendarRecountService {
  private readonly logger = new Logger(CalendarRecountService.name);

  constructor(
    private readonly temporal: Client,
    private readonly metrics: MetricsService,
  ) {}

  async signalRunningCases(calendar: WorkingCalendar, revision: number): Promise<RecountResult> {
    const query =
      `WorkflowType = 'approvalWorkflow' AND ExecutionStatus = 'Running' AND ` +
      `${searchAttributes.jurisdiction.name} = '${calendar.id}'`;
    const event: CaseEvent = {
      type: 'calendar-published',
      calendar,
      revision,
      at: new Date().toISOString(),
      actor: SYSTEM_ACTOR,
    };
    const result: RecountResult = { signalled: 0, failed: 0 };
    let batch: Promise<void>[] = [];
    const send = async (workflowId: string) => {
      try {
        await this.temporal.workflow.getHandle(workflowId).signal(externalEventSignal, event);
        result.signalled += 1;
      } catch (error) {
        // A case that closed in between needs no dates; any other failure is counted and logged.
        result.failed += 1;
        this.logger.warn(`calendar ${calendar.id} r${revision} did not reach ${workflowId}: ${String(error)}`);
      }
    };
    try {
      for await (const execution of this.temporal.workflow.list({ query })) {
        batch.push(send(execution.workflowId));
        if (batch.length >= CONCURRENCY) {
          await Promise.all(batch);
          batch = [];
        }
      }
    } catch (error) {
      this.logger.error(`listing running cases on calendar ${calendar.id} failed: ${String(error)}`);
      result.failed += 1;
    }
    await Promise.all(batch);
    this.metrics.calendarSignalled(calendar.id, 'sent', result.signalled);
    this.metrics.calendarSignalled(calendar.id, 'failed', result.failed);
    return result;
  }
}
