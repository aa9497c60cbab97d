import { CheckpointService, CheckpointSigner, LogVerifier } from '@onewindow/audit';
import { loadConfig } from '@onewindow/config';
import { AuditLogRepository, CheckpointRepository, createDataSource } from '@onewindow/persistence';
import { DataSource } from 'typeorm';
import { recordCase, tamper, TEST_SIGNING_KEY } from './audit-support';

describe(CheckpointService.name, () => {
  let db: DataSource;
  let sut: CheckpointService;

  beforeAll(async () => {
    db = await createDataSource(loadConfig().databaseUrl).initialize();
    sut = new CheckpointService(new CheckpointRepository(db), new CheckpointSigner(TEST_SIGNING_KEY));
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it('reports a case deleted after a checkpoint attested it', async () => {
    const kept = await recordCase(db, 3);
    const deleted = await recordCase(db, 4);
    const about = (issues: { requestId: string }[]) => issues.filter((i) => [kept, deleted].includes(i.requestId));
    await sut.create();
    expect(about((await sut.verify()).issues)).toEqual([]);

    await tamper(
      db,
      [`DELETE FROM open_tasks WHERE request_id = $1`, [deleted]],
      [`DELETE FROM transitions WHERE request_id = $1`, [deleted]],
      [`DELETE FROM requests WHERE id = $1`, [deleted]],
    );

    expect(about((await sut.verify()).issues)).toEqual([
      expect.objectContaining({ requestId: deleted, seq: 4, kind: 'case-deleted' }),
    ]);
  });

  it('reports the latest transitions of a case removed after a checkpoint', async () => {
    const requestId = await recordCase(db, 5);
    await sut.create();
    await tamper(db, [`DELETE FROM transitions WHERE request_id = $1 AND seq >= 4`, [requestId]]);

    const { issues } = await sut.verify();
    expect(issues).toContainEqual(expect.objectContaining({ requestId, seq: 5, kind: 'transitions-deleted' }));
  });

  it('reports a case rewritten with a consistent new chain', async () => {
    const requestId = await recordCase(db, 2);
    await sut.create();
    await tamper(db, [`UPDATE transitions SET hash = repeat('a', 64) WHERE request_id = $1 AND seq = 2`, [requestId]]);

    const { issues } = await sut.verify();
    expect(issues).toContainEqual(expect.objectContaining({ requestId, seq: 2, kind: 'case-rewritten' }));
  });

  it('reports a checkpoint that was altered or removed', async () => {
    await recordCase(db, 1);
    const first = await sut.create();
    const second = await sut.create();
    const third = await sut.create();
    await tamper(db, [`UPDATE checkpoints SET request_count = request_count + 1 WHERE id = $1`, [first.id]]);

    const kinds = (await sut.verify()).issues.map((i) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['checkpoint-altered', 'checkpoint-entries']));

    const removeCheckpoint = (id: string) =>
      tamper(
        db,
        [`DELETE FROM checkpoint_entries WHERE checkpoint_id = $1`, [id]],
        [`DELETE FROM checkpoints WHERE id = $1`, [id]],
      );
    await removeCheckpoint(second.id);
    const broken = (await sut.verify()).issues.filter((i) => i.kind === 'checkpoint-chain').map((i) => i.message);
    expect(broken).toEqual([
      `checkpoint ${third.id}: does not link to the previous checkpoint (one was removed or replaced)`,
    ]);

    // The newest checkpoint leaves no successor to break; a hash kept outside the database catches it.
    await removeCheckpoint(third.id);
    const missing = (await sut.verify([third.hash])).issues.filter((i) => i.kind === 'checkpoint-missing');
    expect(missing.map((i) => i.message)).toEqual([`checkpoint ${third.hash} is gone`]);
  });

  it('rejects a checkpoint signed with another key', async () => {
    await sut.create();
    const other = new CheckpointService(new CheckpointRepository(db), new CheckpointSigner('x'.repeat(40)));
    expect((await other.verify()).issues.map((i) => i.kind)).toContain('checkpoint-key');
  });
});

describe(LogVerifier.name, () => {
  let db: DataSource;
  let sut: LogVerifier;

  beforeAll(async () => {
    db = await createDataSource(loadConfig().databaseUrl).initialize();
    sut = new LogVerifier(new AuditLogRepository(db));
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it('finds an untouched case clean', async () => {
    expect(await sut.verifyCase(await recordCase(db, 4))).toEqual([]);
  });

  it('reports a row edited by a superuser with its exact seq', async () => {
    const requestId = await recordCase(db, 5);
    await tamper(db, [`UPDATE transitions SET outcome = 'refuse' WHERE request_id = $1 AND seq = 3`, [requestId]]);

    expect(await sut.verifyCase(requestId)).toEqual([
      expect.objectContaining({ requestId, seq: 3, kind: 'hash-mismatch' }),
    ]);
  });

  it('reports a removed row as a gap, and a head the read model disagrees with', async () => {
    const requestId = await recordCase(db, 4);
    await tamper(db, [`DELETE FROM transitions WHERE request_id = $1 AND seq = 2`, [requestId]]);

    const issues = await sut.verifyCase(requestId);
    expect(issues).toContainEqual(expect.objectContaining({ seq: 2, kind: 'seq-gap' }));
  });
});
