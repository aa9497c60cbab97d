import {
  AuditLogRepository,
  canonicalJson,
  CHAINED_COLUMNS,
  CHAINED_FIELD_NAMES,
  ChainedFields,
  chainedFieldsOfRow,
  GENESIS_HASH,
  TransitionEntity,
} from '@onewindow/persistence';
import { createHash } from 'node:crypto';
import { createWriteStream, WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AuditIssue, chainedFieldsOf, ChainRow, verifyChain } from './chain-verification';
import { csvLine, parseCsv } from './csv';

export const EXPORT_FORMAT = 'onewindow-audit-export/1';

/** One exported transition: every hashed field, the chain links, and when it was recorded. */
export type ExportedTransition = ChainedFields & { prevHash: string; hash: string; recordedAt: string };

export interface ManifestCase {
  requestId: string;
  transitions: number;
  lastSeq: number;
  headHash: string;
  /** Issues found in the database when exporting (an export of a tampered case says so). */
  issues: AuditIssue[];
  /** The documents the case issued, as its transitions record them (absent from exports made before). */
  issuedDocuments?: ExportedIssuedDocument[];
}

/** An issued document as the chain records it: its number, code, each language's hash, and its status. */
export interface ExportedIssuedDocument {
  documentId: string;
  kind: string;
  number: string;
  verificationCode: string;
  /** The seq of its `document.issued` transition. */
  seq: number;
  issuedAt: string;
  renditions: Array<{ language: string; sha256: string; size: number }>;
  status: string;
  statusAt?: string;
  statusReason?: string;
  /** The documentId of the version that replaced it. */
  supersededBy?: string;
}

export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  createdAt: string;
  selection: { requestIds?: string[]; from?: string; to?: string };
  cases: ManifestCase[];
  files: Record<'jsonl' | 'csv', { name: string; sha256: string; transitions: number }>;
  /** Columns of the CSV file, in order; JSON-valued columns hold canonical JSON. */
  csvColumns: (keyof ExportedTransition)[];
}

export interface ExportResult {
  manifestPath: string;
  jsonlPath: string;
  csvPath: string;
  manifest: ExportManifest;
}

export interface ExportVerification {
  ok: boolean;
  cases: number;
  transitions: number;
  issues: AuditIssue[];
}

/** The hashed columns in their one defined order, then when each was recorded and its link in the chain. */
const COLUMNS: (keyof ExportedTransition)[] = [...CHAINED_FIELD_NAMES, 'recordedAt', 'prevHash', 'hash'];
const columnsOfType = (sqlType: string) =>
  new Set<keyof ExportedTransition>(CHAINED_FIELD_NAMES.filter((name) => CHAINED_COLUMNS[name].sqlType === sqlType));
const JSON_COLUMNS = columnsOfType('jsonb');
const NUMBER_COLUMNS = columnsOfType('int');

/**
 * Writes whole cases as JSON Lines and CSV, plus a manifest with each case's head hash and each file's
 * SHA-256, so the export can be re-verified from the files alone (see verifyExport).
 */
export async function exportCases(
  log: AuditLogRepository,
  requestIds: readonly string[],
  outPrefix: string,
  options: { selection?: ExportManifest['selection']; onCase?: (done: number) => void; now?: () => Date } = {},
): Promise<ExportResult> {
  const jsonlPath = `${outPrefix}.jsonl`;
  const csvPath = `${outPrefix}.csv`;
  const manifestPath = `${outPrefix}.manifest.json`;
  const jsonl = hashingWriter(jsonlPath);
  const csv = hashingWriter(csvPath);
  csv.write(`${csvLine(COLUMNS)}\n`);
  const cases: ManifestCase[] = [];
  let transitions = 0;
  for (const [i, requestId] of requestIds.entries()) {
    const rows = await log.transitions(requestId);
    const exported = rows.map(exportedOf);
    for (const t of exported) {
      jsonl.write(`${canonicalJson(t)}\n`);
      csv.write(`${csvLine(COLUMNS.map((c) => cell(t, c)))}\n`);
    }
    transitions += exported.length;
    const last = exported[exported.length - 1];
    cases.push({
      requestId,
      transitions: exported.length,
      lastSeq: last?.seq ?? 0,
      headHash: last?.hash ?? GENESIS_HASH,
      issues: verifyChain(requestId, exported.map(chainRowOfExported)),
      issuedDocuments: issuedDocumentsOf(exported),
    });
    options.onCase?.(i + 1);
  }
  const [jsonlHash, csvHash] = await Promise.all([jsonl.close(), csv.close()]);
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    selection: options.selection ?? { requestIds: [...requestIds] },
    cases,
    files: {
      jsonl: { name: basename(jsonlPath), sha256: jsonlHash, transitions },
      csv: { name: basename(csvPath), sha256: csvHash, transitions },
    },
    csvColumns: COLUMNS,
  };
  await writeAll(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifestPath, jsonlPath, csvPath, manifest };
}

/**
 * Re-verifies an export from its files alone: the files' hashes, every case's chain from genesis to the
 * head hash the manifest names, the case list, and that the CSV says exactly what the JSON Lines say.
 */
