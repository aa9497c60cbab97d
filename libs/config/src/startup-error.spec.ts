import { ConfigError, loadConfig } from '.';
import { StartupError, startupErrorLine } from './startup-error';

describe(startupErrorLine.name, () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://app:secret@db.internal:6432/onewindow',
    TEMPORAL_ADDRESS: 'temporal:7233',
  });

  it('names PostgreSQL and DATABASE_URL for a refused connection, without the password', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:6432'), { code: 'ECONNREFUSED' });
    const sut = startupErrorLine(refused, config);
    expect(sut).toBe(
      'Cannot reach PostgreSQL at db.internal:6432/onewindow (DATABASE_URL): connect ECONNREFUSED 10.0.0.5:6432',
    );
  });

  it('names Temporal and TEMPORAL_ADDRESS when the worker cannot connect', () => {
    const sut = startupErrorLine(
      new Error('Failed to connect to temporal:7233\n  caused by: tcp connect error'),
      config,
    );
    expect(sut).toBe('Cannot reach Temporal at temporal:7233 (TEMPORAL_ADDRESS): Failed to connect to temporal:7233');
  });

  it('puts a configuration error on one line', () => {
    let caught: unknown;
    try {
      loadConfig({ API_PORT: 'eighty' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect(startupErrorLine(caught)).toMatch(/^Invalid configuration: API_PORT: [^\n]+$/);
  });

  it('names the setting of a start-up error', () => {
    expect(startupErrorLine(new StartupError('DEFINITIONS_DIR', 'No folder /srv/definitions'))).toBe(
      'No folder /srv/definitions (DEFINITIONS_DIR)',
    );
  });
});
