export * from './approval.contract';
export * from './project.contract';
export * from './search-attributes';
export * from './correlation.contract';
