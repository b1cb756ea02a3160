import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createTestApp, TestClock } from '../helpers/test-app.js';
import type { Rng } from '../helpers/prng.js';
import { compareStates, orderFingerprints, type Fingerprints } from './fingerprint.js';
import { checkInvariants } from './invariants.js';
import type { CrashEnv } from './scenario.js';
import { SCENARIOS, type ScenarioName } from './scenarios.js';
import type { CrashScenario } from './scenario.js';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.ts');

export interface Prepared {
  name: ScenarioName;
  env: CrashEnv;
  template: string;
  before: Fingerprints;
  after: Fingerprints;
  cleanup(): void;
}

function copyOf(template: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-crash-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** Builds the starting folder, and learns the state after the operation from a clean run. */
export async function prepareScenario(name: ScenarioName, env: CrashEnv = {}): Promise<Prepared> {
  const scenario = SCENARIOS[name];
  const template = mkdtempSync(path.join(os.tmpdir(), 'chumon-crash-template-'));
  const t = createTestApp({ dir: template, clock: new TestClock() });
  await scenario.prepare(t.app, env);
  const before = orderFingerprints(t.app.ctx.database.sqlite);
  t.close();
  const reference = copyOf(template);
  const r = createTestApp({ dir: reference, clock: new TestClock() });
  await scenario.run(r.app);
  const after = orderFingerprints(r.app.ctx.database.sqlite);
  r.close();
  rmSync(reference, { recursive: true, force: true });
  return { name, env, template, before, after, cleanup: () => rmSync(template, { recursive: true, force: true }) };
}

type Outcome = { kind: 'completed'; ms: number } | { kind: 'killed_in_boot' | 'killed_in_write' };

/** Runs the worker and SIGKILLs it `delayMs` after it starts writing (or after spawn, in boot). */
function runWorker(
  name: ScenarioName,
  dir: string,
  kill: { phase: 'boot' | 'write'; delayMs: number } | null,
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, name, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let phase: 'boot' | 'write' | 'done' = 'boot';
    let ms = 0;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer = setTimeout(() => child.kill('SIGKILL'), kill!.delayMs);
    };
    if (kill?.phase === 'boot') arm();
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'begin') {
        phase = 'write';
        if (kill?.phase === 'write') arm();
      } else if (line.startsWith('done ')) {
        phase = 'done';
        ms = Number(line.slice(5));
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && phase !== 'done')
        return resolve({ kind: phase === 'boot' ? 'killed_in_boot' : 'killed_in_write' });
      // Killed after "done" (while closing) still counts as a completed write.
      if (phase === 'done' && (code === 0 || signal === 'SIGKILL')) return resolve({ kind: 'completed', ms });
      reject(new Error(`worker ${name} exited ${code ?? signal} in ${phase}: ${stderr.slice(0, 2000)}`));
    });
  });
}

export interface CrashReport {
  scenario: string;
  seed: number;
  killedInWrite: number;
  killedInBoot: number;
  completed: number;
  resumed: number;
  /** Problems found after restarts; empty when every kill was survived. */
  problems: string[];
}

type Side = 'before' | 'after' | 'mixed' | 'unknown';

/**
 * After a restart (the app booted on the folder): integrity, cross-table rules, every order
 * before or after (atomic: all on one side), and the scenario's own checks.
 */
