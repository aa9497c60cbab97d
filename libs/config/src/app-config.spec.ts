import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '.';

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

  it('reads the egress allow-list: host names, addresses and CIDR ranges, nothing else', () => {
    expect(loadConfig({}).egressAllowedHosts).toEqual([]);
    expect(loadConfig({ EGRESS_ALLOWED_HOSTS: 'hooks.intranet, 10.20.0.0/16,::1' }).egressAllowedHosts).toEqual([
      'hooks.intranet',
      '10.20.0.0/16',
      '::1',
    ]);
    expect(() => loadConfig({ EGRESS_ALLOWED_HOSTS: 'http://hooks.intranet/' })).toThrow(/EGRESS_ALLOWED_HOSTS/);
    expect(() => loadConfig({ EGRESS_ALLOWED_HOSTS: '10.0.0.0/99' })).toThrow(/EGRESS_ALLOWED_HOSTS/);
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

describe('deployment mode', () => {
  const ready = {
    ONEWINDOW_MODE: 'production',
    AUTH_DEV_LOGIN: 'false',
    AUTH_DEV_SECRET: 's'.repeat(40),
    AUDIT_SIGNING_KEY: 'a'.repeat(40),
    AUTH_JWKS_URL: 'https://idp.example/jwks',
    AUTH_ISSUER: 'https://idp.example',
    DOCUMENT_SIGNING_P12: 'MIIKfAIBAzCCCjIGCSqGSIb3DQEHAaCCCiMEggofMIIKGzCCBI8GCSqGSIb3DQEHBqCCBIAwggR8AgEA',
    PUBLIC_URL: 'https://permits.example.gov',
  };

  it('is production when NODE_ENV=production, development otherwise, unless ONEWINDOW_MODE says', () => {
    expect(loadConfig({}).mode).toBe('development');
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/Refusing to start in production mode/);
    expect(loadConfig({ NODE_ENV: 'production', ONEWINDOW_MODE: 'development' }).mode).toBe('development');
    expect(loadConfig(ready).mode).toBe('production');
  });

  it('names every development shortcut production refuses, together with invalid values', () => {
    let message = '';
    try {
      loadConfig({ ONEWINDOW_MODE: 'production', API_PORT: 'x' });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of [
      'API_PORT',
      'AUTH_DEV_LOGIN',
      'AUTH_DEV_SECRET',
      'AUDIT_SIGNING_KEY',
      'AUTH_JWKS_URL',
      'AUTH_ISSUER',
      'DOCUMENT_SIGNING_P12',
      'PUBLIC_URL',
    ]) {
      expect(message).toContain(name);
    }
  });

  it('refuses plain http to a provider beyond this machine in production', () => {
    expect(() => loadConfig({ ...ready, AUTH_JWKS_URL: 'http://idp.example/jwks' })).toThrow(/https/);
    expect(loadConfig({ ...ready, AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks' }).AUTH_JWKS_URL).toBeDefined();
  });
});

describe('secrets from files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ow-config-'));
  const file = (name: string, content: string) => {
    writeFileSync(`${dir}/${name}`, content);
    return `${dir}/${name}`;
  };

  it('reads <NAME>_FILE, without its final newline', () => {
    const sut = loadConfig({ AUDIT_SIGNING_KEY_FILE: file('audit', `${'k'.repeat(40)}\n`) });
    expect(sut.AUDIT_SIGNING_KEY).toBe('k'.repeat(40));
  });

  it('refuses both forms at once and a file it cannot read, naming them', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'm'.repeat(40), METRICS_TOKEN_FILE: file('m', 'm'.repeat(40)) })).toThrow(
      /METRICS_TOKEN and METRICS_TOKEN_FILE/,
    );
    expect(() => loadConfig({ AUTH_DEV_SECRET_FILE: `${dir}/missing` })).toThrow(/AUTH_DEV_SECRET_FILE: cannot read/);
  });
});
