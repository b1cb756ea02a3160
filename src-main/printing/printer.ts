import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PaperSize } from '../../src-shared/domain/print-kinds.js';

const run = promisify(execFile);

interface PrintOptions {
  paper: PaperSize;
  copies: number;
}

/** The paper as the print systems name it (IPP media names; a custom size for the label). */
const MEDIA: Record<PaperSize, string> = { A4: 'A4', A5: 'A5', label: 'Custom.100x150mm' };

interface PrinterInfo {
  name: string;
  isDefault: boolean;
}

interface PrinterListing {
  /** False when the OS has no print system we can talk to (no CUPS installed, say). */
  available: boolean;
  printers: PrinterInfo[];
  /** Why not available, for the settings screen. */
  message: string;
}

/**
 * The local print system, behind a small interface: CUPS on Linux and macOS, the Windows
 * spooler on Windows. Printing is straight to the named queue, without a dialog.
 */
export interface Printer {
  readonly system: 'cups' | 'windows';
  list(): Promise<PrinterListing>;
  /** Sends a PDF on its paper, as many copies as asked; returns the OS's job reference when it gives one. */
  print(file: string, printer: string, title: string, options: PrintOptions): Promise<{ job: string | null }>;
}

function commandError(err: unknown): string {
  const e = err as { code?: string; stderr?: string; message?: string };
  return (e.stderr || e.message || String(err)).trim().split('\n')[0]!.slice(0, 200);
}

/** CUPS through its command-line clients (cups-client): lpstat to list, lp to print. */
class CupsPrinter implements Printer {
  readonly system = 'cups' as const;
  private readonly env = { ...process.env, LANG: 'C', LC_ALL: 'C' };

  async list(): Promise<PrinterListing> {
    let names: string[];
    try {
      const { stdout } = await run('lpstat', ['-e'], { env: this.env, timeout: 10_000 });
      names = stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    } catch (err) {
      const missing = (err as { code?: string }).code === 'ENOENT';
      return {
        available: false,
        printers: [],
        message: missing
          ? 'CUPS（印刷システム）が見つかりません。プリンタを使うには CUPS をインストールしてください。PDF 保存はこのまま使えます。'
          : `プリンタ一覧を取得できません（${commandError(err)}）。CUPS が動いているか確認してください。`,
      };
    }
    let defaultName = '';
    try {
      const { stdout } = await run('lpstat', ['-d'], { env: this.env, timeout: 10_000 });
      defaultName = /destination:\s*(\S+)/.exec(stdout)?.[1] ?? '';
    } catch {
      // No default printer is an ordinary state.
    }
    return { available: true, printers: names.map((name) => ({ name, isDefault: name === defaultName })), message: '' };
  }

  async print(file: string, printer: string, title: string, options: PrintOptions): Promise<{ job: string | null }> {
    const args = ['-d', printer, '-t', title, '-n', String(options.copies), '-o', `media=${MEDIA[options.paper]}`];
    try {
      const { stdout } = await run('lp', [...args, '--', file], {
        env: this.env,
        timeout: 60_000,
      });
      return { job: /request id is (\S+)/.exec(stdout)?.[1] ?? null };
    } catch (err) {
      throw new Error(commandError(err));
    }
  }
}

/**
 * Windows: pdf-to-printer (maintained, MIT) drives the bundled SumatraPDF to print silently
 * to a named printer and lists printers through PowerShell. It cannot run on the Linux
 * development machines, so this class is type-checked here and exercised on Windows only.
 * In the packaged app SumatraPDF must sit outside app.asar: pass its unpacked path.
 */
class WindowsPrinter implements Printer {
  readonly system = 'windows' as const;
  constructor(private readonly sumatraPdfPath?: string) {}

  async list(): Promise<PrinterListing> {
    const lib = await import('pdf-to-printer');
    try {
      const [printers, fallback] = await Promise.all([lib.getPrinters(), lib.getDefaultPrinter()]);
      return {
        available: true,
        printers: printers.map((p) => ({ name: p.name, isDefault: p.name === fallback?.name })),
        message: '',
      };
    } catch (err) {
      return { available: false, printers: [], message: `プリンタ一覧を取得できません（${commandError(err)}）。` };
    }
  }

  async print(file: string, printer: string, _title: string, options: PrintOptions): Promise<{ job: string | null }> {
    const lib = await import('pdf-to-printer');
    await lib.print(file, {
      printer,
      paperSize: options.paper === 'label' ? undefined : options.paper,
      copies: options.copies,
      scale: 'noscale',
      silent: true,
      sumatraPdfPath: this.sumatraPdfPath,
    });
    return { job: null };
  }
}

export function createPrinter(platform: NodeJS.Platform = process.platform): Printer {
  return platform === 'win32' ? new WindowsPrinter() : new CupsPrinter();
}
