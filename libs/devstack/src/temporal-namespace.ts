import { readFileSync } from 'node:fs';
import type { ClusterTls } from './temporal-cluster-config';
import type { SearchAttributeType } from './temporal-dev-server';
import { waitUntil } from './wait-until';

const INDEXED_VALUE_TYPE: Record<SearchAttributeType, number> = {
  Text: 1,
  Keyword: 2,
  Int: 3,
  Double: 4,
  Bool: 5,
  Datetime: 6,
  KeywordList: 7,
};

export async function registerNamespace(opts: {
  address: string;
  tls?: ClusterTls;
  namespace: string;
  retentionDays: number;
  searchAttributes: Record<string, SearchAttributeType>;
  log?: (line: string) => void;
}): Promise<void> {
  // Loaded here so the rest of devstack does not need the Temporal client.
  const { Connection } = await import('@temporalio/client');
  const { msToTs } = await import('@temporalio/common/lib/time');
  const deadline = Date.now() + 180_000;
  // Each step has what is left of the one deadline.
  const remaining = () => ({ timeoutMs: Math.max(0, deadline - Date.now()), intervalMs: 1_000 });
  const connection = await waitUntil(
    'the Temporal frontend to accept connections',
    () =>
      Connection.connect({
        address: opts.address,
        connectTimeout: 5_000,
        tls: opts.tls
          ? { serverNameOverride: opts.tls.serverName, serverRootCACertificate: readFileSync(opts.tls.caFile) }
          : undefined,
      }),
    remaining(),
  );
  try {
    await waitUntil(
      `namespace ${opts.namespace} to be registered`,
      async () => {
        try {
          await connection.workflowService.registerNamespace({
            namespace: opts.namespace,
            workflowExecutionRetentionPeriod: msToTs(opts.retentionDays * 86_400_000),
          });
          opts.log?.(`Registered namespace ${opts.namespace} (retention ${opts.retentionDays} days)`);
        } catch (error) {
          if (!isAlreadyExists(error)) throw error;
        }
        return true;
      },
      remaining(),
    );
    const wanted = Object.fromEntries(
      Object.entries(opts.searchAttributes).map(([name, type]) => [name, INDEXED_VALUE_TYPE[type]]),
    );
    await waitUntil(
      'the search attributes to be registered',
      async () => {
        const existing = await connection.operatorService.listSearchAttributes({ namespace: opts.namespace });
        const missing = Object.fromEntries(
          Object.entries(wanted).filter(([name]) => !(name in (existing.customAttributes ?? {}))),
        );
        if (Object.keys(missing).length > 0) {
          await connection.operatorService.addSearchAttributes({
            namespace: opts.namespace,
            searchAttributes: missing,
          });
        }
        const now = await connection.operatorService.listSearchAttributes({ namespace: opts.namespace });
        const absent = Object.keys(wanted).filter((name) => !(name in (now.customAttributes ?? {})));
        if (absent.length > 0) throw new Error(`search attributes not yet visible: ${absent.join(', ')}`);
        return true;
      },
      remaining(),
    );
  } finally {
    await connection.close();
  }
}

function isAlreadyExists(error: unknown): boolean {
  return (error as { code?: number })?.code === 6 || /already exists|AlreadyExists/i.test(String(error));
}
