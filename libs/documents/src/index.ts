export * from './blob-store';
export * from './postgres-blob-store';
export * from './s3-blob-store';
export * from './content-type';
export * from './file-name';
export * from './create-blob-store';
export * from './zip-inspection';
export * from './upload-inspection';
