import { loadConfig } from '@onewindow/config';
import { dropDatabase, recreateDatabase } from '@onewindow/devstack';
import { createDataSource, runMigrations } from '@onewindow/persistence';
import { DataSource } from 'typeorm';

const ROLE = 'onewindow_custom_app';

describe('migrations under a configured application role', () => {
  let url: string;
  let app: DataSource;

  beforeAll(async () => {
    url = await recreateDatabase(loadConfig().databaseUrl, `onewindow_role_${process.pid}`);
    await runMigrations(url, ROLE);
    app = await createDataSource(url, { role: ROLE }).initialize();
  });

  afterAll(async () => {
    await app?.destroy();
    if (url) await dropDatabase(url);
  });

  it('provision the role DATABASE_APP_ROLE names, which may read and append but not rewrite the log', async () => {
    const [{ role }] = await app.query<{ role: string }[]>(`SELECT current_user AS role`);
    expect(role).toBe(ROLE);
    await expect(app.query(`SELECT count(*) FROM transitions`)).resolves.toBeDefined();
    await expect(app.query(`TRUNCATE transitions`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM calendars`)).rejects.toThrow(/permission denied/);
  });
});
