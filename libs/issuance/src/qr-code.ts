import { create } from 'qrcode';

/** A QR code as its dark modules, drawn by the renderer as vector squares (no image, the same bytes each time). */
export function qrModules(text: string): { size: number; dark: (x: number, y: number) => boolean } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (x, y) => modules.get(y, x) === 1 };
}
