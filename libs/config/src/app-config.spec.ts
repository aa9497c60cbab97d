import { ConfigError, loadConfig } from './app-config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

describe('Temporal connection settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-tls-'));
  const file = (name: string) => {
    const path = join(dir, name);
    writeFileSync(path, `-----BEGIN ${name}-----`);
    return path;
  };

  it('connects in plain text by default', () => {
    expect(loadConfig({ TEMPORAL_ADDRESS: 'temporal:7233' }).temporalConnection).toEqual({ address: 'temporal:7233' });
  });

  it('reads the CA, the client certificate pair and the server name for mTLS', () => {
    const sut = loadConfig({
      TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233',
      TEMPORAL_TLS_CA_FILE: file('ca'),
      TEMPORAL_TLS_CERT_FILE: file('crt'),
      TEMPORAL_TLS_KEY_FILE: file('key'),
      TEMPORAL_TLS_SERVER_NAME: 'frontend.internal',
    }).temporalConnection;
    expect(sut.address).toBe('ns.acct.tmprl.cloud:7233');
    expect(sut.tls?.serverNameOverride).toBe('frontend.internal');
    expect(sut.tls?.serverRootCACertificate?.toString()).toBe('-----BEGIN ca-----');
    expect(sut.tls?.clientCertPair?.crt.toString()).toBe('-----BEGIN crt-----');
    expect(sut.tls?.clientCertPair?.key.toString()).toBe('-----BEGIN key-----');
  });

  it('turns TLS on with an API key', () => {
    expect(loadConfig({ TEMPORAL_API_KEY: 'key-123' }).temporalConnection).toMatchObject({
      tls: {},
      apiKey: 'key-123',
    });
  });

  it('refuses a client certificate without its key', () => {
    expect(() => loadConfig({ TEMPORAL_TLS_CERT_FILE: file('crt') })).toThrow(/TEMPORAL_TLS_KEY_FILE go together/);
  });

  it('names the setting whose file cannot be read', () => {
    expect(() => loadConfig({ TEMPORAL_TLS_CA_FILE: join(dir, 'missing.pem') }).temporalConnection).toThrow(
      /TEMPORAL_TLS_CA_FILE: cannot read/,
    );
  });
});
