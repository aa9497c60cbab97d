import type { AppConfig } from '@onewindow/config';
import type { BlobStore } from '@onewindow/documents';
import { builtInDefinitions, type ProcessDefinition } from '@onewindow/domain';
import { join } from 'node:path';
import { PdfDocumentIssuer } from './document-issuer';
import { loadDocumentFonts } from './fonts';
import { developmentSigningKey, SigningKey } from './signing-key';
import { TemplateCatalog } from './templates';

/**
 * The worker's document issuer, checked at start: every kind of document a definition declares has a
 * template, the fonts load, the key opens, and one sample renders (which also warms the font caches, so the
 * first real document does not run long inside its recording transaction). Any failure stops the worker
 * with a message naming it, never a failed recording later.
 */
export async function createDocumentIssuer(
  config: AppConfig,
  store: Pick<BlobStore, 'put'>,
  definitions: readonly ProcessDefinition[] = builtInDefinitions,
  templates = new TemplateCatalog(),
): Promise<PdfDocumentIssuer> {
  for (const definition of definitions) {
    templates.assertCovers(
      (definition.notices ?? []).map((n) => n.kind),
      `Definition '${definition.key}' v${definition.version}`,
    );
  }
  const key = config.DOCUMENT_SIGNING_P12
    ? new SigningKey(Buffer.from(config.DOCUMENT_SIGNING_P12, 'base64'), config.DOCUMENT_SIGNING_PASSPHRASE)
    : developmentSigningKey(join(config.dataDir, 'document-signing.p12'));
  const issuer = new PdfDocumentIssuer({
    templates,
    fonts: loadDocumentFonts(),
    key,
    store,
    publicUrl: config.publicUrl,
  });
  await issuer.warmUp();
  return issuer;
}
