export * from './approval.contract';
export * from './project.contract';
export type * from './record.contract';
export * from './search-attributes';
export * from './correlation.contract';
export type * from './documents.contract';
