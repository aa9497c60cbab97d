import type { CaseState, Transition } from '@onewindow/domain';

/** Where the change that asked for a recording came from. */
export type TransitionSource = 'api' | 'timer' | 'external' | 'system';

/** What the read model keeps of a request beside its state. */
export interface RequestIdentity {
  requestId: string;
  applicantId: string;
  title: string;
  attributes: Record<string, string | number | boolean>;
  submittedAt: string;
}

/** A transition as the workflow asks to record it; `source` where it differs by transition within a batch. */
export type BatchedTransition = Transition & { source?: TransitionSource };

/** What the workflow asks the recording activity to write, in one database transaction. */
export interface TransitionBatch {
  request: RequestIdentity;
  workflowId: string;
  runId: string;
  /** Where the change that asked for this batch came from; a transition's own `source` overrides it. */
  source: TransitionSource;
  /** The case state after the last transition of the batch. */
  state: CaseState;
  transitions: BatchedTransition[];
}

export interface RecordResult {
  /** How many of the batch's transitions were new; a retried batch records none. */
  recorded: number;
  lastSeq: number;
}

/** The activities the approval workflow calls. */
export interface RecordActivities {
  recordTransitions(batch: TransitionBatch): Promise<RecordResult>;
}