async function inspect(
  prepared: Prepared,
  dir: string,
  label: string,
  mark: unknown,
): Promise<{ problems: string[]; side: Side }> {
  const scenario: CrashScenario = SCENARIOS[prepared.name];
  const t = createTestApp({ dir, clock: new TestClock() });
  // No live sync round may change the database under the inspection.
  t.app.ctx.services.sync.stopLive();
  try {
    const { sqlite } = t.app.ctx.database;
    const problems = checkInvariants(sqlite).map((p) => `${label}: ${p}`);
    for (const p of (await scenario.check?.(t.app, prepared.env, mark)) ?? []) problems.push(`${label}: ${p}`);
    if (scenario.comparesOrders === false) return { problems, side: 'unknown' };
    const cmp = compareStates(orderFingerprints(sqlite), prepared.before, prepared.after);
    if (cmp.neither.length)
      problems.push(
        `${label}: ${cmp.neither.length} order(s) half-applied, e.g. ${JSON.stringify(cmp.neither.slice(0, 2))}`,
      );
    if (scenario.atomic && cmp.before > 0 && cmp.after > 0)
      problems.push(`${label}: ${cmp.before} order(s) before and ${cmp.after} after one transaction`);
    const side = cmp.after === 0 ? 'before' : cmp.before === 0 && !cmp.neither.length ? 'after' : 'mixed';
    return { problems, side };
  } finally {
    t.close();
  }
}

/**
 * Kills the scenario's worker `rounds` times at random points (10% during boot, the rest
 * during the write), restarting the app after each kill and inspecting the database. Every
 * `resumeEvery`-th round killed before the end also finishes the operation in-process after
 * the restart, to show the app carries on from where it stopped.
 */
export async function killRounds(prepared: Prepared, rng: Rng, rounds: number, resumeEvery = 4): Promise<CrashReport> {
  const scenario: CrashScenario = SCENARIOS[prepared.name];
  const report: CrashReport = {
    scenario: prepared.name,
    seed: rng.seed,
    killedInWrite: 0,
    killedInBoot: 0,
    completed: 0,
    resumed: 0,
    problems: [],
  };
  const calibrationDir = copyOf(prepared.template);
  const calibrationMark = scenario.beforeRound?.(prepared.env);
  const calibration = await runWorker(prepared.name, calibrationDir, null);
  if (calibration.kind !== 'completed') throw new Error('calibration run did not complete');
  const calibrated = await inspect(prepared, calibrationDir, 'clean run', calibrationMark);
  report.problems.push(...calibrated.problems);
  if (calibrated.side !== 'after' && calibrated.side !== 'unknown')
    report.problems.push('clean run: not in the state after the operation');
  rmSync(calibrationDir, { recursive: true, force: true });
  for (let round = 1; round <= rounds; round++) {
    const dir = copyOf(prepared.template);
    try {
      const kill = rng.chance(0.1)
        ? { phase: 'boot' as const, delayMs: rng.int(0, 600) }
        : // Within 90% of a clean run's time, so a busy machine's slower run is still cut mid-write.
          { phase: 'write' as const, delayMs: Math.floor(rng.next() * calibration.ms * 0.9) };
      const mark = scenario.beforeRound?.(prepared.env);
      const outcome = await runWorker(prepared.name, dir, kill);
      if (outcome.kind === 'killed_in_write') report.killedInWrite += 1;
      else if (outcome.kind === 'killed_in_boot') report.killedInBoot += 1;
      else report.completed += 1;
      const label = `round ${round} (${kill.phase} +${kill.delayMs} ms, ${outcome.kind})`;
      const seen = await inspect(prepared, dir, label, mark);
      report.problems.push(...seen.problems);
      if (outcome.kind === 'completed' && seen.side !== 'after' && seen.side !== 'unknown')
        report.problems.push(`${label}: completed but not after`);
      if (scenario.resumable && seen.side !== 'after' && round % resumeEvery === 0 && !seen.problems.length) {
        const t = createTestApp({ dir, clock: new TestClock() });
        await scenario.run(t.app);
        t.close();
        report.resumed += 1;
        const resumed = await inspect(prepared, dir, `${label}, resumed`, mark);
        report.problems.push(...resumed.problems);
        if (resumed.side !== 'after' && resumed.side !== 'unknown')
          report.problems.push(`${label}: resumed run did not reach the state after`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(
    `[crash ${report.scenario}] seed ${report.seed}: ${report.killedInWrite} kills during the write, ` +
      `${report.killedInBoot} during boot, ${report.completed} finished before the kill, ${report.resumed} resumed; ` +
      `${report.problems.length} problem(s)`,
  );
  return report;
}
