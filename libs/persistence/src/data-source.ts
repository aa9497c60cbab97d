import { DataSource, DataSourceOptions } from 'typeorm';
import { AccessLogEntity } from './entities/access-log.entity';
import { CheckpointEntryEntity } from './entities/checkpoint-entry.entity';
import { CheckpointEntity } from './entities/checkpoint.entity';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { OpenTaskEntity } from './entities/open-task.entity';
import { PublishedCalendarEntity, PublishedDefinitionEntity } from './entities/published-definition.entity';
import { ProjectEntity } from './entities/project.entity';
import { RequestEntity } from './entities/request.entity';
import { TransitionEntity } from './entities/transition.entity';
import { InitialSchema1764115200000 } from './migrations/1764115200000-initial-schema';
import { AppendOnlyTransitions1764288000000 } from './migrations/1764288000000-append-only-transitions';
import { AuditTables1764288000100 } from './migrations/1764288000100-audit-tables';
import { ApiIdempotencyAndQueue1764374400000 } from './migrations/1764374400000-api-idempotency-and-queue';
import { PublishedDefinitions1764400000000 } from './migrations/1764400000000-published-definitions';
import { ProvisionalDueDates1764576000000 } from './migrations/1764576000000-provisional-due-dates';
import { Projects1764576000100 } from './migrations/1764576000100-projects';
import { StaffDirectory1764600000000 } from './migrations/1764600000000-staff-directory';
import { CaseDepartments1765100000022 } from './migrations/1765100000022-case-departments';
import { DocumentsAndNotifications1764900000000 } from './migrations/1764900000000-documents-and-notifications';
import { IssuedDocuments1765000000000 } from './migrations/1765000000000-issued-documents';
import { IdempotencyClaimLease1765100000000 } from './migrations/1765100000000-idempotency-claim-lease';
import { PublicRegister1765300000000 } from './migrations/1765300000000-public-register';
import { ConsulteeDirectory1765400000000 } from './migrations/1765400000000-consultee-directory';
import { APP_ROLE_SETTING } from './migrations/app-role';

export const ENTITIES = [
  RequestEntity,
  TransitionEntity,
  OpenTaskEntity,
  CheckpointEntity,
  CheckpointEntryEntity,
  AccessLogEntity,
  IdempotencyKeyEntity,
  PublishedDefinitionEntity,
  PublishedCalendarEntity,
  ProjectEntity,
];
export const MIGRATIONS = [
  InitialSchema1764115200000,
  AppendOnlyTransitions1764288000000,
  AuditTables1764288000100,
  ApiIdempotencyAndQueue1764374400000,
  PublishedDefinitions1764400000000,
  ProvisionalDueDates1764576000000,
  Projects1764576000100,
  StaffDirectory1764600000000,
  DocumentsAndNotifications1764900000000,
  IssuedDocuments1765000000000,
  IdempotencyClaimLease1765100000000,
  CaseDepartments1765100000022,
  PublicRegister1765300000000,
  ConsulteeDirectory1765400000000,
];

export interface ConnectionOptions {
  /**
   * Database role every connection switches to at start (`-c role=...`); the application runs as a
   * role that does not own the tables, migrations as the login user. Unset or empty: no switch.
   */
  role?: string;
  /** The application role the migrations provision and grant to (DATABASE_APP_ROLE); empty: none. */
  migrationAppRole?: string;
  /** Connections the pool may open (node-postgres' default: 10). */
  poolSize?: number;
}

/**
 * A session left idle inside a transaction (its client partitioned away or stuck) is ended by the server
 * after this long, so the row locks it holds (a case's chain head, a document series' next number) cannot
 * stop every other recording behind them.
 */
const IDLE_IN_TRANSACTION_TIMEOUT = '60s';

const ROLE_NAME = /^[a-z_][a-z0-9_$]{0,62}$/;

function assertRoleName(role: string | undefined): void {
  if (role && !ROLE_NAME.test(role)) throw new Error(`Not a plain database role name: ${JSON.stringify(role)}`);
}

export function dataSourceOptions(
  url: string,
  { role, migrationAppRole, poolSize }: ConnectionOptions = {},
): DataSourceOptions {
  assertRoleName(role);
  assertRoleName(migrationAppRole);
  const settings = [
    `-c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_TIMEOUT}`,
    ...(role ? [`-c role=${role}`] : []),
    ...(migrationAppRole !== undefined ? [`-c ${APP_ROLE_SETTING}=${migrationAppRole}`] : []),
  ];
  return {
    type: 'postgres',
    url,
    extra: { options: settings.join(' '), ...(poolSize ? { max: poolSize } : {}) },
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    applicationName: 'onewindow',
  };
}

export function createDataSource(url: string, options: ConnectionOptions = {}): DataSource {
  return new DataSource(dataSourceOptions(url, options));
}

/** Applies every pending migration, provisioning `appRole` for the application; returns the names of those it ran. */
export async function runMigrations(url: string, appRole: string): Promise<string[]> {
  const db = await createDataSource(url, { migrationAppRole: appRole }).initialize();
  try {
    const ran = await db.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await db.destroy();
  }
}

/**
 * Connections of the document issuer's own, for storing renditions in PostgreSQL. The issuer stores them
 * while its recording transaction holds the series' next number; from the recordings' pool, that write
 * could wait for a connection held by a recording that itself waits for the number, and under load every
 * connection ends up waiting. These connections are never held by a recording.
 */
export function createIssuingDataSource(url: string, options: Pick<ConnectionOptions, 'role'> = {}): DataSource {
  return createDataSource(url, { ...options, poolSize: 2 });
}
