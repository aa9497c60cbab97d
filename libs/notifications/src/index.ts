export * from './addressing';
export * from './egress-policy';
export * from './notification.types';
export * from './notification-planner';
export * from './templates';
export * from './webhook-signature';
export * from './consultee-link';
export { deadlineWords } from './words';
