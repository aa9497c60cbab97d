import { DocumentKind, kindsOf, POLYGLOT_HEAD_BYTES } from './content-type';
import { centralDirectory, ZipEntry, ZipLimits } from './zip-inspection';

/** Largest central directory (with its end record) a ZIP may have: the tail kept while streaming. */
const TAIL_BYTES = 1024 * 1024;

/**
 * Watches an upload stream by: keeps its first KiB and its last MiB (where a ZIP's central directory
 * lists every entry), so that at the end it can say which kinds the file reads as and what a ZIP holds.
 */
export class UploadInspection {
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);

  update(chunk: Buffer): void {
    if (this.head.length < POLYGLOT_HEAD_BYTES) {
      this.head = Buffer.concat([this.head, chunk]).subarray(0, POLYGLOT_HEAD_BYTES);
    }
    const joined = Buffer.concat([this.tail, chunk]);
    this.tail = joined.length > TAIL_BYTES ? joined.subarray(joined.length - TAIL_BYTES) : joined;
  }

  /** The kinds the whole file reads as (one, unless it is a polyglot). */
  kinds(): DocumentKind[] {
    return kindsOf(this.head, this.tail);
  }

  /** A ZIP's entries from its central directory, or why it cannot be opened. */
  zipEntries(limits: ZipLimits): ZipEntry[] | string {
    return centralDirectory(this.tail, limits);
  }
}
