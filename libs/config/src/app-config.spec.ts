import { ConfigError, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  it('applies defaults when nothing is set', () => {
    const sut = loadConfig({});
    expect(sut.temporalAddress).toBe('127.0.0.1:7233');
    expect(sut.databaseUrl).toBe('postgres://postgres:onewindow@127.0.0.1:5499/onewindow');
    expect(sut.API_PORT).toBe(3000);
  });

  it('prefers an explicit database and Temporal address', () => {
    const sut = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x', TEMPORAL_ADDRESS: 'temporal:7233' });
    expect(sut.databaseUrl).toBe('postgres://u@db:5432/x');
    expect(sut.temporalAddress).toBe('temporal:7233');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ API_PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ API_PORT: 'eighty' })).toThrow(/API_PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('needs the S3 settings only when documents go to S3', () => {
    expect(loadConfig({}).DOCUMENT_STORE).toBe('postgres');
    expect(loadConfig({}).DOCUMENT_MAX_BYTES).toBe(50 * 1024 * 1024);
    expect(() => loadConfig({ DOCUMENT_STORE: 's3' })).toThrow(/S3_URL: is required/);
    expect(() => loadConfig({ DOCUMENT_STORE: 'disk' })).toThrow(/DOCUMENT_STORE/);
    const s3 = {
      DOCUMENT_STORE: 's3',
      S3_URL: 'http://127.0.0.1:9000/docs',
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
    };
    expect(loadConfig(s3).S3_URL).toBe('http://127.0.0.1:9000/docs');
    expect(() => loadConfig({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
  });
});
