import { loadConfig } from '@onewindow/config';
import { createDataSource } from '@onewindow/persistence';
import { DataSource } from 'typeorm';
import { recordCase } from './audit-support';

const APP_ROLE = loadConfig().DATABASE_APP_ROLE;

describe('append-only transition log', () => {
  let superuser: DataSource;
  let app: DataSource;

  beforeAll(async () => {
    const { databaseUrl } = loadConfig();
    superuser = await createDataSource(databaseUrl).initialize();
    app = await createDataSource(databaseUrl, { role: APP_ROLE }).initialize();
  });

  afterAll(async () => {
    await app?.destroy();
    await superuser?.destroy();
  });

  it('runs application connections as the application role', async () => {
    const [{ role }] = await app.query<{ role: string }[]>(`SELECT current_user AS role`);
    expect(role).toBe(APP_ROLE);
  });

  it('lets the application role record transitions and move the read model', async () => {
    const requestId = await recordCase(app, 3);
    expect(await countTransitions(app, requestId)).toBe(3);
    await expect(app.query(`UPDATE requests SET title = 'renamed' WHERE id = $1`, [requestId])).resolves.toBeDefined();
  });

  it.each([
    ['UPDATE', `UPDATE transitions SET reason = 'edited' WHERE request_id = $1`],
    ['DELETE', `DELETE FROM transitions WHERE request_id = $1`],
    ['TRUNCATE', `TRUNCATE transitions CASCADE`],
    ['DISABLE TRIGGER', `ALTER TABLE transitions DISABLE TRIGGER transitions_append_only`],
  ])('refuses %s on the log to the application role', async (_, sql) => {
    const requestId = await recordCase(app, 2);
    await expect(app.query(sql, sql.includes('$1') ? [requestId] : [])).rejects.toThrow(
      /permission denied|must be owner/,
    );
    expect(await countTransitions(app, requestId)).toBe(2);
  });

  it.each(['checkpoints', 'checkpoint_entries', 'access_log'])('keeps %s append-only too', async (table) => {
    await expect(app.query(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/permission denied/);
  });

  it('refuses UPDATE and DELETE even to the table owner', async () => {
    const requestId = await recordCase(superuser, 2);
    await expect(
      superuser.query(`UPDATE transitions SET reason = 'edited' WHERE request_id = $1`, [requestId]),
    ).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(superuser.query(`DELETE FROM transitions WHERE request_id = $1`, [requestId])).rejects.toThrow(
      /append-only: DELETE refused/,
    );
  });
});

async function countTransitions(db: DataSource, requestId: string): Promise<number> {
  const sql = `SELECT count(*)::int AS count FROM transitions WHERE request_id = $1`;
  const [{ count }] = await db.query<{ count: number }[]>(sql, [requestId]);
  return count;
}
