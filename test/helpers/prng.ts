/**
 * A small seeded PRNG (mulberry32) for fault-injection and fuzz tests: a failure prints its
 * seed, and CHUMON_TEST_SEED=<seed> replays exactly the same run.
 */
export interface Rng {
  readonly seed: number;
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

/** The run's seed: CHUMON_TEST_SEED when replaying, else a fresh one. Printed either way. */
export function testSeed(label: string): number {
  const given = process.env.CHUMON_TEST_SEED;
  const seed = given ? Number(given) >>> 0 : Math.floor(Math.random() * 2 ** 32) >>> 0;
  console.log(`[${label}] seed ${seed} (replay with CHUMON_TEST_SEED=${seed})`);
  return seed;
}
