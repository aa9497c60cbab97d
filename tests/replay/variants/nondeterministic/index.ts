// A deliberately non-deterministic change: a timer before anything else, which no recorded history expects.
import type { ApprovalWorkflowInput } from '@onewindow/contracts';
import type { CaseState } from '@onewindow/domain';
import { sleep } from '@temporalio/workflow';
import { approvalWorkflow as current } from '../../../../workflows/approval.workflow';

export async function approvalWorkflow(input: ApprovalWorkflowInput): Promise<CaseState> {
  await sleep('1 second');
  return current(input);
}
