import { BlobStore, StoredBlob } from '@onewindow/documents';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { receiveUpload } from './multipart-upload';

class MemoryStore extends BlobStore {
  readonly kind = 'postgres';
  async put(source: AsyncIterable<Buffer>): Promise<StoredBlob> {
    let size = 0;
    for await (const c of source) size += c.length;
    return { sha256: 'x', size, created: true };
  }
  get = () => Promise.resolve(null);
  inspect = () => Promise.resolve({ found: false as const });
  delete = () => Promise.resolve();
}

function multipart(content: Buffer): IncomingMessage {
  const boundary = 'b0';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="documentType"\r\n\r\nsite-plan\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.html"\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const req = new PassThrough() as unknown as IncomingMessage;
  Object.assign(req, {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) },
  });
  (req as unknown as PassThrough).end(body);
  return req;
}

const upload = (content: Buffer, maxBytes = 1000) =>
  receiveUpload(multipart(content), new MemoryStore(), { maxBytes, zip: ZIP_LIMITS }, () => undefined);

const ZIP_LIMITS = { maxEntries: 100, maxUncompressedBytes: 1_000_000, maxRatio: 100 };

describe(receiveUpload.name, () => {
  it('passes an allowed kind through to the store, sniffed from its content', async () => {
    const pdf = Buffer.from('%PDF-1.7 short');
    await expect(upload(pdf)).resolves.toMatchObject({ kind: 'pdf', blob: { size: pdf.length } });
  });

  it('refuses content beyond the limit', async () => {
    await expect(upload(Buffer.concat([Buffer.from('%PDF-1.7'), Buffer.alloc(2000)]))).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('refuses a short file of a kind not allowed', async () => {
    await expect(upload(Buffer.from('<html><script>alert(1)</script></html>'))).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });
});
