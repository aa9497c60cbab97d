import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { DocumentKind, kindsOf, POLYGLOT_HEAD_BYTES } from './content-type';

/** What a ZIP may unpack to: checked on the declared sizes first, then on the bytes as they inflate. */
export interface ZipLimits {
  maxEntries: number;
  /** All entries together, uncompressed. */
  maxUncompressedBytes: number;
  /** Uncompressed size over compressed size, per entry (a zip bomb compresses 1 000:1 and more). */
  maxRatio: number;
}

/** One entry as the central directory lists it. */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x1;
/** Bytes kept of each entry's end, where a ZIP hidden inside would keep its directory. */
const ENTRY_TAIL_BYTES = 65_557;

/** Entry names the kinds of a ZIP may hold: drawings, reports and scans, not ZIPs within ZIPs. */
export const ZIP_ENTRY = /\.(pdf|png|jpe?g|tiff?|dwg|dxf)$/i;

/**
 * Why an entry name may not be unpacked, or null: names are normalised (NFC) and refused when
 * absolute (`/x`, `C:/x`, `\\server`), climbing (`..`), empty or dotted segments, or carrying
 * control, format or bidirectional characters; files must be of an allowed kind by name too.
 */
export function entryNameProblem(name: string): string | null {
  const normal = name.normalize('NFC');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\\]|\p{Cf}/u.test(normal)) return `the ZIP entry name '${safe(name)}' is not allowed`;
  if (normal.startsWith('/') || /^[A-Za-z]:/.test(normal)) return `the ZIP entry '${safe(name)}' has an absolute path`;
  const segments = normal.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..')) return `the ZIP entry '${safe(name)}' climbs out of the archive`;
  if (segments.some((s) => s === '' || s === '.')) return `the ZIP entry name '${safe(name)}' is not allowed`;
  if (!normal.endsWith('/') && !ZIP_ENTRY.test(normal)) {
    return `the ZIP holds '${safe(name)}', which is not a PDF, PNG, JPEG, TIFF, DWG or DXF file`;
  }
  return null;
}

/** Reads the central directory from the end of a ZIP: its entries, or why it cannot be opened. */
export function centralDirectory(tail: Buffer, limits: ZipLimits): ZipEntry[] | string {
  let eocd = -1;
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - 22 - 65535); i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'the ZIP has no readable central directory';
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  let at = eocd - cdSize;
  if (at < 0) return 'the ZIP central directory is too large';
  if (count === 0) return 'the ZIP is empty';
  if (count > limits.maxEntries) return `the ZIP has more than ${limits.maxEntries} entries`;
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let declared = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || tail.readUInt32LE(at) !== 0x02014b50) return 'the ZIP central directory is malformed';
    const nameLength = tail.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      flags: tail.readUInt16LE(at + 8),
      method: tail.readUInt16LE(at + 10),
      compressedSize: tail.readUInt32LE(at + 20),
      uncompressedSize: tail.readUInt32LE(at + 24),
      localOffset: tail.readUInt32LE(at + 42),
      name: tail.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
    };
    const problem = entryNameProblem(entry.name) ?? entryProblem(entry, limits);
    if (problem) return problem;
    const key = entry.name.normalize('NFC').toLowerCase();
    if (seen.has(key)) return `the ZIP holds '${safe(entry.name)}' twice`;
    seen.add(key);
    declared += entry.uncompressedSize;
    if (declared > limits.maxUncompressedBytes) {
      return `the ZIP unpacks to more than ${limits.maxUncompressedBytes} bytes`;
    }
    entries.push(entry);
    at += 46 + nameLength + tail.readUInt16LE(at + 30) + tail.readUInt16LE(at + 32);
  }
  return entries;
}

function entryProblem(entry: ZipEntry, limits: ZipLimits): string | null {
  if (entry.flags & ENCRYPTED) return `the ZIP entry '${safe(entry.name)}' is encrypted and cannot be checked`;
  if (entry.method !== STORED && entry.method !== DEFLATED) {
    return `the ZIP entry '${safe(entry.name)}' uses a compression method that is not accepted`;
  }
  if ([entry.compressedSize, entry.uncompressedSize, entry.localOffset].includes(0xffffffff)) {
    return 'ZIP64 archives are not accepted';
  }
  if (entry.name.endsWith('/') && entry.uncompressedSize > 0) return `the ZIP folder '${safe(entry.name)}' has content`;
  if (entry.uncompressedSize > Math.max(entry.compressedSize, 1) * limits.maxRatio) {
    return `the ZIP entry '${safe(entry.name)}' expands more than ${limits.maxRatio} times`;
  }
  return null;
}

/**
 * Reads a ZIP front to back along its central directory and opens every entry: each local header
 * must match its directory entry, entries must not overlap, and each file inflates (never beyond its
 * declared size, nor the archive's limit) to content that sniffs as exactly one allowed kind other
 * than a ZIP. Null when all is well; otherwise why not.
 */
