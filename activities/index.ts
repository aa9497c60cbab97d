export * from './notification.activities';
export * from './record.activities';
