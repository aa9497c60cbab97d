import type { Actor, CaseStatus, IsoDate, ProcessContext, ProjectSchedule, WorkingCalendar } from '@onewindow/domain';
import { defineQuery, defineSignal } from '@temporalio/workflow';

/** One project (investment) per workflow; its requests run as child approval workflows. */
export const projectWorkflowId = (projectId: string): string => `project-${projectId}`;

export interface ProjectMember {
  /** Name within the bundle, e.g. 'land-use'. */
  id: string;
  title: string;
  ctx: ProcessContext;
  attributes: Record<string, string | number | boolean>;
  /** Members that must be approved before this one starts (the permit needs the land-use approval). */
  dependsOn?: string[];
  /** Planned length in working days, used for the schedule until the request is decided. */
  plannedWorkingDays: number;
  /** The request's id, when the caller chose it (so its read model can list the project's requests). */
  requestId?: string;
}

export interface ProjectWorkflowInput {
  projectId: string;
  title: string;
  applicant: Actor;
  submittedAt: string;
  /** The calendar the whole-project limit counts in. */
  calendar: WorkingCalendar;
  /** E.g. 120 working days from land to construction permit. */
  limitWorkingDays: number;
  members: ProjectMember[];
  /** The engine rules its requests are started under (absent on projects started before requests recorded them). */
  engineRules?: number;
}

export type MemberStatus = 'waiting' | 'running' | 'cancelled' | CaseStatus;

export interface ProjectMemberState {
  id: string;
  requestId: string;
  status: MemberStatus;
  startedOn?: IsoDate;
  decidedOn?: IsoDate;
}

export interface ProjectState {
  projectId: string;
  status: 'in_progress' | 'completed' | 'failed';
  members: ProjectMemberState[];
  /** Recomputed on every change: limit date, projected date, slack and the critical path. */
  schedule: ProjectSchedule;
  /** Set when the whole-project limit passed with requests still open. */
  limitBreachedAt?: string;
}

export const projectStateQuery = defineQuery<ProjectState>('projectState');

/**
 * A member request tells its project it was decided while its workflow runs on (a permit it issued is in force):
 * the project need not wait for the workflow to end to learn the decision.
 */
export const memberDecidedSignal = defineSignal<[{ requestId: string; status: CaseStatus }]>('memberDecided');
