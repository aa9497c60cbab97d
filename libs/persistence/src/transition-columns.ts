import type { ChainedFields } from './hash-chain';

interface ColumnSpec {
  column: string;
  /** The PostgreSQL type, as the append statement reads the batch's JSON rows. */
  sqlType: 'uuid' | 'int' | 'text' | 'jsonb' | 'timestamptz';
}

/**
 * The columns of a recorded transition that its hash covers, defined once: the entity, the append
 * statement, the auditor's re-hash, the export and the status page's timeline all derive from this
 * list, so a new column cannot be hashed in one place and forgotten in another (the `satisfies`
 * clause makes the compiler insist on exactly the fields of ChainedFields).
 */
export const CHAINED_COLUMNS = {
  requestId: { column: 'request_id', sqlType: 'uuid' },
  seq: { column: 'seq', sqlType: 'int' },
  stepId: { column: 'step_id', sqlType: 'text' },
  event: { column: 'event', sqlType: 'text' },
  fromState: { column: 'from_state', sqlType: 'text' },
  toState: { column: 'to_state', sqlType: 'text' },
  actorId: { column: 'actor_id', sqlType: 'text' },
  actorRole: { column: 'actor_role', sqlType: 'text' },
  actorDepartment: { column: 'actor_department', sqlType: 'text' },
  outcome: { column: 'outcome', sqlType: 'text' },
  reason: { column: 'reason', sqlType: 'text' },
  conditions: { column: 'conditions', sqlType: 'jsonb' },
  data: { column: 'data', sqlType: 'jsonb' },
  source: { column: 'source', sqlType: 'text' },
  occurredAt: { column: 'occurred_at', sqlType: 'timestamptz' },
  workflowId: { column: 'workflow_id', sqlType: 'text' },
  runId: { column: 'run_id', sqlType: 'text' },
} as const satisfies Record<keyof ChainedFields, ColumnSpec>;

export type ChainedField = keyof typeof CHAINED_COLUMNS;

export const CHAINED_FIELD_NAMES = Object.keys(CHAINED_COLUMNS) as ChainedField[];

/** The columns a recorded row carries beyond the hashed ones: its link in the chain. */
const LINK_COLUMNS: Record<'prevHash' | 'hash', ColumnSpec> = {
  prevHash: { column: 'prev_hash', sqlType: 'text' },
  hash: { column: 'hash', sqlType: 'text' },
};

const APPENDED = [...Object.values(CHAINED_COLUMNS), ...Object.values(LINK_COLUMNS)];

/** The insert's column list, in the order of `appendedRecordset`. */
export const APPENDED_COLUMN_LIST = APPENDED.map((c) => c.column).join(', ');

/** `jsonb_to_recordset` column definitions for rows made by `appendedRow`. */
export const APPENDED_RECORDSET = APPENDED.map((c) => `${c.column} ${c.sqlType}`).join(', ');

/** A transition's row as the append statement reads it (column names as keys). */
export function appendedRow(fields: ChainedFields, prevHash: string, hash: string): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const name of CHAINED_FIELD_NAMES) row[CHAINED_COLUMNS[name].column] = fields[name];
  row[LINK_COLUMNS.prevHash.column] = prevHash;
  row[LINK_COLUMNS.hash.column] = hash;
  return row;
}

/** The hashed fields of a stored or exported row, exactly as they were hashed. */
export function chainedFieldsOfRow(row: { [K in ChainedField]: unknown }): ChainedFields {
  const fields = Object.fromEntries(CHAINED_FIELD_NAMES.map((name) => [name, row[name]])) as unknown as ChainedFields;
  // PostgreSQL hands timestamps back as Dates; they were hashed as ISO strings.
  if (row.occurredAt instanceof Date) fields.occurredAt = row.occurredAt.toISOString();
  return fields;
}

/** What the status page shows of each transition. */
const TIMELINE_FIELDS = [
  'seq',
  'stepId',
  'event',
  'fromState',
  'toState',
  'actorId',
  'actorRole',
  'actorDepartment',
  'outcome',
  'reason',
  'conditions',
  'data',
  'source',
  'occurredAt',
] as const satisfies readonly ChainedField[];

export type TimelineField = (typeof TIMELINE_FIELDS)[number];

/** A request's transitions up to a seq ($2), in order, each named as its field: the status page's timeline. */
export const TIMELINE_SQL = `SELECT ${TIMELINE_FIELDS.map((f) => `${CHAINED_COLUMNS[f].column} AS "${f}"`).join(', ')}
  FROM transitions WHERE request_id = $1 AND seq <= $2 ORDER BY seq`;
