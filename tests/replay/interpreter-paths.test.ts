import { parseCase, reconstruct } from '@onewindow/audit';
import { canonicalJson } from '@onewindow/persistence';
import { loadRecordedHistories, RecordedHistory } from './recorded-history';

/**
 * The workflow and the auditor run cases through one interpreter. Every recorded approval history is
 * folded again on the auditor's path, from Temporal history alone, and must agree with what the workflow
 * did on its path: each batch it recorded, and the state it finished in. (The replay test proves the
 * current workflow code still makes those same histories.)
 */
describe('one case interpreter for the workflow and the auditor', () => {
  let approvals: RecordedHistory[];
  beforeAll(async () => {
    approvals = (await loadRecordedHistories()).filter((h) => h.workflowType === 'approvalWorkflow');
  });

  it('has recorded approval histories to compare, finished and part-way', () => {
    expect(approvals.length).toBeGreaterThanOrEqual(10);
    const finished = approvals.filter(
      (h) => parseCase(h.workflowId, [{ runId: h.scenario, history: h.history }]).result,
    );
    expect(finished.length).toBeGreaterThanOrEqual(5);
  });

  it('reconstructs every recorded history to the batches and final state the workflow produced', () => {
    const disagreements = approvals.flatMap((recorded) => {
      const parsed = parseCase(recorded.workflowId, [{ runId: recorded.scenario, history: recorded.history }]);
      const rebuilt = reconstruct(parsed);
      const problems = rebuilt.divergences.map((d) => `${recorded.scenario}: ${d.message}`);
      // A run recorded part-way has no result; its batches, each with the state after it, are compared above.
      if (parsed.result && canonicalJson(rebuilt.state) !== canonicalJson(parsed.result)) {
        problems.push(`${recorded.scenario}: final state differs from the workflow's result`);
      }
      return problems;
    });
    expect(disagreements).toEqual([]);
  });
});
