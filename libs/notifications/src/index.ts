export * from './addressing';
export * from './egress-policy';
export * from './notification.types';
export * from './notification-planner';
export * from './templates';
export * from './webhook-signature';
