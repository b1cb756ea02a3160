import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The text of a PDF, page by page (poppler's pdftotext, layout kept). */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

/** The fonts of a PDF as pdffonts lists them: name, embedded, subset. */
export function pdfFonts(file: string): { name: string; embedded: boolean; subset: boolean }[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((row) => {
    const cols = row.trim().split(/\s+/);
    // name type... encoding emb sub uni object ID
    const [emb, sub] = cols.slice(-5, -3);
    return { name: cols[0]!, embedded: emb === 'yes', subset: sub === 'yes' };
  });
}

/** Every barcode zbar reads on the pages of a PDF rendered at 300 dpi. */
export function pdfBarcodes(file: string, pages: { first: number; last: number }): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-zbar-'));
  try {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '300',
      '-f',
      String(pages.first),
      '-l',
      String(pages.last),
      file,
      path.join(dir, 'p'),
    ]);
    const codes: string[] = [];
    for (const png of readdirSync(dir).sort()) {
      const run = spawnSync('zbarimg', ['-q', '--raw', '-Scode128.enable', path.join(dir, png)], { encoding: 'utf8' });
      codes.push(...run.stdout.split('\n').filter(Boolean));
    }
    return codes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
