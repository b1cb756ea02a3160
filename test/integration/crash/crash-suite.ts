import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, testSeed } from '../../helpers/prng.js';
import { killRounds, prepareScenario, type Prepared } from './kill-loop.js';
import type { ScenarioName } from './scenarios.js';

/** One crash test file per scenario, so vitest spreads them over the cores. */
export function describeCrash(name: ScenarioName, title: string, rounds = 8): void {
  // Kills per scenario in `npm test`; CHUMON_CRASH_ROUNDS=100 for a long soak.
  const ROUNDS = Number(process.env.CHUMON_CRASH_ROUNDS ?? rounds);
  let prepared: Prepared;
  beforeAll(async () => {
    prepared = await prepareScenario(name);
  }, 120_000);
  afterAll(() => prepared?.cleanup());

  describe(`crash: ${title}`, () => {
    it('survives SIGKILL at random points: integrity ok, every order before or after, history/outbox/stock agree', async () => {
      const report = await killRounds(prepared, createRng(testSeed(`crash ${name}`)), ROUNDS);
      expect(report.problems).toEqual([]);
      expect(report.killedInWrite + report.killedInBoot).toBeGreaterThanOrEqual(ROUNDS / 2);
    }, 240_000);
  });
}
