import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../src-shared/api/errors.js';
import type { AppContext } from '../core/app-context.js';

/** The folder where printed PDFs are kept: the setting, else the app's documents folder. */
export function documentsDir(ctx: Pick<AppContext, 'settings' | 'paths'>): string {
  return ctx.settings.get('documents')?.dir || ctx.paths.documents;
}

/** 20261127-103015 in Japan time, for file names that sort by time. */
export function fileStamp(at: Date): string {
  const jst = new Date(at.getTime() + 9 * 3_600_000).toISOString();
  return `${jst.slice(0, 10).replace(/-/g, '')}-${jst.slice(11, 19).replace(/:/g, '')}`;
}

/** Writes a document without ever overwriting an earlier one (name_2, name_3, ...). */
export function saveDocument(dir: string, baseName: string, bytes: Buffer): { fileName: string; filePath: string } {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new UserError(
      `保存先フォルダ「${dir}」を作成できません（${(err as Error).message}）。設定 → 印刷・CSV で保存先を確認してください。`,
      'documents_dir',
    );
  }
  for (let n = 1; n < 1000; n++) {
    const fileName = n === 1 ? `${baseName}.pdf` : `${baseName}_${n}.pdf`;
    const filePath = path.join(dir, fileName);
    try {
      writeFileSync(filePath, bytes, { flag: 'wx' });
      return { fileName, filePath };
    } catch (err) {
      if ((err as { code?: string }).code === 'EEXIST') continue;
      throw new UserError(
        `PDF を保存できません（${(err as Error).message}）。保存先フォルダを確認してください。`,
        'documents_dir',
      );
    }
  }
  throw new UserError('同じ名前の PDF が多すぎて保存できません。保存先フォルダを整理してください。', 'documents_dir');
}
