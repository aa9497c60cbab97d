import multipart from '@fastify/multipart';
import { BlobStore, StoredBlob } from '@onewindow/documents';
import Fastify from 'fastify';
import { ApiError } from '../../core/errors/api-error';
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

const ZIP_LIMITS = { maxEntries: 100, maxUncompressedBytes: 1_000_000, maxRatio: 100 };
const BOUNDARY = 'b0';

function form(...parts: Array<{ name: string; fileName?: string; content: Buffer | string }>): Buffer {
  return Buffer.concat([
    ...parts.flatMap(({ name, fileName, content }) => [
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${fileName ? `; filename="${fileName}"` : ''}\r\n\r\n`,
      ),
      Buffer.from(content),
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);
}

/** What a route that streams one upload into the store answers: the upload, or the refusal's code. */
async function upload(body: Buffer, maxBytes = 1000): Promise<Record<string, unknown>> {
  const app = Fastify();
  await app.register(multipart);
  app.post('/upload', async (request) => {
    try {
      const { kind, fileName, fields, blob } = await receiveUpload(
        request,
        new MemoryStore(),
        { maxBytes, zip: ZIP_LIMITS },
        () => undefined,
      );
      return { kind, fileName, fields, size: blob.size };
    } catch (error) {
      return { refused: (error as ApiError).code, message: (error as Error).message };
    }
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const response = await fetch(`${address}/upload`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body,
    });
    return (await response.json()) as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

const documentType = { name: 'documentType', content: 'site-plan' };

describe(receiveUpload.name, () => {
  it('passes an allowed kind through to the store, sniffed from its content, with the fields before it', async () => {
    const pdf = Buffer.from('%PDF-1.7 short');
    await expect(upload(form(documentType, { name: 'file', fileName: 'a.html', content: pdf }))).resolves.toEqual({
      kind: 'pdf',
      fileName: 'a.html',
      fields: { documentType: 'site-plan' },
      size: pdf.length,
    });
  });

  it('refuses content beyond the limit', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7'), Buffer.alloc(2000)]);
    await expect(upload(form(documentType, { name: 'file', fileName: 'a.pdf', content: big }))).resolves.toMatchObject({
      refused: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('refuses a short file of a kind not allowed', async () => {
    const html = '<html><script>alert(1)</script></html>';
    await expect(upload(form(documentType, { name: 'file', fileName: 'a.pdf', content: html }))).resolves.toMatchObject(
      {
        refused: 'UNSUPPORTED_MEDIA_TYPE',
      },
    );
  });

  it('refuses a form without a file part named "file"', async () => {
    await expect(upload(form(documentType))).resolves.toMatchObject({
      refused: 'VALIDATION_FAILED',
      message: 'The form has no file part named "file"',
    });
  });

  it('refuses a form that breaks off in the middle of a part', async () => {
    const broken = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF`,
    );
    await expect(upload(broken)).resolves.toMatchObject({ refused: 'VALIDATION_FAILED' });
  });
});
