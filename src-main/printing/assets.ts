import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../src-shared/api/errors.js';

export interface FontFiles {
  regular: string;
  bold: string;
}

/**
 * BIZ UDPGothic (SIL OFL 1.1, licence in assets/fonts/OFL.txt): a universal-design face, in
 * the app's assets folder (ctx.paths.assets: the repository's assets/ from source, the
 * packaged resources' assets/ in Electron). A missing file is said plainly, before pdfkit
 * fails on it with a bare file error.
 */
export function fontFiles(assetsDir: string): FontFiles {
  const fonts = {
    regular: path.join(assetsDir, 'fonts', 'BIZUDPGothic-Regular.ttf'),
    bold: path.join(assetsDir, 'fonts', 'BIZUDPGothic-Bold.ttf'),
  };
  for (const file of [fonts.regular, fonts.bold]) {
    if (!existsSync(file)) {
      throw new UserError(
        `PDF 用の日本語フォント「${file}」が見つかりません。Chumon をインストールし直してください。何も印刷していません。`,
        'font_missing',
      );
    }
  }
  return fonts;
}
