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
import type { FastifyRequest } from 'fastify';
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

/** The parts a document upload may have: a few fields, then one file. */
const PART_LIMITS = { files: 1, fields: 10, fieldSize: 1024, parts: 12 };

/**
 * Streams one `multipart/form-data` upload (fields first, then one `file` part) into the store: the
 * first bytes are sniffed against the allow-list before anything is written, the size is counted as
 * it flows, and any refusal or interruption leaves nothing stored.
 */
export async function receiveUpload(
  request: FastifyRequest,
  store: BlobStore,
  limits: UploadLimits,
  accept: (fields: UploadFields, rawFileName: string) => void,
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new ApiError(
      ApiErrorCode.UNSUPPORTED_MEDIA_TYPE,
      'Send the document as multipart/form-data: a documentType field, then the file',
    );
  }
  try {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBytes + 64 * 1024) throw tooLarge(limits.maxBytes);
    const fields: UploadFields = {};
    for await (const part of request.parts({ limits: { ...PART_LIMITS, fileSize: limits.maxBytes } })) {
      if (part.type === 'field') {
        if (part.fieldname === 'documentType') fields.documentType = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        continue;
      }
      accept(fields, part.filename);
      const blob = await openedZip(
        store,
        await store.put(guarded(part.file, limits)),
        zipEntriesOf.get(part.file),
        limits,
      );
      return { fields, fileName: part.filename, kind: kindOf.get(part.file) as DocumentKind, blob };
    }
    throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'The form has no file part named "file"');
  } catch (error) {
    drain(request.raw);
    throw refusalOf(error);
  }
}

/** The parser's own errors (limits, malformed parts, a client gone mid-upload) as the API's 400. */
function refusalOf(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_FILES_LIMIT') return new ApiError(ApiErrorCode.VALIDATION_FAILED, 'Send one file per upload');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new ApiError(
      ApiErrorCode.VALIDATION_FAILED,
      'The form has too many parts: a documentType field, then the file',
    );
  }
  if (code === 'FST_PROTO_VIOLATION')
    return new ApiError(ApiErrorCode.VALIDATION_FAILED, 'The form names a forbidden field');
  if (code === 'FST_MP_PREMATURE_CLOSE')
    return new ApiError(ApiErrorCode.VALIDATION_FAILED, 'The upload was interrupted');
  return new ApiError(ApiErrorCode.VALIDATION_FAILED, `Malformed multipart request: ${(error as Error).message}`);
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
