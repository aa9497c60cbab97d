import { approvalWorkflowId, projectStateQuery } from '@onewindow/contracts';
import { buildingPermitDefinition, gridConnectionDefinition, landUseDefinition } from '@onewindow/domain';
import { approveLandUse, energiseGridConnection, issueBuildingPermit, revokePermit } from '../support/case-drivers';
import { applicant, CaseRun, clerk, contextOf, inSeconds, supervisor } from '../support/case-run';
import { memberOf, startBatteryPlantProject } from '../support/project-bundle';
import { eventually, TestEnv } from '../support/test-env';

/** A workflow a scenario ran, whose history is saved under `name`. */
export interface RecordedWorkflow {
  name: string;
  workflowId: string;
}

export interface Scenario {
  name: string;
  /** Drives real workflows to the end of the path (or terminates them there) and names them. */
  run(env: TestEnv): Promise<RecordedWorkflow[]>;
}

const permit = (seconds: number) => contextOf(inSeconds(buildingPermitDefinition, seconds));
const landUse = (seconds: number) => contextOf(inSeconds(landUseDefinition, seconds));
const grid = (seconds: number) => contextOf(inSeconds(gridConnectionDefinition, seconds));

const one = (name: string, run: CaseRun): RecordedWorkflow[] => [{ name, workflowId: run.handle.workflowId }];

async function finish(run: CaseRun): Promise<void> {
  await run.handle.result();
}

/** A path that stops midway: the history still exercises every command up to there. */
async function stop(run: CaseRun): Promise<void> {
  await run.handle.terminate('recorded');
}

async function atPermitDecision(env: TestEnv): Promise<CaseRun> {
  const run = await CaseRun.start(env, permit(3));
  await run.act({ type: 'decide', stepId: 'intake', outcome: 'complete', actor: clerk('building') });
  for (const department of ['building', 'fire', 'environment']) {
    await run.act({ type: 'decide', stepId: `${department}-review`, outcome: 'approved', actor: clerk(department) });
  }
  return run;
}

