import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../src-shared/api/errors.js';
import { jstClock } from '../../src-shared/text/jst.js';
import type { AppContext } from '../core/app-context.js';

/** The folder where printed PDFs are kept: the setting, else the app's documents folder. */
export function documentsDir(ctx: Pick<AppContext, 'settings' | 'paths'>): string {
  return ctx.settings.get('documents')?.dir || ctx.paths.documents;
}

/** Folders of the operating system itself: making a folder there hangs or harms (/proc/self/x loops). */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/** Refuses a documents folder inside the system's own folders, with the clerk's words. */
function refuseSystemFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const resolved = path.resolve(dir);
  if (SYSTEM_FOLDERS.some((root) => resolved === root || resolved.startsWith(`${root}/`))) {
    throw new UserError(
      `「${dir}」はシステムのフォルダのため、PDF の保存先にできません。書類用のフォルダを指定してください。`,
      'documents_dir',
    );
  }
}

/** A network folder that does not answer must not hold the settings screen for long. */
const FOLDER_TIME_LIMIT_MS = 5_000;

/**
 * Makes the documents folder a clerk chose in 設定 → 印刷・CSV: not inside the system's own
 * folders, and given up after a few seconds (an unreachable share can block for minutes).
 */
export async function makeDocumentsFolder(dir: string): Promise<void> {
  refuseSystemFolder(dir);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${FOLDER_TIME_LIMIT_MS / 1000} 秒以内に応答がありません`)),
      FOLDER_TIME_LIMIT_MS,
    );
  });
  try {
    await Promise.race([mkdir(dir, { recursive: true }), late]);
  } catch (err) {
    throw new UserError(
      `保存先フォルダ「${dir}」を作成できません（${(err as Error).message}）。別のフォルダを指定してください。`,
      'documents_dir',
    );
  } finally {
    clearTimeout(timer);
  }
}

/** 20261127-103015 in Japan time, for file names that sort by time. */
export function fileStamp(at: Date): string {
  const jst = jstClock(at);
  return `${jst.slice(0, 10).replace(/-/g, '')}-${jst.slice(11, 19).replace(/:/g, '')}`;
}

/** Writes a document without ever overwriting an earlier one (name_2, name_3, ...). */
export function saveDocument(dir: string, baseName: string, bytes: Buffer): { fileName: string; filePath: string } {
  refuseSystemFolder(dir);
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
