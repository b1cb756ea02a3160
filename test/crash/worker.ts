/**
 * Child process of the crash harness: `node --import tsx worker.ts <scenario> <dataDir>`.
 * Prints "begin" just before the heavy write and "done <ms>" after it; the parent kills it
 * with SIGKILL somewhere in between (or during boot).
 */
import { createTestApp, TestClock } from '../helpers/test-app.js';
import { SCENARIOS, type ScenarioName } from './scenarios.js';

const [name, dir] = process.argv.slice(2);
const scenario = name && Object.hasOwn(SCENARIOS, name) ? SCENARIOS[name as ScenarioName] : undefined;
if (!scenario || !dir) {
  console.error(`usage: worker.ts <${Object.keys(SCENARIOS).join('|')}> <dataDir>`);
  process.exit(2);
}
const t = createTestApp({ dir, clock: new TestClock() });
process.stdout.write('begin\n');
const started = performance.now();
await scenario.run(t.app);
process.stdout.write(`done ${Math.round(performance.now() - started)}\n`);
t.close();
