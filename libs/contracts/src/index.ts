export * from './approval.contract';
export * from './search-attributes';
export * from './task-queues';
