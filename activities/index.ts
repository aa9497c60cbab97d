export * from './record.activities';
