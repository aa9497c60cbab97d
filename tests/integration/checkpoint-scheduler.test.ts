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

  it('leaves signing to the next interval while a recent checkpoint exists, then signs one linked to it', async () => {
    let now = new Date();
    const sut = new CheckpointScheduler(checkpoints, 3600, () => now);
    // Whether this signs depends on checkpoints other tests signed; afterwards one is at most an hour old.
    await sut.tick();
    const recent = (await checkpoints.list()).at(-1)!;

    await sut.tick();
    expect((await checkpoints.list()).at(-1)?.id).toBe(recent.id);

    now = new Date(Date.parse(recent.createdAt) + 3601_000);
    await sut.tick();
    const next = (await checkpoints.list()).at(-1)!;
    expect(next.id).not.toBe(recent.id);
    expect(next.prevHash).toBe(recent.hash);
  });
});
