import { create, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The one typeface of every issued document: Noto Sans SC (Source Han Sans) from a pinned npm package,
 * never the system's fonts, so every machine renders the same bytes. It covers Latin and the common
 * Chinese characters; only the glyphs a document uses are embedded (subset).
 */
export interface DocumentFonts {
  regular: Font;
  bold: Font;
}

export const FONT_PACKAGE = '@embedpdf/fonts-sc';
const FILES = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;

export class MissingFontError extends Error {}

/**
 * Reads and parses the fonts once at start (a parsed font keeps what subsetting decoded, which makes every
 * later document far cheaper); a missing file stops the process with a message naming it.
 */
export function loadDocumentFonts(resolve: (file: string) => string = defaultResolve): DocumentFonts {
  const read = (file: string): Font => {
    try {
      const font = create(readFileSync(resolve(file)));
      if (!('layout' in font)) throw new Error('a font collection, not a font');
      return font;
    } catch (error) {
      throw new MissingFontError(
        `Issued documents need the font ${file} from the npm package ${FONT_PACKAGE} (run npm ci): ${(error as Error).message}`,
      );
    }
  };
  return { regular: read(FILES.regular), bold: read(FILES.bold) };
}

/** The package exports only its script, so its fonts are found beside it. */
function defaultResolve(file: string): string {
  return join(dirname(require.resolve(FONT_PACKAGE)), '..', 'fonts', file);
}
