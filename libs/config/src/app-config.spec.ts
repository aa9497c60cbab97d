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
});
