import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const DAMON = '/sys/kernel/mm/damon/admin/kdamonds';

const read = (file: string) => readFileSync(file, 'utf8').trim();
const list = (dir: string) => readdirSync(dir).filter((name) => /^\d+$/.test(name));

/**
 * Whether the kernel pages out memory left unused on its own (Linux DAMON `pageout` schemes,
 * which some virtual machines run to give memory back to their host): the page cache of a
 * database copy read a while ago may then be partly gone when a figure reads it. In words,
 * for the bench's conditions; 'none' where nothing of the kind runs or it cannot be told.
 */
export function kernelReclaim(): string {
  const found: string[] = [];
  try {
    for (const kdamond of list(DAMON)) {
      const dir = path.join(DAMON, kdamond);
      if (read(path.join(dir, 'state')) !== 'on') continue;
      for (const context of list(path.join(dir, 'contexts'))) {
        const ctx = path.join(dir, 'contexts', context);
        const aggregateUs = Number(read(path.join(ctx, 'monitoring_attrs', 'intervals', 'aggr_us')));
        for (const scheme of list(path.join(ctx, 'schemes'))) {
          const s = path.join(ctx, 'schemes', scheme);
          const action = read(path.join(s, 'action'));
          if (action !== 'pageout') continue;
          const minAge = Number(read(path.join(s, 'access_pattern', 'age', 'min')));
          const quotaMb = Number(read(path.join(s, 'quotas', 'bytes'))) / 2 ** 20;
          const resetMs = Number(read(path.join(s, 'quotas', 'reset_interval_ms')));
          found.push(
            `DAMON pageout of memory unused for ${((minAge * aggregateUs) / 1e6).toFixed(0)} s` +
              (quotaMb > 0 ? `, up to ${quotaMb.toFixed(0)} MB per ${resetMs} ms` : ''),
          );
        }
      }
    }
  } catch {
    // no DAMON here, or not readable: nothing of the kind to report
  }
  return found.length ? found.join('; ') : 'none';
}
