export const EMBEDDED_PG_PASSWORD = 'onewindow';
export const DATABASE_NAME = 'onewindow';

export function embeddedDatabaseUrl(port: number, database = DATABASE_NAME): string {
  return `postgres://postgres:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${port}/${database}`;
}

export interface TemporalTlsSettings {
  serverNameOverride?: string;
  serverRootCACertificate?: Buffer;
  clientCertPair?: { crt: Buffer; key: Buffer };
}

/** The shape both `Connection.connect` and `NativeConnection.connect` accept. */
export interface TemporalConnectionSettings {
  address: string;
  tls?: TemporalTlsSettings;
  apiKey?: string;
}
