import { DEVELOPMENT_SIGNING_PASSPHRASE, developmentSigningKey } from '@onewindow/issuance';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What production mode demands for issued documents: the authority's PKCS#12 (here a freshly made key and
 * self-signed certificate, as an operator would configure their own) and the public address printed on them.
 */
export function documentSigningEnv(): Record<string, string> {
  const key = developmentSigningKey(join(mkdtempSync(join(tmpdir(), 'ow-signing-')), 'authority.p12'));
  return {
    DOCUMENT_SIGNING_P12: key.p12.toString('base64'),
    DOCUMENT_SIGNING_PASSPHRASE: DEVELOPMENT_SIGNING_PASSPHRASE,
    PUBLIC_URL: 'https://permits.example.gov',
  };
}
