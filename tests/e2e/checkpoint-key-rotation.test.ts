import { keyIdOf } from '@onewindow/audit';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, TestApi } from '../support/test-api';

interface Checkpoint {
  id: string;
  keyId: string;
}
interface Verification {
  issues: Array<{ kind: string; message: string }>;
}

describe('rotating the audit signing key', () => {
  const oldKey = randomBytes(24).toString('hex');
  const newKey = randomBytes(24).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'ow-audit-keys-'));
  const file = (name: string, content: string) => {
    writeFileSync(join(dir, name), `${content}\n`, { mode: 0o600 });
    return join(dir, name);
  };
  let api: TestApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  const asAuditor = async (target: TestApi) => ({ authorization: `Bearer ${await target.login('auditor')}` });
  const checkpoint = async (target: TestApi) =>
    (
      await target.http
        .post('/audit/checkpoints')
        .set(await asAuditor(target))
        .expect(201)
    ).body as Checkpoint;
  /** Issues about these checkpoints (other tests sign checkpoints of their own in the same database). */
  const issuesOf = async (target: TestApi, ...checkpoints: Checkpoint[]) => {
    const res = await target.http
      .get('/audit/checkpoints/verify')
      .set(await asAuditor(target))
      .expect(200);
    return (res.body as Verification).issues.filter((issue) =>
      checkpoints.some((cp) => issue.message.startsWith(`checkpoint ${cp.id}:`)),
    );
  };

  it('keeps old checkpoints verifiable with the previous key, and names the key of one it cannot check', async () => {
    api = await startTestApi({ AUDIT_SIGNING_KEY: oldKey });
    const before = await checkpoint(api);
    expect(before.keyId).toBe(keyIdOf(oldKey));
    await api.close();

    // Rotated: the new key signs, the old one (read from a file, like the new one) still verifies.
    api = await startTestApi({
      AUDIT_SIGNING_KEY_FILE: file('current', newKey),
      AUDIT_PREVIOUS_SIGNING_KEYS_FILE: file('previous', oldKey),
    });
    const after = await checkpoint(api);
    expect(after.keyId).toBe(keyIdOf(newKey));
    expect(await issuesOf(api, before, after)).toEqual([]);
    await api.close();

    // Without the previous key the old checkpoint cannot be checked, and the auditor is told which key it needs.
    api = await startTestApi({ AUDIT_SIGNING_KEY: newKey });
    expect(await issuesOf(api, before, after)).toEqual([
      expect.objectContaining({ kind: 'checkpoint-key', message: expect.stringContaining(keyIdOf(oldKey)) }),
    ]);
  });
});
