import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

/** Waits until CUPS lists the job as completed (cups-pdf has then written its file). */
export async function waitForJob(queue: string, job: string): Promise<void> {
  await vi.waitFor(
    () => {
      const done = execFileSync('lpstat', ['-W', 'completed', '-o', queue], {
        encoding: 'utf8',
        env: { ...process.env, LANG: 'C' },
      });
      if (!done.split('\n').some((l) => l.startsWith(`${job} `))) throw new Error(`print job ${job} is not completed`);
    },
    { timeout: 60_000, interval: 200 },
  );
}

/** The PDF cups-pdf wrote for a job (in $HOME/PDF, named …job_<n>.pdf). */
export function cupsPdfOf(job: string): string[] {
  const outDir = path.join(os.homedir(), 'PDF');
  const number = job.split('-').pop();
  return readdirSync(outDir)
    .filter((f) => f.endsWith(`job_${number}.pdf`))
    .map((f) => path.join(outDir, f));
}

/** Page count and the first page's size in points (poppler's pdfinfo). */
export function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const text = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(text);
  const pages = /Pages:\s+(\d+)/.exec(text);
  return { pages: Number(pages?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) };
}

/**
 * The copies and paper CUPS took a job with (cups-pdf writes one copy whatever the count,
 * so the job's own attributes are what the printer was asked for), through ipptool.
 */
export function cupsJobAttributes(job: string): { copies: number; media: string } {
  const number = job.split('-').pop();
  const text = execFileSync(
    'ipptool',
    ['-tv', `ipp://localhost/jobs/${number}`, '/usr/share/cups/ipptool/get-job-attributes.test'],
    { encoding: 'utf8', env: { ...process.env, LANG: 'C' } },
  );
  return {
    copies: Number(/copies \(integer\) = (\d+)/.exec(text)?.[1]),
    media: /\bmedia \(keyword\) = (\S+)/.exec(text)?.[1] ?? '',
  };
}
