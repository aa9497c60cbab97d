import { msSince } from '../support/stats';
import { Progress } from '../support/progress';
import { Action, CasePlan, planFor } from './case-plans';
import { HttpClient } from './http-client';
import { LaneOutcome, runLanes } from './lanes';

interface Detail {
  id: string;
  status: string;
  currentSteps: Array<{ stepId: string }>;
}

export interface DriveResult extends LaneOutcome {
  requestIds: string[];
  /** Milliseconds of every HTTP decision answered 200 (after its transitions were recorded). */
  decisionLatencies: number[];
  submitLatencies: number[];
  httpCalls: number;
  statusPolls: number;
}

const POLL_INTERVAL_MS = 50;
const POLL_TIMEOUT_MS = 60_000;

/**
 * Simulated applicants and clerks: each case is submitted over HTTP and worked step by step to its
 * final decision by the demo users of the departments that own its steps.
 */
export class OneWindowDriver {
  constructor(private readonly http: HttpClient) {}

  async drive(opts: { count: number; concurrency: number; label: string }): Promise<DriveResult> {
    const result = {
      requestIds: [] as string[],
      decisionLatencies: [] as number[],
      submitLatencies: [] as number[],
      statusPolls: 0,
    };
    const callsBefore = this.http.calls;
    const lanes = await runLanes(
      opts.count,
      opts.concurrency,
      (index) => this.runCase(planFor(index), result),
      new Progress(opts.label, opts.count, ' requests'),
    );
    return { ...lanes, ...result, httpCalls: this.http.calls - callsBefore };
  }

  private async runCase(plan: CasePlan, result: Omit<DriveResult, keyof LaneOutcome | 'httpCalls'>): Promise<void> {
    const submitStart = process.hrtime.bigint();
    const submitted = await this.http.as<Detail>(plan.applicant, 'POST', '/requests', {
      definitionKey: plan.definitionKey,
      title: plan.title,
      attributes: plan.attributes,
    });
    if (submitted.status !== 202)
      throw new Error(`submit answered ${submitted.status}: ${JSON.stringify(submitted.body)}`);
    result.submitLatencies.push(msSince(submitStart));
    const id = submitted.body.id;
    result.requestIds.push(id);

    let last: Detail | undefined;
    for (const round of plan.rounds) {
      if ('awaitStep' in round) {
        const stepId = round.awaitStep;
        const active = (d: Detail) => d.currentSteps.some((s) => s.stepId === stepId);
        result.statusPolls += await this.awaitStatus(plan.applicant, id, active, `step ${stepId}`);
        continue;
      }
      const answers = await Promise.all(round.actions.map((action) => this.act(plan, id, action, result)));
      last = answers.find((a) => a !== undefined) ?? last;
    }
    if (last?.status !== plan.finalStatus) {
      const detail = await this.http.as<Detail>(plan.applicant, 'GET', `/requests/${id}`);
      if (detail.body.status !== plan.finalStatus) {
        throw new Error(`${plan.definitionKey} ${id} ended ${detail.body.status}, not ${plan.finalStatus}`);
      }
    }
  }

  /** One action; answers the request's new status when the API gives it. */
  private async act(
    plan: CasePlan,
    id: string,
    action: Action,
    result: Pick<DriveResult, 'decisionLatencies'>,
  ): Promise<Detail | undefined> {
    if (action.kind === 'pay') {
      const paid = await this.http.as(action.user, 'POST', `/requests/${id}/payments`, {
        stepId: action.stepId,
        reference: `PAY-${id.slice(0, 8)}`,
        amount: 1250,
      });
      if (paid.status !== 202) throw new Error(`payment answered ${paid.status}: ${JSON.stringify(paid.body)}`);
      return undefined;
    }
    const { stepId, user, ...body } = action;
    delete (body as { kind?: string }).kind;
    // The applicant completes its own steps; clerks and supervisors decide theirs.
    const route = user === plan.applicant ? 'completion' : 'decision';
    const started = process.hrtime.bigint();
    const answer = await this.http.as<Detail>(user, 'POST', `/requests/${id}/steps/${stepId}/${route}`, body);
    if (answer.status !== 200) {
      throw new Error(`${route} of ${stepId} by ${user} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    result.decisionLatencies.push(msSince(started));
    return answer.body;
  }

  /** Polls the status page, as the applicant, until it shows what `ready` wants; returns how many reads it took. */
  private async awaitStatus(user: string, id: string, ready: (d: Detail) => boolean, what: string): Promise<number> {
    const deadline = Date.now() + POLL_TIMEOUT_MS;
    for (let polls = 1; Date.now() < deadline; polls++) {
      const detail = await this.http.as<Detail>(user, 'GET', `/requests/${id}`);
      if (detail.status === 200 && ready(detail.body)) return polls;
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
    throw new Error(`${what} of ${id} did not show within ${POLL_TIMEOUT_MS / 1000}s`);
  }
}
