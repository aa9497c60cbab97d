import {
  approvalWorkflowId,
  memberDecidedSignal,
  MemberStatus,
  ProjectMember,
  ProjectMemberState,
  ProjectState,
  projectStateQuery,
  ProjectWorkflowInput,
} from '@onewindow/contracts';
import { dayOf, endOfDay, scheduleProject } from '@onewindow/domain';
import { condition, ParentClosePolicy, patched, setHandler, startChild, uuid4 } from '@temporalio/workflow';
import { approvalWorkflow } from './approval.workflow';

/**
 * Runs the requests of one investment as child approval workflows: each starts as soon as the
 * requests it depends on are approved, all under one whole-project working-day limit. The schedule
 * and its critical path are recomputed whenever a request starts or is decided.
 */
export async function projectWorkflow(input: ProjectWorkflowInput): Promise<ProjectState> {
  const { calendar, limitWorkingDays, members } = input;
  // Days are the calendar's local days; histories from before count UTC days, as they did then.
  const zone = patched(LOCAL_DAYS) ? calendar : undefined;
  // A member that issued a permit runs on while the permit is in force: the project learns its decision from its
  // signal, ends without waiting for it, and leaves it running. Histories from before waited for every member.
  const membersOutliveProject = patched(MEMBERS_OUTLIVE_PROJECT);
  const today = () => dayOf(new Date().toISOString(), zone);
  const startedOn = dayOf(input.submittedAt, zone);
  const memberStates: ProjectMemberState[] = members.map((m) => ({
    id: m.id,
    requestId: m.requestId ?? uuid4(),
    status: 'waiting',
  }));
  const stateOf = (id: string) => memberStates.find((m) => m.id === id)!;

  const schedule = () =>
    scheduleProject(
      calendar,
      startedOn,
      limitWorkingDays,
      members.map((m) => {
        const { decidedOn } = stateOf(m.id);
        return decidedOn
          ? { id: m.id, dependsOn: m.dependsOn, dueDate: decidedOn }
          : { id: m.id, dependsOn: m.dependsOn, workingDays: m.plannedWorkingDays };
      }),
    );

  let state: ProjectState = {
    projectId: input.projectId,
    status: 'in_progress',
    members: memberStates,
    schedule: schedule(),
  };
  const refresh = (patch: Partial<ProjectState> = {}) => {
    state = { ...state, ...patch, members: memberStates, schedule: schedule() };
  };
  setHandler(projectStateQuery, () => state);
  setHandler(memberDecidedSignal, ({ requestId, status }) => {
    const decided = memberStates.find((m) => m.requestId === requestId && m.status === 'running');
    const member = decided && members.find((m) => m.id === decided.id);
    if (member) void settle(member, status);
  });

  const running: Array<Promise<void>> = [];
  const start = async (member: ProjectMember) => {
    const memberState = stateOf(member.id);
    const child = await startChild(approvalWorkflow, {
      workflowId: approvalWorkflowId(memberState.requestId),
      ...(membersOutliveProject ? { parentClosePolicy: ParentClosePolicy.ABANDON } : {}),
      args: [
        {
          ctx: member.ctx,
          title: `${input.title}: ${member.title}`,
          submission: {
            requestId: memberState.requestId,
            applicant: input.applicant,
            attributes: member.attributes,
            at: new Date().toISOString(),
            ...(input.engineRules !== undefined ? { engineRules: input.engineRules } : {}),
          },
        },
      ],
    });
    memberState.status = 'running';
    memberState.startedOn = today();
    refresh();
    running.push(
      child.result().then(
        (final) => settleIfRunning(member, final.status),
        // A terminated or failed request counts as not approved.
        () => settleIfRunning(member, 'cancelled'),
      ),
    );
  };

  const settle = async (member: ProjectMember, status: MemberStatus) => {
    const memberState = stateOf(member.id);
    memberState.status = status;
    memberState.decidedOn = today();
    if (status !== 'approved') {
      // A dependent request cannot proceed without this approval.
      for (const dependent of dependentsOf(member.id)) stateOf(dependent.id).status = 'cancelled';
    }
    refresh();
    for (const next of members.filter((m) => stateOf(m.id).status === 'waiting' && ready(m))) await start(next);
  };

  /** A member whose signal already told its decision is settled once. */
  const settleIfRunning = async (member: ProjectMember, status: MemberStatus) => {
    if (stateOf(member.id).status === 'running') await settle(member, status);
  };

  const dependentsOf = (id: string): ProjectMember[] => {
    const direct = members.filter((m) => m.dependsOn?.includes(id));
    return [...direct, ...direct.flatMap((m) => dependentsOf(m.id))];
  };
  const ready = (m: ProjectMember) => (m.dependsOn ?? []).every((dep) => stateOf(dep).status === 'approved');
  const open = () => memberStates.some((m) => m.status === 'waiting' || m.status === 'running');

  for (const member of members.filter(ready)) await start(member);

  const limitAt = Date.parse(endOfDay(state.schedule.limitDate, zone));
  const finishedInTime = await condition(() => !open(), Math.max(1, limitAt - Date.now()));
  if (!finishedInTime) {
    refresh({ limitBreachedAt: new Date().toISOString() });
    await condition(() => !open());
  }
  if (!membersOutliveProject) await Promise.all(running);
  const failed = memberStates.some((m) => m.status !== 'approved');
  refresh({ status: failed ? 'failed' : 'completed' });
  return state;
}

/** The patch after which member requests may run on after their decision (and after the project). */
const MEMBERS_OUTLIVE_PROJECT = 'members-outlive-project';

/** The patch that made the project's days local days of its calendar. */
const LOCAL_DAYS = 'project-local-days';
