import { approvalWorkflowId, ProjectState, projectStateQuery, projectWorkflowId } from '@onewindow/contracts';
import {
  buildingPermitDefinition,
  builtInCalendar,
  gridConnectionDefinition,
  landUseDefinition,
} from '@onewindow/domain';
import type { projectWorkflow } from '@onewindow/workflows';
import { randomUUID } from 'node:crypto';
import { approveLandUse, energiseGridConnection, issueBuildingPermit } from '../support/case-drivers';
import { applicant, CaseRun, contextOf, inSeconds } from '../support/case-run';
import { eventually, startTestEnv, TestEnv } from '../support/test-env';

describe('project bundle: land use, then the construction permit, with the grid connection in parallel', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(() => env?.close());

  it('starts each request when its prerequisite is approved and reports the critical path against the whole-project limit', async () => {
    const projectId = randomUUID();
    const handle = await env.client.workflow.start<typeof projectWorkflow>('projectWorkflow', {
      taskQueue: env.taskQueue,
      workflowId: projectWorkflowId(projectId),
      args: [
        {
          projectId,
          title: 'Battery plant',
          applicant,
          submittedAt: new Date().toISOString(),
          calendar: builtInCalendar('cn')!,
          limitWorkingDays: 120,
          members: [
            {
              id: 'land-use',
              title: 'Land use',
              ctx: contextOf(inSeconds(landUseDefinition, 2)),
              attributes: { development: 'minor' },
              plannedWorkingDays: 40,
            },
            {
              id: 'construction-permit',
              title: 'Construction permit',
              ctx: contextOf(buildingPermitDefinition),
              attributes: { floorAreaM2: 9000 },
              dependsOn: ['land-use'],
              plannedWorkingDays: 60,
            },
            {
              id: 'grid-connection',
              title: 'Grid connection',
              ctx: contextOf(inSeconds(gridConnectionDefinition, 60)),
              attributes: { loadKw: 8000 },
              plannedWorkingDays: 50,
            },
          ],
        },
      ],
    });
    const project = () => handle.query(projectStateQuery);
    const member = (state: ProjectState, id: string) => state.members.find((m) => m.id === id)!;
    const runOf = (state: ProjectState, id: string) => {
      const { requestId } = member(state, id);
      return new CaseRun(env, requestId, env.client.workflow.getHandle(approvalWorkflowId(requestId)));
    };

    const started = await eventually(async () => {
      const s = await project();
      return member(s, 'grid-connection').status === 'running' ? s : undefined;
    }, 'the first requests to start');
    expect(member(started, 'land-use').status).toBe('running');
    expect(member(started, 'construction-permit').status).toBe('waiting');
    // Land use (40) then the permit (60) take longer than the grid connection (50): they are the critical path.
    expect(started.schedule).toMatchObject({
      criticalPath: ['land-use', 'construction-permit'],
      limitWorkingDays: 120,
      workingDaysUsed: 100,
      slackWorkingDays: 20,
      withinLimit: true,
    });

    await approveLandUse(runOf(started, 'land-use'), 'minor');
    const permitStarted = await eventually(async () => {
      const s = await project();
      return member(s, 'construction-permit').status === 'running' ? s : undefined;
    }, 'the construction permit to start after the land-use approval');
    expect(member(permitStarted, 'land-use').status).toBe('approved');
    // Land use was decided the day the project started, so the permit's 60 planned days alone now set the date.
    expect(permitStarted.schedule.criticalPath).toEqual(['construction-permit']);
    expect(permitStarted.schedule.workingDaysUsed).toBeLessThan(started.schedule.workingDaysUsed);

    await Promise.all([
      issueBuildingPermit(runOf(permitStarted, 'construction-permit')),
      energiseGridConnection(runOf(permitStarted, 'grid-connection'), false),
    ]);
    const final = await handle.result();
    expect(final.status).toBe('completed');
    expect(final.members.map((m) => m.status)).toEqual(['approved', 'approved', 'approved']);
    expect(final.schedule.withinLimit).toBe(true);
    expect(final.limitBreachedAt).toBeUndefined();
  });
});
