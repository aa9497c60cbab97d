import { actUpdate, approvalWorkflowId } from '@onewindow/contracts';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { findDemoUser } from '../../apps/api/src/auth/demo-users';
import { msSince } from '../support/stats';
import { Progress } from '../support/progress';
import { Action, CasePlan, planFor } from './case-plans';
import { HttpClient } from './http-client';
import { LaneOutcome, runLanes } from './lanes';

interface Detail {
  id: string;
  status: string;
  currentSteps: Array<{ stepId: string }>;
  timeline: unknown[];
}

export interface DriveResult extends LaneOutcome {
  requestIds: string[];
  /** Milliseconds of every HTTP decision answered 200 (after its transitions were recorded). */
  decisionLatencies: number[];
  submitLatencies: number[];
  /** Applicant decisions sent straight to the workflow because the API refuses them (see the report). */
  directApplicantUpdates: number;
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
  /** Set once the API has refused an applicant's decision: from then on they go to the workflow directly. */
  private applicantDecisionsRefused = false;

  constructor(
    private readonly http: HttpClient,
    private readonly temporal: Client,
  ) {}

  async drive(opts: { count: number; concurrency: number; label: string }): Promise<DriveResult> {
    const result = {
      requestIds: [] as string[],
      decisionLatencies: [] as number[],
      submitLatencies: [] as number[],
      directApplicantUpdates: 0,
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
    // The first decision waits until the workflow has recorded the submission: an Update that reaches a
    // workflow before its first task runs is recorded ahead of the submission and never completes
    // (see BENCHMARKS.md, "Known problems").
    result.statusPolls += await this.awaitStatus(plan.applicant, id, (d) => d.timeline.length > 0, 'the submission');

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
    result: Pick<DriveResult, 'decisionLatencies' | 'directApplicantUpdates'>,
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
    const isApplicant = action.user === plan.applicant;
    if (isApplicant && this.applicantDecisionsRefused) {
      await this.decideInWorkflow(id, action);
      result.directApplicantUpdates += 1;
      return undefined;
    }
    const { stepId, user, ...body } = action;
    delete (body as { kind?: string }).kind;
    const started = process.hrtime.bigint();
    const answer = await this.http.as<Detail>(user, 'POST', `/requests/${id}/steps/${stepId}/decision`, body);
    if (answer.status === 200) {
      result.decisionLatencies.push(msSince(started));
      return answer.body;
    }
    if (isApplicant && answer.status === 403) {
      this.applicantDecisionsRefused = true;
      await this.decideInWorkflow(id, action);
      result.directApplicantUpdates += 1;
      return undefined;
    }
    throw new Error(`decision ${stepId} by ${user} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }

  /** What the API would send for an applicant's decision: the same Update, straight to the workflow. */
  private async decideInWorkflow(id: string, action: Extract<Action, { kind: 'decide' }>): Promise<void> {
    const actor = findDemoUser(action.user);
    if (!actor) throw new Error(`no demo user ${action.user}`);
    const event = {
      type: 'decide' as const,
      stepId: action.stepId,
      outcome: action.outcome,
      actor,
      at: new Date().toISOString(),
    };
    await this.temporal.workflow
      .getHandle(approvalWorkflowId(id))
      .executeUpdate(actUpdate, { args: [{ event, source: 'api' }], updateId: randomUUID() });
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
