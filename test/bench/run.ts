import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DB_FILE_NAME } from '../../src-main/app/bootstrap.js';
import { seedDemoInParallel } from '../../src-main/demo/seed.js';
import { CpuBusy, describeConditions, memoryCheck, readConditions, speedCheck, sqliteCheck } from './conditions.js';
import { BENCH_ROOT, makeEnv, openApp, type BenchSection, type Measurement } from './harness.js';
import { Figures, formatFigure, medianOf, meets } from './report.js';
import { SECTIONS } from './sections/index.js';

/**
 * `npm run bench [-- --orders N] [--only name,name] [--repeat N] [--fresh]`: builds (once,
 * cached) a seeded database of N orders, runs every section against copies of it (N times
 * with --repeat: min, median and max of each figure), prints the run's conditions and a
 * table, and writes test-results/bench.json. A figure misses (✗) when any run misses.
 */
const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000000' },
    only: { type: 'string' },
    repeat: { type: 'string', default: '1' },
    fresh: { type: 'boolean', default: false },
  },
});
const orders = Number(values.orders);
const repeat = Math.max(1, Number(values.repeat) || 1);
const largeDir = path.join(BENCH_ROOT, `large-${orders}`);
const figures = new Figures();

async function seedLarge(): Promise<Measurement[]> {
  const marker = path.join(largeDir, 'seed.json');
  if (!values.fresh && existsSync(marker)) {
    return [{ ...(JSON.parse(readFileSync(marker, 'utf8')) as Measurement), note: 'cached from an earlier run' }];
  }
  rmSync(largeDir, { recursive: true, force: true });
  mkdirSync(largeDir, { recursive: true });
  const app = openApp(largeDir);
  const start = performance.now();
  await seedDemoInParallel(app.ctx.database.sqlite, { orders, now: new Date() });
  const seconds = (performance.now() - start) / 1000;
  app.ctx.database.sqlite.exec('ANALYZE');
  app.ctx.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  app.close();
  const m: Measurement = {
    name: `seed ${orders.toLocaleString()} orders`,
    value: seconds,
    unit: 's',
    target: { op: '<', value: 60 },
  };
  writeFileSync(marker, JSON.stringify(m));
  return [m];
}

async function main(): Promise<void> {
  const only = values.only?.split(',');
  const busy = new CpuBusy();
  const seed = await seedLarge();
  figures.add('seed', seed);
  const dbFile = path.join(largeDir, DB_FILE_NAME);
  if (!existsSync(dbFile)) throw new Error('large database missing');
  // Bring the cached database up to the current schema once, not in every section's copy.
  openApp(largeDir).close();
  const conditions = readConditions(dbFile, orders);
  for (const line of describeConditions(conditions)) console.log(line);
  // The seed is a figure with a target too: printed first, measured now or read from the cache.
  console.log('\n## seed');
  for (const m of seed) console.log(formatFigure({ section: 'seed', measurement: m, values: [m.value] }));
  const selected: BenchSection[] = SECTIONS.filter((s) => !only || only.includes(s.name));
  for (let run = 1; run <= repeat; run++) {
    for (const section of selected) {
      const measurements = await section.run(makeEnv(orders, largeDir, section.name, values.fresh));
      figures.add(section.name, measurements);
      console.log(`\n## ${section.name}${repeat > 1 ? ` (run ${run} of ${repeat})` : ''}`);
      for (const m of measurements)
        console.log(formatFigure({ section: section.name, measurement: m, values: [m.value] }));
    }
  }
  const all = figures.all();
  if (repeat > 1) {
    console.log(`\n## every figure over ${repeat} runs`);
    let section = '';
    for (const f of all) {
      if (f.section !== section) console.log(`\n### ${(section = f.section)}`);
      console.log(formatFigure(f));
    }
  }
  const machineBusy = busy.share();
  const loadAtEnd = os.loadavg()[0]!;
  console.log(
    `\nduring the run: machine CPU ${machineBusy ?? '?'}% busy (this bench included), load average at end ${loadAtEnd.toFixed(2)}, CPU speed check at end ${speedCheck().toFixed(0)} ms, memory check ${memoryCheck().toFixed(0)} ns, SQLite check ${sqliteCheck().toFixed(0)} ms`,
  );
  mkdirSync('test-results', { recursive: true });
  writeFileSync(
    'test-results/bench.json',
    JSON.stringify(
      {
        orders,
        repeat,
        at: new Date().toISOString(),
        conditions: { ...conditions, machineBusyPercent: machineBusy, loadAtEnd },
        figures: all.map((f) => ({
          section: f.section,
          ...f.measurement,
          value: medianOf(f.values),
          values: f.values,
          met: meets(f),
        })),
      },
      null,
      2,
    ),
  );
  const missed = all.filter((f) => meets(f) === false);
  console.log(
    `\n${missed.length === 0 ? 'every target met' : `${missed.length} target(s) missed: ${missed.map((f) => f.measurement.name).join(', ')}`}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
