import { temporal } from '@temporalio/proto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const HISTORIES_DIR = join(__dirname, 'histories');

const { History } = temporal.api.history.v1;
type History = temporal.api.history.v1.IHistory;

/** One saved workflow history: what `npm run replay:record` writes and the replay test reads. */
export interface RecordedHistory<H = History> {
  scenario: string;
  workflowType: string;
  workflowId: string;
  recordedAt: string;
  history: H;
}

/**
 * The history as plain JSON (enum names, 64-bit numbers as strings, bytes as base64). The SDK's own
 * historyToJSON trips over two copies of protobufjs in this install, so the message codec is used directly.
 */
export function historyToPlain(history: History): unknown {
  return History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String });
}

export function historyFromPlain(plain: unknown): History {
  return History.fromObject(plain as Record<string, unknown>);
}

/**
 * Every saved history: those of the current code, and in subfolders those recorded before a patch
 * (`patched()` in the workflow), which runs started then must still replay.
 */
export async function loadRecordedHistories(dir = HISTORIES_DIR): Promise<RecordedHistory[]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (f) => {
      const stored = JSON.parse(await readFile(join(dir, f), 'utf8')) as RecordedHistory<unknown>;
      return { ...stored, history: historyFromPlain(stored.history) };
    }),
  );
}
