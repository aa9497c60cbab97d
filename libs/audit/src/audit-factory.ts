import { AuditLogRepository, CheckpointRepository } from '@onewindow/persistence';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { AuditService } from './audit.service';
import { CaseAuditor, CaseAuditorOptions } from './case-auditor';
import { CheckpointSigner } from './checkpoint-signer';
import { CheckpointService } from './checkpoint.service';

export interface AuditWiring {
  db: DataSource;
  client: Client;
  /** The configured AUDIT_SIGNING_KEY. */
  signingKey: string;
  /** Keys that signed older checkpoints (AUDIT_PREVIOUS_SIGNING_KEYS). */
  previousSigningKeys?: readonly string[];
  auditor?: CaseAuditorOptions;
}

/** The audit use cases wired the same way for the API, the CLI and the worker's checkpoint schedule. */
export function createAuditService({
  db,
  client,
  signingKey,
  previousSigningKeys = [],
  auditor,
}: AuditWiring): AuditService {
  const log = new AuditLogRepository(db);
  const signer = new CheckpointSigner(signingKey, previousSigningKeys);
  const checkpoints = new CheckpointService(new CheckpointRepository(db), signer);
  return new AuditService(log, new CaseAuditor(log, client, auditor), checkpoints, client);
}
