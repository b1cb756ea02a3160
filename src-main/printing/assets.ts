import path from 'node:path';
import { SOURCE_ROOT } from '../app/paths.js';

let assetsRoot = path.join(SOURCE_ROOT, 'assets');

/**
 * Where the bundled assets live. From source that is the repository's assets/; the packaged
 * app calls this with path.join(process.resourcesPath, 'assets') (electron-builder copies
 * assets/ there as an extraResource).
 */
export function setAssetsRoot(dir: string): void {
  assetsRoot = dir;
}

/** BIZ UDPGothic (SIL OFL 1.1, licence in assets/fonts/OFL.txt): a universal-design face. */
export function fontFiles(): { regular: string; bold: string } {
  return {
    regular: path.join(assetsRoot, 'fonts', 'BIZUDPGothic-Regular.ttf'),
    bold: path.join(assetsRoot, 'fonts', 'BIZUDPGothic-Bold.ttf'),
  };
}
