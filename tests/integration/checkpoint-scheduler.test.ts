import { CheckpointService, CheckpointSigner } from '@onewindow/audit';
import { CheckpointRepository } from '@onewindow/persistence';
import { CheckpointScheduler } from '../../apps/worker/src/checkpoint.scheduler';
import { startTestEnv, TestEnv } from '../support/test-env';

describe(CheckpointScheduler.name, () => {
  let env: TestEnv;
  let checkpoints: CheckpointService;
  beforeAll(async () => {
    env = await startTestEnv();
    checkpoints = new CheckpointService(new CheckpointRepository(env.db), new CheckpointSigner('k'.repeat(32)));
  });
  afterAll(() => env?.close());

  it('signs a checkpoint when none is recent, and leaves it to the next interval otherwise', async () => {
    // Other tests in the run may have signed checkpoints a moment ago: start the clock past them.
    let now = new Date(Date.now() + 2 * 3600_000);
    const sut = new CheckpointScheduler(checkpoints, 3600, () => now);
    const before = (await checkpoints.list()).length;

    await sut.tick();
    const afterFirst = await checkpoints.list();
    expect(afterFirst.length).toBe(before + 1);

    await sut.tick();
    expect((await checkpoints.list()).length).toBe(before + 1);

    now = new Date(now.getTime() + 3601_000);
    await sut.tick();
    const afterSecond = await checkpoints.list();
    expect(afterSecond.length).toBe(before + 2);
    // Each checkpoint links to the one before it.
    expect(afterSecond.at(-1)?.prevHash).toBe(afterFirst.at(-1)?.hash);
  });
});
