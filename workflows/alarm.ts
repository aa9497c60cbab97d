import { CancellationScope, sleep } from '@temporalio/workflow';

/**
 * One durable timer for the earliest deadline, moved only when that deadline moves, so actions
 * that leave the deadline alone add no timer events to the history.
 */
export class Alarm {
  private current?: { dueAt: string; scope: CancellationScope; rang: boolean };

  get rang(): boolean {
    return this.current?.rang ?? false;
  }

  set(dueAt: string | undefined): void {
    if (this.current && this.current.dueAt === dueAt && !this.current.rang) return;
    this.current?.scope.cancel();
    this.current = undefined;
    if (dueAt === undefined) return;
    const armed = { dueAt, scope: new CancellationScope(), rang: false };
    void armed.scope
      .run(() => sleep(Math.max(1, Date.parse(dueAt) - Date.now())))
      .then(
        () => (armed.rang = true),
        () => undefined, // cancelled because the deadline moved
      );
    this.current = armed;
  }
}
