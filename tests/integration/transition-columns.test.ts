import { loadConfig } from '@onewindow/config';
import { CHAINED_COLUMNS, createDataSource } from '@onewindow/persistence';
import { DataSource } from 'typeorm';

/** PostgreSQL's own names (udt_name) for the types the column list declares. */
const UDT = { uuid: 'uuid', int: 'int4', text: 'text', jsonb: 'jsonb', timestamptz: 'timestamptz' } as const;

describe('the hashed columns of the transition log', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await createDataSource(loadConfig().databaseUrl).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('exist in the migrated table with the types the append statement reads them as', async () => {
    const columns = await db.query<Array<{ name: string; type: string }>>(
      `SELECT column_name AS name, udt_name AS type FROM information_schema.columns WHERE table_name = 'transitions'`,
    );
    const actual = new Map(columns.map((c) => [c.name, c.type]));
    const expected = Object.values(CHAINED_COLUMNS).map((c) => [c.column, UDT[c.sqlType]]);

    expect(expected.map(([name]) => [name, actual.get(name)])).toEqual(expected);
  });
});
