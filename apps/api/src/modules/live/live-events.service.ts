import { AppConfig } from '@onewindow/config';
import { activeDepartments, CaseState, findStep } from '@onewindow/domain';
import { RequestRepository, TransitionListener, TransitionNotice } from '@onewindow/persistence';
import { Injectable, Logger, MessageEvent, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { defer, filter, from, interval, map, merge, mergeMap, Observable, of, share } from 'rxjs';
import { DefinitionCatalogService } from '../definitions/definition-catalog.service';

const HEARTBEAT_MS = 15_000;
/** A batch rarely holds more transitions than this; enough to find the steps a batch just closed. */
const BATCH_LOOKBACK = 10;

interface QueueNotice extends TransitionNotice {
  status: string;
  departments: string[];
}

/**
 * Live updates over Server-Sent Events, fed by one LISTEN connection per API process: every
 * recorded batch of transitions reaches the streams of its request and of the departments involved.
 */
@Injectable()
export class LiveEventsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('LiveEvents');
  private readonly listener: TransitionListener;
  private readonly notices$: Observable<TransitionNotice>;
  private readonly queueNotices$: Observable<QueueNotice>;

  constructor(
    config: AppConfig,
    private readonly rows: RequestRepository,
    private readonly catalog: DefinitionCatalogService,
  ) {
    this.listener = new TransitionListener(config.databaseUrl, (error) =>
      this.logger.warn({ msg: 'transition listener connection lost', err: String(error) }),
    );
    this.notices$ = new Observable<TransitionNotice>((subscriber) =>
      this.listener.subscribe((notice) => subscriber.next(notice)),
    ).pipe(share());
    // Looked up once per notice however many queue streams are open.
    this.queueNotices$ = this.notices$.pipe(
      mergeMap((notice) => from(this.enrich(notice))),
      filter((notice): notice is QueueNotice => notice !== undefined),
      share(),
    );
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
  }

  /** The request's stream (the route's guard has checked that the caller may see the request). */
  requestEvents(requestId: string): Observable<MessageEvent> {
    // Subscribed before the current state is read, so no transition between the two is missed.
    const ready = defer(() => from(this.rows.findById(requestId))).pipe(
      map((row): MessageEvent => ({
        type: 'ready',
        data: { requestId, lastSeq: row?.lastSeq ?? 0, status: row?.status ?? null },
      })),
    );
    const transitions = this.notices$.pipe(
      filter((notice) => notice.requestId === requestId),
      map((notice): MessageEvent => ({ type: 'transition', id: `${notice.lastSeq}`, data: notice })),
    );
    return merge(transitions, ready, heartbeat());
  }

  /** A department's stream (every department's when `department` is undefined). */
  queueEvents(department: string | undefined): Observable<MessageEvent> {
    const ready: MessageEvent = { type: 'ready', data: { department: department ?? null } };
    const transitions = this.queueNotices$.pipe(
      filter((notice) => department === undefined || notice.departments.includes(department)),
      map((notice): MessageEvent => ({ type: 'transition', data: notice })),
    );
    return merge(of(ready), transitions, heartbeat());
  }

  /** Departments with an open step on the request now, or one the batch just closed. */
  private async enrich(notice: TransitionNotice): Promise<QueueNotice | undefined> {
    try {
      const row = await this.rows.findById(notice.requestId);
      if (!row) return undefined;
      const state = row.state as CaseState;
      const { definition } = await this.catalog.context(row.definitionKey, row.definitionVersion);
      const touched = await this.rows.stepsTouchedSince(notice.requestId, notice.lastSeq - BATCH_LOOKBACK);
      const departments = new Set(activeDepartments(state));
      for (const stepId of touched) {
        const department = findStep(definition, stepId)?.step.owner.department;
        if (department) departments.add(department);
      }
      return { ...notice, status: row.status, departments: [...departments] };
    } catch (error) {
      this.logger.warn({ msg: 'could not route a transition notice', requestId: notice.requestId, err: String(error) });
      return undefined;
    }
  }
}

/** A comment-like keep-alive so proxies do not close an idle stream. */
function heartbeat(): Observable<MessageEvent> {
  return interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} })));
}
