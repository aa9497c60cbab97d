import {
  BlobStore,
  DocumentKind,
  inspectZipContent,
  SNIFF_BYTES,
  sniff,
  StoredBlob,
  UploadInspection,
  ZipEntry,
  ZipLimits,
} from '@onewindow/documents';
import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';

export interface UploadLimits {
  maxBytes: number;
  zip: ZipLimits;
}

/** What the form names before its file part; `accept` may refuse the upload before any byte is stored. */
export interface UploadFields {
  documentType?: string;
}

export interface ReceivedUpload {
  fields: UploadFields;
  fileName: string;
  kind: DocumentKind;
  blob: StoredBlob;
}

/** Bytes of a refused request still read (so the client gets its answer) before the connection is cut. */
const DRAIN_LIMIT = 8 * 1024 * 1024;

/**
 * Streams one `multipart/form-data` upload (fields first, then one `file` part) into the store: the
 * first bytes are sniffed against the allow-list before anything is written, the size is counted as
 * it flows, and any refusal or interruption leaves nothing stored.
 */
export function receiveUpload(
  req: IncomingMessage,
  store: BlobStore,
  limits: UploadLimits,
  accept: (fields: UploadFields, rawFileName: string) => void,
): Promise<ReceivedUpload> {
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(
      new ApiError(
        ApiErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'Send the document as multipart/form-data: a documentType field, then the file',
      ),
    );
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes + 64 * 1024) {
    return Promise.reject(tooLarge(limits.maxBytes));
  }
  return new Promise<ReceivedUpload>((resolve, reject) => {
    let settled = false;
    let sawFile = false;
    let fileStream: Readable | undefined;
    const fields: UploadFields = {};
    const finish = (error: Error | null, result?: ReceivedUpload) => {
      if (settled) return;
      settled = true;
      if (error) {
        req.unpipe(parser);
        drain(req);
        reject(error);
      } else resolve(result as ReceivedUpload);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fields: 10, fieldSize: 1024, fileSize: limits.maxBytes, parts: 12 },
        defParamCharset: 'utf8',
      });
    } catch (error) {
      reject(new ApiError(ApiErrorCode.VALIDATION_FAILED, `Malformed multipart request: ${(error as Error).message}`));
      return;
    }
    parser.on('field', (name, value) => {
      if (name === 'documentType') fields.documentType = value;
    });
    parser.on('file', (name, file, info) => {
      if (name !== 'file' || sawFile) {
        file.resume();
        return;
      }
      sawFile = true;
      fileStream = file;
      Promise.resolve()
        .then(() => accept(fields, info.filename ?? ''))
        .then(() => store.put(guarded(file, limits)))
        .then((blob) => openedZip(store, blob, zipEntriesOf.get(file), limits))
        .then(
          (blob) =>
            finish(null, { fields, fileName: info.filename ?? '', kind: kindOf.get(file) as DocumentKind, blob }),
          (error: unknown) => {
            file.resume();
            finish(error instanceof Error ? error : new Error(String(error)));
          },
        );
    });
    parser.on('filesLimit', () => finish(new ApiError(ApiErrorCode.VALIDATION_FAILED, 'Send one file per upload')));
    parser.on('error', (error: Error) => {
      const refusal = new ApiError(ApiErrorCode.VALIDATION_FAILED, `Malformed multipart request: ${error.message}`);
      fileStream?.destroy(refusal);
      finish(refusal);
    });
    parser.on('close', () => {
      if (!sawFile) finish(new ApiError(ApiErrorCode.VALIDATION_FAILED, 'The form has no file part named "file"'));
    });
    // A client that goes away mid-upload: the part fails, and the store removes what it staged.
    let received = false;
    req.on('end', () => (received = true));
    req.on('close', () => {
      if (!received) fileStream?.destroy(new ApiError(ApiErrorCode.VALIDATION_FAILED, 'The upload was interrupted'));
    });
    req.pipe(parser);
  });
}

const kindOf = new WeakMap<Readable, DocumentKind>();
const zipEntriesOf = new WeakMap<Readable, ZipEntry[]>();

/**
 * A stored ZIP opened entry by entry (its directory was checked as it streamed in): refused, it is
 * removed again, so a refusal leaves nothing stored.
 */
async function openedZip(
  store: BlobStore,
  blob: StoredBlob,
  entries: ZipEntry[] | undefined,
  limits: UploadLimits,
): Promise<StoredBlob> {
  if (!entries) return blob;
  const content = await store.get(blob.sha256);
  const problem = content ? await inspectZipContent(content, entries, limits.zip) : 'the ZIP could not be read back';
  if (!problem) return blob;
  if (blob.created) await store.delete(blob.sha256);
  throw new ApiError(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, problem);
}

/**
 * The file part's bytes, passed on only once its first bytes are of an allowed kind and while within
 * the limit; at the end, refused if it reads as more than one kind (a polyglot) or, for a ZIP, if its
 * directory lists anything not allowed.
 */
async function* guarded(file: Readable & { truncated?: boolean }, limits: UploadLimits): AsyncGenerator<Buffer> {
  let head: Buffer | null = Buffer.alloc(0);
  const inspection = new UploadInspection();
  const admit = (bytes: Buffer): Buffer => {
    const kind = sniff(bytes);
    if (!kind) {
      throw new ApiError(
        ApiErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'Documents must be PDF, PNG, JPEG, TIFF, DWG or DXF files, or a ZIP of them',
      );
    }
    kindOf.set(file, kind);
    inspection.update(bytes);
    return bytes;
  };
  for await (const chunk of file as AsyncIterable<Buffer>) {
    if (head !== null) {
      head = Buffer.concat([head, chunk]);
      if (head.length < SNIFF_BYTES) continue;
      const first = admit(head);
      head = null;
      yield first;
      continue;
    }
    inspection.update(chunk);
    yield chunk;
  }
  if (file.truncated) throw tooLarge(limits.maxBytes);
  if (head !== null) {
    if (head.length === 0) throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'The file is empty');
    yield admit(head);
  }
  const kinds = inspection.kinds();
  if (kinds.length > 1) {
    throw new ApiError(
      ApiErrorCode.UNSUPPORTED_MEDIA_TYPE,
      `The file reads as more than one kind of file (${kinds.join(', ')}); send each as a file of its own`,
    );
  }
  if (kindOf.get(file) !== 'zip') return;
  const entries = inspection.zipEntries(limits.zip);
  if (typeof entries === 'string') throw new ApiError(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, entries);
  zipEntriesOf.set(file, entries);
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(ApiErrorCode.PAYLOAD_TOO_LARGE, `A document may have at most ${maxBytes} bytes`, { maxBytes });
}

/** Reads and discards the rest of a refused request so the client receives the answer; cuts off a huge one. */
function drain(req: IncomingMessage): void {
  let read = 0;
  req.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > DRAIN_LIMIT) req.destroy();
  });
  req.resume();
}