export async function inspectZipContent(
  content: AsyncIterable<Buffer>,
  entries: ZipEntry[],
  limits: ZipLimits,
): Promise<string | null> {
  const reader = new ByteReader(content);
  let total = 0;
  try {
    for (const entry of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
      if (reader.position > entry.localOffset) return `the ZIP entries overlap at '${safe(entry.name)}'`;
      await reader.skip(entry.localOffset - reader.position);
      const header = await reader.read(30);
      if (header.readUInt32LE(0) !== 0x04034b50) return `the ZIP entry '${safe(entry.name)}' is missing`;
      const localName = await reader.read(header.readUInt16LE(26));
      await reader.skip(header.readUInt16LE(28));
      if (localName.toString('utf8') !== entry.name) return `the ZIP entry '${safe(entry.name)}' is inconsistent`;
      const dataEnd = reader.position + entry.compressedSize;
      const data = reader.take(entry.compressedSize);
      const output = entry.method === DEFLATED ? inflated(data) : data;
      let size = 0;
      let head = Buffer.alloc(0);
      let tail = Buffer.alloc(0);
      for await (const chunk of output) {
        size += chunk.length;
        total += chunk.length;
        if (size > entry.uncompressedSize) return `the ZIP entry '${safe(entry.name)}' is larger than it says`;
        if (total > limits.maxUncompressedBytes) {
          return `the ZIP unpacks to more than ${limits.maxUncompressedBytes} bytes`;
        }
        if (head.length < POLYGLOT_HEAD_BYTES) head = Buffer.concat([head, chunk]).subarray(0, POLYGLOT_HEAD_BYTES);
        tail = Buffer.concat([tail, chunk]);
        if (tail.length > ENTRY_TAIL_BYTES) tail = tail.subarray(tail.length - ENTRY_TAIL_BYTES);
      }
      await reader.drain();
      await reader.skip(dataEnd - reader.position);
      if (entry.name.endsWith('/')) continue;
      const problem = contentProblem(entry.name, kindsOf(head, tail));
      if (problem) return problem;
    }
    return null;
  } catch (error) {
    return `the ZIP cannot be read (${(error as Error).message})`;
  }
}

/** Raw DEFLATE data inflated as it streams; a failure on either side ends the iteration with it. */
function inflated(data: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  const inflater = createInflateRaw();
  pipeline(Readable.from(data), inflater, () => undefined);
  return inflater;
}

function contentProblem(name: string, kinds: DocumentKind[]): string | null {
  if (kinds.includes('zip')) return `the ZIP holds another archive, '${safe(name)}'`;
  if (kinds.length === 0) return `the ZIP holds '${safe(name)}', which is not a PDF, PNG, JPEG, TIFF, DWG or DXF file`;
  if (kinds.length > 1)
    return `the ZIP entry '${safe(name)}' reads as more than one kind of file (${kinds.join(', ')})`;
  return null;
}

/** A name as it may appear in a message: no control or format characters. */
function safe(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f-\u009f]|\p{Cf}/gu, '?').slice(0, 200);
}

/** Sequential reads over a stream of chunks: exact reads, skips and a bounded sub-stream. */
class ByteReader {
  position = 0;
  private buffered: Buffer = Buffer.alloc(0);
  private readonly source: AsyncIterator<Buffer>;
  private pending?: AsyncGenerator<Buffer>;

  constructor(content: AsyncIterable<Buffer>) {
    this.source = content[Symbol.asyncIterator]();
  }

  async read(n: number): Promise<Buffer> {
    while (this.buffered.length < n) {
      const next = await this.source.next();
      if (next.done) throw new Error('it ends early');
      this.buffered = Buffer.concat([this.buffered, next.value]);
    }
    const out = this.buffered.subarray(0, n);
    this.buffered = this.buffered.subarray(n);
    this.position += n;
    return out;
  }

  async skip(n: number): Promise<void> {
    for await (const chunk of this.take(n)) void chunk;
  }

  /** The next `n` bytes as they arrive; `drain` finishes what a consumer left unread. */
  take(n: number): AsyncGenerator<Buffer> {
    const generator = async function* (this: ByteReader): AsyncGenerator<Buffer> {
      let left = n;
      while (left > 0) {
        if (this.buffered.length === 0) {
          const next = await this.source.next();
          if (next.done) throw new Error('it ends early');
          this.buffered = next.value;
        }
        const part = this.buffered.subarray(0, left);
        this.buffered = this.buffered.subarray(part.length);
        this.position += part.length;
        left -= part.length;
        yield part;
      }
    }.call(this);
    this.pending = generator;
    return generator;
  }

  async drain(): Promise<void> {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) for await (const chunk of pending) void chunk;
  }
}
