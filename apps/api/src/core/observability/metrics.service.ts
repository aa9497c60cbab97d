import { WorkQueueRepository } from '@onewindow/persistence';
import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The API's Prometheus metrics, in a registry of its own (so several apps in one process never collide). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly httpRequests = new Counter({
    name: 'onewindow_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'onewindow_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly workflowStarts = new Counter({
    name: 'onewindow_workflow_starts_total',
    help: 'Approval workflows started, by definition',
    labelNames: ['definition'] as const,
    registers: [this.registry],
  });
  private readonly actions = new Counter({
    name: 'onewindow_actions_total',
    help: 'Actions sent to workflows, by type and result (applied or refused)',
    labelNames: ['action', 'result'] as const,
    registers: [this.registry],
  });
  private readonly decisions = new Counter({
    name: 'onewindow_decisions_total',
    help: 'Step decisions recorded through the API, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly authFailures = new Counter({
    name: 'onewindow_authentication_failures_total',
    help: 'Calls refused for missing or invalid credentials, by reason (expired, bad-signature, wrong-audience…)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private readonly liveStreams = new Gauge({
    name: 'onewindow_live_streams',
    help: 'Event streams open now',
    registers: [this.registry],
  });

  constructor(queue: WorkQueueRepository) {
    collectDefaultMetrics({ register: this.registry, prefix: 'onewindow_api_' });
    new Gauge({
      name: 'onewindow_overdue_steps',
      help: 'Open steps past their due date, by department (read from the work queue at scrape time)',
      labelNames: ['department'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { department, count } of await queue.overdueByDepartment(new Date())) {
          this.set({ department }, count);
        }
      },
    });
    new Gauge({
      name: 'onewindow_provisional_due_steps',
      help: "Open steps whose due date counts past their calendar's coverage, by department (until a calendar covering it is published)",
      labelNames: ['department'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { department, count } of await queue.provisionalByDepartment()) this.set({ department }, count);
      },
    });
  }

  private readonly calendarSignals = new Counter({
    name: 'onewindow_calendar_recount_signals_total',
    help: 'Running cases sent a newly published calendar revision, by calendar and result',
    labelNames: ['calendar', 'result'] as const,
    registers: [this.registry],
  });

  calendarSignalled(calendar: string, result: 'sent' | 'failed', count: number): void {
    if (count > 0) this.calendarSignals.inc({ calendar, result }, count);
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  workflowStarted(definition: string): void {
    this.workflowStarts.inc({ definition });
  }

  actionApplied(action: string, outcome?: string): void {
    this.actions.inc({ action, result: 'applied' });
    if (outcome !== undefined) this.decisions.inc({ outcome });
  }

  actionRefused(action: string): void {
    this.actions.inc({ action, result: 'refused' });
  }

  authenticationFailed(reason: string): void {
    this.authFailures.inc({ reason });
  }

  liveStreamOpened(): void {
    this.liveStreams.inc();
  }

  liveStreamClosed(): void {
    this.liveStreams.dec();
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
