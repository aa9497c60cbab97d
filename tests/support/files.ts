import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';

/** A small but real-looking PDF of about `size` bytes (content varies with `marker`). */
export function pdfOf(marker: string, size = 2048): Buffer {
  const head = Buffer.from(`%PDF-1.7\n% ${marker}\n`);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]);
}

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Content that sniffs as the kind its name says (a PDF, PNG, … or, for `.exe` and the like, a program). */
export function contentFor(name: string): Buffer {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (name.endsWith('/')) return Buffer.alloc(0);
  if (ext === 'pdf') return pdfOf(name, 600);
  if (ext === 'png')
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200)]);
  if (ext === 'jpg' || ext === 'jpeg') return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200)]);
  if (ext === 'dwg') return Buffer.concat([Buffer.from('AC1032'), Buffer.alloc(200)]);
  return Buffer.concat([Buffer.from('MZ\x90\0'), Buffer.alloc(200)]);
}

export interface ZipEntrySpec {
  name: string;
  content?: Buffer;
  deflate?: boolean;
}

/**
 * A real ZIP (readable by unzip) of the given entries: a name alone gets content of the kind its
 * name says; `deflate` compresses an entry.
 */
export function zipOf(entries: Array<string | ZipEntrySpec>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of entries) {
    const {
      name,
      content = contentFor(typeof spec === 'string' ? spec : spec.name),
      deflate = false,
    } = typeof spec === 'string' ? { name: spec } : spec;
    const n = Buffer.from(name);
    const data = deflate ? deflateRawSync(content) : content;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(content), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(n.length, 26);
    locals.push(local, n, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
