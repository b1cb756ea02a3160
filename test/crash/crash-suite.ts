import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, testSeed } from '../helpers/prng.js';
import { killRounds, prepareScenario, type Prepared } from './kill-loop.js';
import type { CrashEnv } from './scenario.js';
import type { ScenarioName } from './scenarios.js';

export interface CrashSuiteOptions {
  rounds?: number;
  /** Starts what the scenario needs in the test process (a central server, an SMTP server). */
  env?: () => Promise<CrashEnv & { close(): Promise<void> }>;
}

/** One crash test file per scenario, so vitest spreads them over the cores. */
export function describeCrash(name: ScenarioName, title: string, options: CrashSuiteOptions = {}): void {
  // Kills per scenario in `npm test`; CHUMON_CRASH_ROUNDS=100 for a long soak.
  const ROUNDS = Number(process.env.CHUMON_CRASH_ROUNDS ?? options.rounds ?? 8);
  let prepared: Prepared;
  let env: (CrashEnv & { close(): Promise<void> }) | undefined;
  beforeAll(async () => {
    env = await options.env?.();
    prepared = await prepareScenario(name, env);
  }, 180_000);
  afterAll(async () => {
    prepared?.cleanup();
    await env?.close();
  });

  describe(`crash: ${title}`, () => {
    it('survives SIGKILL at random points: integrity ok, every order before or after, history/outbox/stock agree', async () => {
      const report = await killRounds(prepared, createRng(testSeed(`crash ${name}`)), ROUNDS);
      expect(report.problems).toEqual([]);
      // Timing varies with machine load; at least a third of the rounds must really cut the work.
      expect(report.killedInWrite + report.killedInBoot).toBeGreaterThanOrEqual(Math.max(1, Math.floor(ROUNDS / 3)));
    }, 400_000);
  });
}
