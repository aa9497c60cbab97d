export * from './chain-verification';
export * from './checkpoint-signer';
export * from './checkpoint.service';
export * from './merkle';
export * from './log-verifier';
