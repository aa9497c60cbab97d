import { SignPdf } from '@signpdf/signpdf';
import type { SigningKey } from './signing-key';

const signpdf = new SignPdf();

/**
 * Fills the signature placeholder with a CMS (CAdES) signature by the authority's key. RSA PKCS#1 v1.5 is
 * deterministic and the signing time is the issue time, so the signed bytes are as reproducible as the rest.
 */
export function signPdf(unsigned: Buffer, key: SigningKey, signingTime: Date): Promise<Buffer> {
  return signpdf.sign(unsigned, key.signer(), signingTime);
}
