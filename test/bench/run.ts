import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DB_FILE_NAME } from '../../src-main/app/bootstrap.js';
import { seedDemoInParallel } from '../../src-main/demo/seed.js';
import { BENCH_ROOT, makeEnv, openApp, type BenchSection, type Measurement } from './harness.js';
import { SECTIONS } from './sections/index.js';

/**
 * `npm run bench [-- --orders N] [--only name,name] [--fresh]`: builds (once, cached) a
 * seeded database of N orders, runs every section against copies of it, prints a table
 * and writes test-results/bench.json. Targets come from the issues; a miss is marked ✗.
 */
const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000000' },
    only: { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});
const orders = Number(values.orders);
const largeDir = path.join(BENCH_ROOT, `large-${orders}`);
const results: { section: string; measurements: Measurement[] }[] = [];

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

function verdict(m: Measurement): string {
  if (!m.target) return ' ';
  const ok = m.target.op === '<' ? m.value < m.target.value : m.value > m.target.value;
  return ok ? '✓' : '✗';
}

function print(section: string, measurements: Measurement[]): void {
  console.log(`\n## ${section}`);
  for (const m of measurements) {
    const value = m.unit === 'x' ? m.value.toFixed(2) : m.value < 10 ? m.value.toFixed(2) : m.value.toFixed(0);
    const target = m.target ? ` (target ${m.target.op} ${m.target.value} ${m.unit})` : '';
    console.log(`${verdict(m)} ${m.name}: ${value} ${m.unit}${target}${m.note ? ` — ${m.note}` : ''}`);
  }
}

async function main(): Promise<void> {
  const only = values.only?.split(',');
  const seed = await seedLarge();
  results.push({ section: 'seed', measurements: seed });
  print('seed', seed);
  if (!existsSync(path.join(largeDir, DB_FILE_NAME))) throw new Error('large database missing');
  // Bring the cached database up to the current schema once, not in every section's copy.
  openApp(largeDir).close();
  const selected: BenchSection[] = SECTIONS.filter((s) => !only || only.includes(s.name));
  for (const section of selected) {
    const measurements = await section.run(makeEnv(orders, largeDir, section.name, values.fresh));
    results.push({ section: section.name, measurements });
    print(section.name, measurements);
  }
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench.json', JSON.stringify({ orders, at: new Date().toISOString(), results }, null, 2));
  const missed = results.flatMap((r) => r.measurements).filter((m) => verdict(m) === '✗');
  console.log(
    `\n${missed.length === 0 ? 'every target met' : `${missed.length} target(s) missed: ${missed.map((m) => m.name).join(', ')}`}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
