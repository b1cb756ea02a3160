/** Entries of the memory check's table: 32 Mi × 4 bytes, far beyond any processor cache. */
const ENTRIES = 1 << 25;
const MASK = ENTRIES - 1;
const READS = 1 << 20;

/** Where the reads' results go, so that none of it is optimised away. */
let memorySink = 0;

/**
 * Nanoseconds per dependent read from main memory: each read's address is the value of the
 * one before, scattered over 128 MB (a full-period step, i → 5·i + 1 mod 2²⁵), so neither the
 * caches nor the prefetcher help (median of three). The store's databases are read this way:
 * a B-tree walk is a chain of dependent reads. On a shared virtual machine this figure moves
 * with the neighbours' memory traffic while a CPU-only check (speedCheck) stays the same.
 */
export function memoryCheck(): number {
  const table = new Int32Array(ENTRIES);
  for (let i = 0; i < ENTRIES; i++) table[i] = (Math.imul(i, 5) + 1) & MASK;
  const runs: number[] = [];
  let at = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    for (let i = 0; i < READS; i++) at = table[at]!;
    runs.push(((performance.now() - start) * 1e6) / READS);
  }
  memorySink ^= at;
  return runs.sort((a, b) => a - b)[1]! + (memorySink & 0);
}