export async function verifyExport(manifestPath: string): Promise<ExportVerification> {
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as ExportManifest;
  const issues: AuditIssue[] = [];
  const fileIssue = (message: string) => issues.push({ requestId: '-', seq: null, kind: 'export-file', message });
  if (manifest.format !== EXPORT_FORMAT) fileIssue(`unknown export format ${String(manifest.format)}`);
  const dir = dirname(manifestPath);
  const [jsonlText, csvText] = await Promise.all([
    readFile(join(dir, manifest.files.jsonl.name), 'utf8'),
    readFile(join(dir, manifest.files.csv.name), 'utf8'),
  ]);
  if (sha256(jsonlText) !== manifest.files.jsonl.sha256)
    fileIssue(`${manifest.files.jsonl.name} does not match its hash`);
  if (sha256(csvText) !== manifest.files.csv.sha256) fileIssue(`${manifest.files.csv.name} does not match its hash`);

  const fromJsonl = jsonlText
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as ExportedTransition);
  const [header, ...csvRows] = parseCsv(csvText);
  if (canonicalJson(header) !== canonicalJson(manifest.csvColumns))
    fileIssue('the CSV columns differ from the manifest');
  const fromCsv = csvRows.map((cells) => transitionFromCsv(manifest.csvColumns, cells));
  if (fromCsv.length !== fromJsonl.length || fromCsv.some((t, i) => canonicalJson(t) !== canonicalJson(fromJsonl[i]))) {
    fileIssue('the CSV and JSON Lines files do not hold the same transitions');
  }

  const byCase = new Map<string, ExportedTransition[]>();
  for (const t of fromJsonl) byCase.set(t.requestId, [...(byCase.get(t.requestId) ?? []), t]);
  for (const c of manifest.cases) {
    const rows = byCase.get(c.requestId) ?? [];
    byCase.delete(c.requestId);
    issues.push(...verifyChain(c.requestId, rows.map(chainRowOfExported), { ...c, source: 'manifest' }));
    if (c.issuedDocuments && canonicalJson(c.issuedDocuments) !== canonicalJson(issuedDocumentsOf(rows))) {
      issues.push({
        requestId: c.requestId,
        seq: null,
        kind: 'issued-documents-mismatch',
        message: 'the issued documents the manifest lists differ from those the transitions record',
      });
    }
    if (rows.length !== c.transitions) {
      issues.push({
        requestId: c.requestId,
        seq: null,
        kind: 'count-mismatch',
        message: `the manifest lists ${c.transitions} transitions, the file holds ${rows.length}`,
      });
    }
  }
  for (const requestId of byCase.keys()) {
    issues.push({
      requestId,
      seq: null,
      kind: 'not-in-manifest',
      message: 'the file holds a case the manifest does not list',
    });
  }
  return { ok: issues.length === 0, cases: manifest.cases.length, transitions: fromJsonl.length, issues };
}

/** The statuses the lifecycle transitions of an issued document leave it in. */
const STATUS_AFTER: Readonly<Record<string, string>> = {
  'document.revoked': 'revoked',
  'document.suspended': 'suspended',
  'document.reinstated': 'valid',
  'document.varied': 'varied',
  'document.expired': 'expired',
};

/** The documents a case's transitions issued, each with the status its later transitions left it in. */
export function issuedDocumentsOf(transitions: readonly ChainedFields[]): ExportedIssuedDocument[] {
  const documents = new Map<string, ExportedIssuedDocument>();
  for (const t of transitions) {
    const data = t.data ?? {};
    if (typeof data.documentId !== 'string') continue;
    if (t.event === 'document.issued' && typeof data.number === 'string') {
      documents.set(data.documentId, {
        documentId: data.documentId,
        kind: String(data.kind),
        number: data.number,
        verificationCode: String(data.verificationCode),
        seq: t.seq,
        issuedAt: t.occurredAt,
        renditions: ((data.renditions ?? []) as ExportedIssuedDocument['renditions']).map(
          ({ language, sha256, size }) => ({ language, sha256, size }),
        ),
        status: 'valid',
      });
    }
    const document = documents.get(data.documentId);
    const status = Object.hasOwn(STATUS_AFTER, t.event) ? STATUS_AFTER[t.event] : undefined;
    if (!document || !status) continue;
    document.status = status;
    document.statusAt = t.occurredAt;
    if (typeof data.reason === 'string') document.statusReason = data.reason;
    if (typeof data.supersededBy === 'string') document.supersededBy = data.supersededBy;
  }
  return [...documents.values()];
}

function exportedOf(row: TransitionEntity): ExportedTransition {
  return {
    ...chainedFieldsOf(row),
    recordedAt: new Date(row.recordedAt).toISOString(),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

function chainRowOfExported(t: ExportedTransition): ChainRow {
  return { seq: t.seq, prevHash: t.prevHash, hash: t.hash, fields: chainedFieldsOfRow(t) };
}

function cell(t: ExportedTransition, column: keyof ExportedTransition): string | number | null {
  const value = t[column];
  if (value === null || value === undefined) return null;
  return JSON_COLUMNS.has(column) ? canonicalJson(value) : (value as string | number);
}

function transitionFromCsv(columns: (keyof ExportedTransition)[], cells: (string | null)[]): ExportedTransition {
  const entries = columns.map((column, i) => {
    const raw = cells[i] ?? null;
    if (raw === null) return [column, null];
    if (JSON_COLUMNS.has(column)) return [column, JSON.parse(raw) as unknown];
    return [column, NUMBER_COLUMNS.has(column) ? Number(raw) : raw];
  });
  return Object.fromEntries(entries) as ExportedTransition;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function hashingWriter(path: string): { write(text: string): void; close(): Promise<string> } {
  const stream: WriteStream = createWriteStream(path, { encoding: 'utf8' });
  const hash = createHash('sha256');
  return {
    write(text) {
      hash.update(text);
      stream.write(text);
    },
    close: () =>
      new Promise<string>((resolve, reject) => {
        stream.on('error', reject);
        stream.end(() => resolve(hash.digest('hex')));
      }),
  };
}

async function writeAll(path: string, text: string): Promise<void> {
  const writer = hashingWriter(path);
  writer.write(text);
  await writer.close();
}
