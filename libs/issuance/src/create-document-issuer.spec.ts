import { loadConfig } from '@onewindow/config';
import { buildingPermitDefinition } from '@onewindow/domain';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentIssuer } from './create-document-issuer';
import { loadDocumentFonts } from './fonts';
import { DOCUMENT_TEMPLATES, TemplateCatalog } from './templates';

const store = { put: () => Promise.reject(new Error('not used')) };

describe(createDocumentIssuer.name, () => {
  const config = loadConfig({ ONEWINDOW_DATA_DIR: mkdtempSync(join(tmpdir(), 'ow-issuer-')) });

  it('refuses to start when a definition issues a kind of document no template draws, naming both', async () => {
    const withoutPermit = new TemplateCatalog(DOCUMENT_TEMPLATES.filter((t) => t.kind !== 'permit'));

    await expect(createDocumentIssuer(config, store, [buildingPermitDefinition], withoutPermit)).rejects.toThrow(
      "Definition 'building-permit' v1 issues 'permit' documents, but no template for 'permit' exists",
    );
  });

  it('refuses to start without its font, naming the file and the package', () => {
    expect(() => loadDocumentFonts((file) => join(tmpdir(), 'no-such-dir', file))).toThrow(
      /Issued documents need the font NotoSansHans-Regular\.otf from the npm package @embedpdf\/fonts-sc/,
    );
  });
});
