import { P12Signer } from '@signpdf/signer-p12';
import { createHash, createHmac, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import forge from 'node-forge';

/** The authority's signing key: a PKCS#12 (key and certificate) and its passphrase. */
export class SigningKey {
  /** The certificate's subject common name, printed as the signer. */
  readonly name: string;
  /** SHA-256 of the certificate (DER), for the verification page. */
  readonly certificateSha256: string;
  private readonly secret: Buffer;

  constructor(
    readonly p12: Buffer,
    passphrase: string,
  ) {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
    const parsed = forge.pkcs12.pkcs12FromAsn1(asn1, passphrase);
    const certBag = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag]?.[0];
    const keyBag = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[
      forge.pki.oids.pkcs8ShroudedKeyBag
    ]?.[0];
    if (!certBag?.cert || !keyBag?.key) throw new Error('The signing PKCS#12 holds no certificate and key');
    const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certBag.cert)).getBytes(), 'binary');
    this.certificateSha256 = createHash('sha256').update(der).digest('hex');
    const commonName = certBag.cert.subject.getField('CN') as { value?: string } | null;
    this.name = commonName?.value ?? 'OneWindow';
    // Verification codes are keyed by the private key, so nobody without it can forge or enumerate them.
    this.secret = createHash('sha256').update(forge.pki.privateKeyToPem(keyBag.key)).digest();
    this.passphrase = passphrase;
  }

  private readonly passphrase: string;

  /** A signer for one signature (@signpdf's P12Signer consumes its copy of the key as it signs). */
  signer(): P12Signer {
    return new P12Signer(this.p12, { passphrase: this.passphrase });
  }

  /** A short code for `subject` that only this key makes: 16 characters of Crockford base32 in groups of 4. */
  verificationCode(subject: string): string {
    const digest = createHmac('sha256', this.secret).update(subject).digest();
    let bits = '';
    for (const byte of digest.subarray(0, 10)) bits += byte.toString(2).padStart(8, '0');
    let code = '';
    for (let i = 0; i < 80; i += 5) code += CROCKFORD[parseInt(bits.slice(i, i + 5), 2)];
    return code.match(/.{4}/g)!.join('-');
  }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The passphrase of the development key: it protects nothing, like the other development defaults. */
export const DEVELOPMENT_SIGNING_PASSPHRASE = 'onewindow-development';

/**
 * The development key and self-signed certificate, made once at first start under the data directory and
 * reused after, so documents issued on a developer's machine keep verifying. Production mode refuses it.
 */
export function developmentSigningKey(path: string): SigningKey {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, makeSelfSigned('OneWindow development authority (not for production)'), { mode: 0o600 });
  }
  return new SigningKey(readFileSync(path), DEVELOPMENT_SIGNING_PASSPHRASE);
}

function makeSelfSigned(commonName: string): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${createHash('sha256')
    .update(privateKey.export({ type: 'pkcs1', format: 'pem' }))
    .digest('hex')
    .slice(0, 16)}`;
  cert.validity.notBefore = new Date(Date.UTC(2020, 0, 1));
  cert.validity.notAfter = new Date(Date.UTC(2049, 11, 31));
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'OneWindow' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], DEVELOPMENT_SIGNING_PASSPHRASE, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}
