export * from './document-facts';
export * from './document-issuer';
export * from './document-renderer';
export * from './fonts';
export * from './signing-key';
export * from './templates';
export * from './create-document-issuer';
