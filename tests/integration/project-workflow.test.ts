import { ProjectState, projectStateQuery } from '@onewindow/contracts';
import { approveLandUse, energiseGridConnection, issueBuildingPermit } from '../support/case-drivers';
import { memberOf, memberRun, startBatteryPlantProject } from '../support/project-bundle';
import { eventually, startTestEnv, TestEnv } from '../support/test-env';

describe('project bundle: land use, then the construction permit, with the grid connection in parallel', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(() => env?.close());

  it('starts each request when its prerequisite is approved and reports the critical path against the whole-project limit', async () => {
    const handle = await startBatteryPlantProject(env);
    const project = () => handle.query(projectStateQuery);
    const member = memberOf;
    const runOf = (state: ProjectState, id: string) => memberRun(env, state, id);

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
