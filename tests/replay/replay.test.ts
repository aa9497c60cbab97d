import { replayHistories } from '@onewindow/audit';
import { join } from 'node:path';
import { loadRecordedHistories, RecordedHistory } from './recorded-history';

// Bundling the workflow code takes a while; replay itself needs no server.
jest.setTimeout(180_000);

const nonDeterministicVariant = join(__dirname, 'variants', 'nondeterministic');

describe('recorded workflow histories', () => {
  let recorded: RecordedHistory[];
  beforeAll(async () => {
    recorded = await loadRecordedHistories();
  });

  const toReplay = (histories: RecordedHistory[]) =>
    histories.map((h) => ({ workflowId: h.workflowId, runId: h.scenario, history: h.history }));

  it('covers every built-in definition, the project bundle and its child workflows', () => {
    const types = new Set(recorded.map((h) => h.workflowType));
    expect(types).toEqual(new Set(['approvalWorkflow', 'projectWorkflow']));
    expect(recorded.map((h) => h.scenario)).toEqual(
      expect.arrayContaining([
        'building-permit-issued',
        'land-use-major-approved',
        'grid-connection-parallel-review',
        'project-bundle',
      ]),
    );
  });

  it('replays every recorded history against the current workflow code without a determinism error', async () => {
    const outcomes = await replayHistories(toReplay(recorded));
    expect(outcomes).toHaveLength(recorded.length);
    const diverged = outcomes
      .filter((o) => !o.deterministic)
      .map((o) => ({ scenario: o.runId, workflowId: o.workflowId, error: o.errorType, divergence: o.divergence }));
    expect(diverged).toEqual([]);
  });

  it('reports a workflow change that issues a command no recorded history expects', async () => {
    const approvals = recorded.filter((h) => h.workflowType === 'approvalWorkflow');
    const outcomes = await replayHistories(toReplay(approvals), { workflowsPath: nonDeterministicVariant });
    const diverged = outcomes.filter((o) => !o.deterministic);
    expect(diverged.length).toBeGreaterThan(0);
    expect(diverged[0]).toMatchObject({ errorType: 'DeterminismViolationError', divergence: expect.any(String) });
  });
});
