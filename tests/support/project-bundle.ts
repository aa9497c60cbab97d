import { approvalWorkflowId, ProjectMemberState, ProjectState, projectWorkflowId } from '@onewindow/contracts';
import {
  buildingPermitDefinition,
  builtInCalendar,
  CURRENT_ENGINE_RULES,
  gridConnectionDefinition,
  landUseDefinition,
} from '@onewindow/domain';
import type { projectWorkflow } from '@onewindow/workflows';
import type { WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { applicant, CaseRun, contextOf, inSeconds } from './case-run';
import { TestEnv } from './test-env';

/**
 * A battery plant's bundle: land use (planned 40 working days), then the construction permit (60),
 * with the grid connection (50) in parallel, under a 120-working-day limit. Land use runs with
 * second-scale periods so its consultation ends by itself.
 */
export async function startBatteryPlantProject(env: TestEnv): Promise<WorkflowHandle<typeof projectWorkflow>> {
  const projectId = randomUUID();
  return env.client.workflow.start<typeof projectWorkflow>('projectWorkflow', {
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
        engineRules: CURRENT_ENGINE_RULES,
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
            ctx: contextOf(inSeconds(buildingPermitDefinition, 60)),
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
}

export function memberOf(state: ProjectState, id: string): ProjectMemberState {
  const member = state.members.find((m) => m.id === id);
  if (!member) throw new Error(`no member ${id}`);
  return member;
}

/** The child approval workflow of one member of the bundle. */
export function memberRun(env: TestEnv, state: ProjectState, id: string): CaseRun {
  const { requestId } = memberOf(state, id);
  return new CaseRun(env, requestId, env.client.workflow.getHandle(approvalWorkflowId(requestId)));
}