/** Every built-in definition along its main path, and every mechanism the engine offers. */
export const scenarios: Scenario[] = [
  {
    name: 'building-permit-issued',
    async run(env) {
      const run = await CaseRun.start(env, contextOf(buildingPermitDefinition), { floorAreaM2: 1200 });
      await issueBuildingPermit(run);
      // The workflow waits while the permit is in force; its revocation ends it.
      await revokePermit(run);
      await finish(run);
      return one(this.name, run);
    },
  },
  {
    name: 'building-permit-lifecycle',
    async run(env) {
      const run = await CaseRun.start(env, contextOf(buildingPermitDefinition), { floorAreaM2: 1200 });
      await issueBuildingPermit(run);
      const change = (type: 'suspend-document' | 'reinstate-document', reason: string) =>
        run.act({ type, documentId: 'permit-1', reason, actor: supervisor });
      await change('suspend-document', 'Site inspection due');
      await change('reinstate-document', 'Inspected');
      await run.act({
        type: 'vary-document',
        documentId: 'permit-1',
        reason: 'Condition 1 extended to hall B',
        conditions: [{ text: 'Sprinklers in halls A and B', reason: 'Battery store fire load' }],
        actor: supervisor,
      });
      await revokePermit(run, 'permit-2');
      await finish(run);
      return one(this.name, run);
    },
  },
  {
    name: 'land-use-major-approved',
    async run(env) {
      const run = await CaseRun.start(env, landUse(3), { development: 'major' });
      await approveLandUse(run, 'major');
      await finish(run);
      return one(this.name, run);
    },
  },
  {
    // A law change mid-life: the case moves to v2 in consultation, its timer moves, and it runs on under v2.
    name: 'land-use-migrated-in-consultation',
    async run(env) {
      const run = await CaseRun.start(env, landUse(60), { development: 'minor' });
      await run.act({ type: 'decide', stepId: 'validation', outcome: 'valid', actor: clerk('planning') });
      await run.act({
        type: 'migrate-definition',
        definition: inSeconds(landUseDefinition, 4, 2),
        reason: 'Planning (Consultation) Act',
        actor: { id: 'admin', role: 'administrator' },
      });
      await approveLandUse(run, 'minor', { validated: true });
      await finish(run);
      return one(this.name, run);
    },
  },
  {
    name: 'grid-connection-parallel-review',
    async run(env) {
      const run = await CaseRun.start(env, grid(30), { loadKw: 24000, supplySource: 'dual' });
      await energiseGridConnection(run, true);
      await finish(run);
      return one(this.name, run);
    },
  },
  {
    name: 'permit-deemed-complete-then-escalated',
    async run(env) {
      const run = await CaseRun.start(env, permit(3));
      await run.waitFor(
        (s) => s.activeSteps.some((a) => a.stepId === 'plan-review' && a.escalated),
        'intake deemed complete and the review escalated',
      );
      await stop(run);
      return one(this.name, run);
    },
  },
  {
    name: 'permit-deemed-approved-after-notice',
    async run(env) {
      const run = await atPermitDecision(env);
      await run.act({ type: 'give-notice', stepId: 'decision', actor: applicant });
      await run.recorded('timer.deemed-approved', 'decision');
      await stop(run);
      return one(this.name, run);
    },
  },
  {
    name: 'permit-information-requested-and-answered',
    async run(env) {
      const run = await CaseRun.start(env, permit(3));
      await run.act({
        type: 'request-information',
        stepId: 'intake',
        items: [{ id: 'site-plan', description: 'Site plan at 1:500' }],
        actor: clerk('building'),
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await run.act({ type: 'answer-information', stepId: 'intake', actor: applicant });
      await run.act({ type: 'decide', stepId: 'intake', outcome: 'complete', actor: clerk('building') });
      await stop(run);
      return one(this.name, run);
    },
  },
  {
    name: 'permit-missing-documents-lapsed',
    async run(env) {
      const run = await CaseRun.start(env, permit(3));
      await run.act({
        type: 'accept-with-missing',
        stepId: 'intake',
        items: [{ id: 'soil-report', description: 'Geotechnical soil report' }],
        actor: clerk('building'),
      });
      await finish(run);
      return one(this.name, run);
    },
  },
  {
    name: 'permit-extension-accepted',
    async run(env) {
      const run = await CaseRun.start(env, permit(20));
      const proposed = await run.act({
        type: 'propose-extension',
        stepId: 'intake',
        by: { value: 30, unit: 'seconds' },
        reason: 'Complex site',
        actor: supervisor,
      });
      await run.act({ type: 'accept-extension', extensionId: proposed.extensions[0].id, actor: applicant });
      await run.act({ type: 'decide', stepId: 'intake', outcome: 'complete', actor: clerk('building') });
      await stop(run);
      return one(this.name, run);
    },
  },
  {
    name: 'permit-withdrawn',
    async run(env) {
      const run = await CaseRun.start(env, permit(60));
      await run.act({ type: 'decide', stepId: 'intake', outcome: 'complete', actor: clerk('building') });
      await run.act({ type: 'withdraw', reason: 'Project cancelled', actor: applicant });
      await finish(run);
      return one(this.name, run);
    },
  },
  {
    name: 'land-use-refused-appeal-allowed',
    async run(env) {
      const run = await CaseRun.start(env, landUse(3), { development: 'minor' });
      await run.act({ type: 'decide', stepId: 'validation', outcome: 'valid', actor: clerk('planning') });
      await run.recorded('timer.elapsed', 'consultation');
      await run.act({ type: 'decide', stepId: 'assessment', outcome: 'recommend-refusal', actor: clerk('planning') });
      await run.act({
        type: 'decide',
        stepId: 'determination',
        outcome: 'refused',
        reason: 'Overbearing',
        actor: supervisor,
      });
      await run.act({ type: 'appeal', grounds: 'The design was amended', actor: applicant });
      await run.act({ type: 'decide', stepId: 'appeal', outcome: 'allowed', actor: clerk('planning-inspectorate') });
      await finish(run);
      return one(this.name, run);
    },
  },
  {
    name: 'land-use-refused-appeal-window-closed',
    async run(env) {
      const run = await CaseRun.start(env, landUse(3), { development: 'minor' });
      await run.act({ type: 'decide', stepId: 'validation', outcome: 'valid', actor: clerk('planning') });
      await run.recorded('timer.elapsed', 'consultation');
      await run.act({ type: 'decide', stepId: 'assessment', outcome: 'recommend-refusal', actor: clerk('planning') });
      await run.act({ type: 'decide', stepId: 'determination', outcome: 'refused', actor: supervisor });
      await finish(run);
      return one(this.name, run);
    },
  },
  {
    name: 'project-bundle',
    async run(env) {
      const handle = await startBatteryPlantProject(env);
      const running = (id: string) =>
        eventually(async () => {
          const state = await handle.query(projectStateQuery);
          return memberOf(state, id).status === 'running' ? memberOf(state, id).requestId : undefined;
        }, `${id} to start`);
      const runOf = (requestId: string) =>
        new CaseRun(env, requestId, env.client.workflow.getHandle(approvalWorkflowId(requestId)));
      const [landUseId, gridId] = await Promise.all([running('land-use'), running('grid-connection')]);
      await approveLandUse(runOf(landUseId), 'minor');
      const permitId = await running('construction-permit');
      await Promise.all([issueBuildingPermit(runOf(permitId)), energiseGridConnection(runOf(gridId), false)]);
      await handle.result();
      // The construction permit's request outlives the project while its permit is in force.
      await revokePermit(runOf(permitId));
      await finish(runOf(permitId));
      return [
        { name: this.name, workflowId: handle.workflowId },
        { name: `${this.name}.land-use`, workflowId: approvalWorkflowId(landUseId) },
        { name: `${this.name}.construction-permit`, workflowId: approvalWorkflowId(permitId) },
        { name: `${this.name}.grid-connection`, workflowId: approvalWorkflowId(gridId) },
      ];
    },
  },
];
