import { databaseNameOf, redactUrl, withDatabase } from './postgres-url';

describe(withDatabase.name, () => {
  it('swaps only the database, keeping credentials and parameters', () => {
    expect(withDatabase('postgres://u:p%40ss@db:5432/app?sslmode=require', 'app_test')).toBe(
      'postgres://u:p%40ss@db:5432/app_test?sslmode=require',
    );
  });

  it('rejects URLs that are not PostgreSQL', () => {
    expect(() => withDatabase('mysql://u@db/app', 'x')).toThrow(/postgres:\/\//);
  });
});

describe(databaseNameOf.name, () => {
  it('decodes the name and notices a missing one', () => {
    expect(databaseNameOf('postgresql://db/my%20app')).toBe('my app');
    expect(databaseNameOf('postgres://db:5432')).toBeUndefined();
  });
});

describe(redactUrl.name, () => {
  it('never shows the password', () => {
    expect(redactUrl('postgres://u:secret@db/app')).toBe('postgres://u:***@db/app');
  });
});
