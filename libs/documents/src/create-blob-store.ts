import type { AppConfig } from '@onewindow/config';
import type { DataSource } from 'typeorm';
import type { BlobStore } from './blob-store';
import { PostgresBlobStore } from './postgres-blob-store';
import { S3BlobStore } from './s3-blob-store';

/** The store DOCUMENT_STORE names; the config check has made sure S3's settings are there. */
export function createBlobStore(config: AppConfig, db: DataSource): BlobStore {
  if (config.DOCUMENT_STORE === 'postgres') return new PostgresBlobStore(db);
  return new S3BlobStore({
    url: config.S3_URL as string,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID as string,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY as string,
  });
}
