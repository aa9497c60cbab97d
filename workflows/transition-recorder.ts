import type { BatchedTransition, RecordActivities, TransitionBatch, TransitionSource } from '@onewindow/contracts';
import type { CaseState, Transition } from '@onewindow/domain';

/**
 * Sends committed transitions to the log. Each batch carries every transition not yet known to be
 * recorded, so batches run side by side: whichever reaches the database first records them all, in
 * order, and the others find them there. A decision answers as soon as its own batch is recorded
 * instead of queueing behind the recordings of the decisions made together with it. Runs begun
 * before the RECORD_IN_PARALLEL patch recorded one batch after another, and still do on replay.
 */
export class TransitionRecorder {
  private unrecorded: BatchedTransition[] = [];
  private all: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly recordTransitions: RecordActivities['recordTransitions'],
    private readonly origin: Pick<TransitionBatch, 'request' | 'workflowId' | 'runId'>,
    private readonly parallel: boolean,
  ) {}

  /** Resolves when `transitions`, and every transition committed before them, are recorded. */
  record(state: CaseState, transitions: Transition[], source: TransitionSource): Promise<unknown> {
    if (transitions.length === 0) return this.all;
    if (!this.parallel) {
      const batch = { ...this.origin, source, state, transitions };
      this.all = this.all.then(() => this.recordTransitions(batch));
      return this.all;
    }
    this.unrecorded.push(...transitions.map((t) => ({ ...t, source })));
    const batch = { ...this.origin, source, state, transitions: [...this.unrecorded] };
    const lastSeq = transitions[transitions.length - 1].seq;
    const recorded = this.recordTransitions(batch).then(() => {
      this.unrecorded = this.unrecorded.filter((t) => t.seq > lastSeq);
    });
    this.all = Promise.all([this.all, recorded]);
    return recorded;
  }

  /** Resolves when everything committed so far is recorded. */
  settled(): Promise<unknown> {
    return this.all;
  }
}
